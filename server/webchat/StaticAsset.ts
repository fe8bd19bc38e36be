/**
 * One file served from memory with an ETag, a Cache-Control policy and, for the 3.9 MB Web Chat
 * bundle, a gzip copy made once in the background (zlib runs on the thread pool, so start-up and
 * requests are not held up; until it is ready the plain bytes are served).
 */
import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import type * as restify from 'restify';

/** Our own files may change with a deploy: revalidate (cheap with the ETag). */
export const REVALIDATE = 'no-cache';
/** A URL that carries the version never changes content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export class StaticAsset {
  readonly etag: string;
  private gzipped?: Buffer;

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly cacheControl: string,
    compress = false,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    if (compress) gzip(body, { level: 9 }, (error, result) => { if (!error) this.gzipped = result; });
  }

  static text(body: string, contentType: string, cacheControl = REVALIDATE): StaticAsset {
    return new StaticAsset(Buffer.from(body, 'utf8'), contentType, cacheControl);
  }

  handler(headers: () => Record<string, string>): restify.RequestHandler {
    return (req, res, next) => {
      this.send(req, res, headers());
      return next();
    };
  }

  send(req: restify.Request, res: restify.Response, headers: Record<string, string>): void {
    const common = { ...headers, 'Content-Type': this.contentType, 'Cache-Control': this.cacheControl, ETag: this.etag, Vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === this.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    const useGzip = this.gzipped !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip ? this.gzipped! : this.body;
    res.writeHead(200, { ...common, 'Content-Length': String(body.length), ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(body);
  }
}
