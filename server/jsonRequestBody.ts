/**
 * Request bodies: JSON only, read into memory, at most MAX_BODY_BYTES. (restify's bodyParser also
 * took multipart uploads and wrote each file to the temp folder before any handler, auth included,
 * had run; and it counted gzip bodies by their compressed size.)
 *   refuseNonJsonBodies – a pre-routing handler: on every endpoint, a request that carries a body
 *     other than uncompressed UTF-8 JSON gets 415 before a byte of it is read;
 *   readJsonBody – reads and parses the body; each route puts it after its own credential check.
 */
import getRawBody from 'raw-body';
import type * as restify from 'restify';
import type { BotConfig } from '../config/BotConfig';

/**
 * Drops a byte-order mark, as raw-body's decoder did; raw-body's own decoding loaded iconv-lite's table of
 * every encoding on the first request (~7 ms of the first turn) to decode the one that is accepted.
 */
const UTF8 = new TextDecoder('utf-8');

const JSON_MEDIA_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;

function carriesBody(req: restify.Request): boolean {
  return req.isChunked() || req.getContentLength() > 0;
}

/** Answers without reading the rest of the body: the connection is closed after the answer, not drained for the next request. */
export function refuseUnread(res: restify.Response, status: number, error: string): void {
  res.header('Connection', 'close');
  res.send(status, { error });
}

export function refuseNonJsonBodies(): restify.RequestHandler {
  return (req, res, next) => {
    if (!carriesBody(req)) return next();
    const type = (req.header('content-type') ?? '').trim();
    const encoding = (req.header('content-encoding') ?? 'identity').trim().toLowerCase();
    if (!JSON_MEDIA_TYPE.test(type) || encoding !== 'identity') {
      refuseUnread(res, 415, 'only application/json request bodies are accepted (UTF-8, not compressed)');
      return next(false);
    }
    return next();
  };
}

export function readJsonBody(config: Pick<BotConfig, 'maxBodyBytes'>): restify.RequestHandler {
  return (req, res, next) => {
    if (!carriesBody(req)) return next();
    getRawBody(req, { length: req.header('content-length'), limit: config.maxBodyBytes }).then(
      (bytes) => {
        try {
          req.body = JSON.parse(UTF8.decode(bytes)) as unknown;
        } catch {
          res.send(400, { error: 'the body is not valid JSON' });
          return next(false);
        }
        return next();
      },
      (error: { type?: string }) => {
        if (error.type === 'entity.too.large') refuseUnread(res, 413, `the body is larger than ${config.maxBodyBytes} bytes`);
        else res.send(400, { error: 'the body could not be read' });
        return next(false);
      },
    );
  };
}
