/**
 * The id of the HTTP request a turn answers, kept in the turn's own state (the server puts it there),
 * so that a log line written inside the turn (the turn error handler, a turn run again after an eTag
 * race, a save after the reply, the transcript) names its request. Not AsyncLocalStorage: on Node 20
 * it makes every promise of the process dearer (13-33 µs of CPU per turn measured), and every place
 * that logs inside a turn holds the turn's context anyway.
 */
import type { Logger } from './logger';

const REQUEST_ID = Symbol('requestId');

/** What carries a turn's state (botbuilder's TurnContext): config stays free of the SDK. */
export interface TurnStateHolder {
  readonly turnState: Map<unknown, unknown>;
}

export function keepRequestId(turn: TurnStateHolder, requestId: string): void {
  turn.turnState.set(REQUEST_ID, requestId);
}

/** The logger for a line about this turn: each line carries the request's id (`reqId`) when the turn answers one. */
export function turnLogger(logger: Logger, turn: TurnStateHolder): Logger {
  const reqId = turn.turnState.get(REQUEST_ID);
  return typeof reqId === 'string' ? logger.child({ reqId }) : logger;
}
