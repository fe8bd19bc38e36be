/**
 * The guided safety check as a turn sees it. dialogs/ScreeningDialog is the one implementation and
 * createBot registers it: the dialog builds on the turn's pieces, the turn never imports dialogs/.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { TurnOutcome } from './TurnOutcome';

export interface Screening {
  /** Starts the questions: the introduction and the first one. */
  begin(dc: DialogContext): Promise<TurnOutcome>;
  /** The active screening's current question, asked again (after a "no" to a clarifying question). */
  askAgain(dc: DialogContext): TurnOutcome;
}
