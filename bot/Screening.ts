/**
 * The guided safety check as a turn sees it: a state machine over `SessionState.screening`.
 * dialogs/ScreeningDialog is the one implementation and createBot hands it in: the screening builds
 * on the turn's pieces, the turn never imports dialogs/.
 */
import type { PatientMessage } from './PatientMessage';
import type { SessionState } from './SessionState';
import type { TurnOutcome } from './TurnOutcome';

export interface Screening {
  /** Starts the questions: the introduction and the first one. */
  begin(session: SessionState): TurnOutcome;
  /**
   * The patient's message while the screening runs (`session.screening` is set); undefined when the
   * message leaves it ("start over", "menu"…) and is handled as it is anywhere else.
   */
  continue(session: SessionState, message: PatientMessage): TurnOutcome | undefined;
  /** The current question, asked again (after a "no" to a clarifying question). */
  askAgain(session: SessionState): TurnOutcome;
}
