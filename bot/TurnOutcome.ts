/**
 * What a turn decided: the replies for the patient, the usage events and the Emulator's traces.
 * Handlers return one instead of sending; TurnDelivery renders and sends it in one place, after
 * the state is saved, and records the events of what went out. The one exception is safety advice,
 * which leaves at once (TurnDelivery.sendNow) and returns only its events.
 */
import type { Reply } from '../channels/Reply';
import type { Trace } from './Traces';
import type { TurnEvent } from '../knowledge/usage/TurnEvents';

export interface TurnOutcome {
  readonly replies: readonly Reply[];
  readonly events: readonly TurnEvent[];
  readonly traces: readonly Trace[];
  /**
   * "Forget me": the conversation's state is deleted, so this confirmation goes out as it is, without
   * the session policy (which would write the state again); the chat page drops its own copy on it.
   */
  readonly forgotten?: string;
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
  return {
    replies: outcomes.flatMap((each) => each.replies),
    events: outcomes.flatMap((each) => each.events),
    traces: outcomes.flatMap((each) => each.traces),
    ...(forgotten !== undefined && { forgotten }),
  };
}
