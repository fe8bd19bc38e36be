/**
 * What happened in a turn, for the practice's counts and the unanswered-questions report.
 * Events carry no user or conversation ids; only `unanswered` and `unsureAnswer` carry text (redacted
 * when stored). `unsureAnswer` comes beside `answered` when the bot answered with low confidence, so
 * staff see it in kb:unanswered; it is not counted again.
 */
import type { Urgency } from '../safety/SafetyAssessment';

export type TurnEvent =
  | { readonly kind: 'conversationStarted' }
  | { readonly kind: 'answered'; readonly entryId: string }
  | { readonly kind: 'unanswered'; readonly outcome: 'none' | 'didYouMean'; readonly text: string; readonly closestEntryId?: string }
  | { readonly kind: 'unsureAnswer'; readonly entryId: string; readonly text: string }
  | { readonly kind: 'screeningStarted' }
  | { readonly kind: 'screeningFinished' }
  | { readonly kind: 'escalated'; readonly urgency: Urgency }
  | { readonly kind: 'bookingOffered' };

export interface TurnEventSink {
  /** The conversation id only links an unanswered question to its conversation, for forget(); it is never stored. */
  record(event: TurnEvent, channelId: string, conversationId: string): void;
  /** "Forget me": deletes what was kept of this conversation's questions. */
  forget(channelId: string, conversationId: string): Promise<void>;
}

/** For tests and tools that do not keep statistics. */
export const ignoreTurnEvents: TurnEventSink = { record: () => undefined, forget: async () => undefined };
