/**
 * What the bot remembers about one conversation. `escalation` is deliberately apart from the
 * screening's progress: cancel, start over and error recovery end the screening, and must never
 * make the bot forget that a patient was told to seek urgent care.
 */
import type { Reply, ReplyChoice } from '../channels/Reply';
import type { Urgency } from '../safety/SafetyAssessment';

export interface EscalationRecord {
  readonly urgency: Urgency;
  readonly flags: readonly string[];
  readonly at: string;
}

/** Where the patient is in the safety check (dialogs/ScreeningDialog). */
export interface ScreeningProgress {
  /** The red-flag questions first, then the context questions. */
  step: number;
  /** How often the current question was asked again. */
  reasks: number;
  durationWeeks?: number;
  pain?: number;
  age?: number;
}

export interface SessionState {
  escalation?: EscalationRecord;
  /** Set while the safety check is running. */
  screening?: ScreeningProgress;
  /** Set once the patient has been welcomed or introduced. */
  welcomed?: boolean;
  /** The last numbered list offered on a plain-text channel, so "2" means its second item. */
  numberedChoices?: ReplyChoice[];
  /** What was held back to keep an SMS short, sent when the patient replies MORE; replaced every reply. */
  more?: Reply[];
  /** The red-flag rule a clarifying question was asked about, answered on the next turn. */
  pendingClarification?: string;
  /** The safety check is offered once when a patient describes their symptoms. */
  safetyCheckOffered?: boolean;
  /** ISO time of the last message, to greet an SMS patient as new after a long silence. */
  lastMessageAt?: string;
  /** The FAQ entry answered last, so a short follow-up ("and how long does it last?") is read with it. An id, never the patient's text. */
  lastEntryId?: string;
}

/** Notes that the patient wrote; true for the conversation's first message, which is what kb:stats counts. */
export function notePatientMessage(session: SessionState): boolean {
  const first = session.lastMessageAt === undefined;
  session.lastMessageAt = new Date().toISOString();
  return first;
}
