/**
 * The id of the HTTP request a piece of work belongs to, carried through async calls so that a log
 * line written deep inside a turn (a storage error, the turn error handler) names its request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const requests = new AsyncLocalStorage<string>();

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return requests.run(requestId, work);
}

/** Fields pino adds to every log line: `{ reqId }` inside a request, nothing outside. */
export function requestLogFields(): { reqId?: string } {
  const reqId = requests.getStore();
  return reqId === undefined ? {} : { reqId };
}
