/**
 * One log line per HTTP request: id, method, path (no query string: it may carry a token), status
 * and duration; never a body or a header value. The id is the caller's `x-request-id` when it
 * looks like an id (Azure and proxies set one, and it lets a log line be matched with theirs),
 * else restify's own; it is echoed in the response's `x-request-id`. A refused request's reason
 * (noteRefusal) goes on the same line, so a flood of refusals is one line each.
 */
import type * as restify from 'restify';
import type { Logger } from '../config/logger';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id'] as const;
/** Anything else a caller sends as an id could forge or break log lines. */
const PLAUSIBLE_ID = /^[\w.:-]{1,128}$/;
const STARTED = Symbol('startedAt');
const REFUSAL = Symbol('refusal');
const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz']);

type TimedRequest = restify.Request & { [STARTED]?: bigint; [REFUSAL]?: string };

/** Why the request was refused, for its log line; the caller is told nothing more than the status. */
export function noteRefusal(req: restify.Request, reason: string): void {
  (req as TimedRequest)[REFUSAL] = reason;
}

export function registerRequestLogging(server: restify.Server, logger: Logger): void {
  server.pre((req: TimedRequest, res: restify.Response, next: restify.Next) => {
    req[STARTED] = process.hrtime.bigint();
    const incoming = REQUEST_ID_HEADERS.map((name) => req.header(name)).find((value) => value && PLAUSIBLE_ID.test(value));
    // restify's req.id(value) sets the id (its typings only know the getter).
    if (incoming) (req as unknown as { id(value: string): string }).id(incoming);
    res.setHeader('x-request-id', req.id());
    next();
  });

  server.on('after', (req: TimedRequest, res: restify.Response) => {
    const started = req[STARTED];
    const ms = started === undefined ? undefined : Number(process.hrtime.bigint() - started) / 1e6;
    const refused = req[REFUSAL];
    const fields = {
      reqId: req.id(),
      method: req.method,
      path: req.path(),
      status: res.statusCode,
      ms: ms && Math.round(ms * 10) / 10,
      ...(refused ? { refused } : {}),
    };
    if (QUIET_PATHS.has(req.path())) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  });
}
