/**
 * What a turn decided: the replies for the patient, the usage events and the Emulator's traces.
 * Handlers return one instead of sending; TurnDelivery renders and sends it in one place, after
 * the state is saved, and records the events of what went out. The one exception is a red flag's
 * advice, which SciaticaBot sends the moment the outcome returns (TurnDelivery.sendNow), before
 * anything is saved.
 */
import type { Reply } from '../channels/Reply';
import type { SafetyAssessment } from '../safety/SafetyAssessment';
import type { TurnEvent } from '../usage/TurnEvents';
import type { Trace } from './Traces';

/** A red flag the check (or a yes in the screening or to a clarifying question) found. */
export type Escalation = Extract<SafetyAssessment, { kind: 'escalate' }>;

export interface TurnOutcome {
  readonly replies: readonly Reply[];
  readonly events: readonly TurnEvent[];
  readonly traces: readonly Trace[];
  /**
   * "Forget me": the conversation's state is deleted, so this confirmation goes out as it is, without
   * the session policy (which would write the state again); the chat page drops its own copy on it.
   */
  readonly forgotten?: string;
  /** A red flag: its advice, sent at once, and the escalation the session remembers after the reply. */
  readonly escalation?: {
    readonly advice: Reply;
    readonly trace: Trace;
    readonly escalation: Escalation;
  };
}

export const NOTHING: TurnOutcome = Object.freeze({ replies: [], events: [], traces: [] });

export function outcome(parts: Partial<TurnOutcome>): TurnOutcome {
  return { ...NOTHING, ...parts };
}

export function replying(...replies: Reply[]): TurnOutcome {
  return outcome({ replies });
}

/** Several outcomes of one turn, in order. */
export function combine(...outcomes: readonly TurnOutcome[]): TurnOutcome {
  const forgotten = outcomes.find((each) => each.forgotten !== undefined)?.forgotten;
  const escalation = outcomes.find((each) => each.escalation)?.escalation;
  return {
    replies: outcomes.flatMap((each) => each.replies),
    events: outcomes.flatMap((each) => each.events),
    traces: outcomes.flatMap((each) => each.traces),
    ...(forgotten !== undefined && { forgotten }),
    ...(escalation && { escalation }),
  };
}
