/**
 * One file served from memory with an ETag, a Cache-Control policy and, when the build made them
 * (the 3.9 MB Web Chat bundle), brotli and gzip copies chosen by the browser's Accept-Encoding.
 */
import { createHash } from 'node:crypto';
import type * as restify from 'restify';

/** Our own files may change with a deploy: revalidate (cheap with the ETag). */
export const REVALIDATE = 'no-cache';
/** A URL that carries the version never changes content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Precompressed copies of the same bytes. */
export interface Encoded {
  readonly br?: Buffer;
  readonly gzip?: Buffer;
}

/**
 * Our preference, not the header's order: Chromium sends "gzip, deflate, br, zstd", and brotli is
 * a quarter smaller here. (restify's negotiator 0.6 would pick by the header's order.) A coding
 * the browser lists with q=0 is refused.
 */
export function chooseEncoding(acceptEncoding: string, encoded: Encoded): keyof Encoded | undefined {
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding, ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (coding && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(coding);
  }
  return (['br', 'gzip'] as const).find((coding) => encoded[coding] !== undefined && accepted.has(coding));
}

export class StaticAsset {
  readonly etag: string;

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly cacheControl: string,
    private readonly encoded: Encoded = {},
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
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
    const common = {
      ...headers,
      'Content-Type': this.contentType,
      'Cache-Control': this.cacheControl,
      ETag: this.etag,
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === this.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    const coding = chooseEncoding(String(req.headers['accept-encoding'] ?? ''), this.encoded);
    const body = coding ? this.encoded[coding]! : this.body;
    res.writeHead(200, { ...common, 'Content-Length': String(body.length), ...(coding ? { 'Content-Encoding': coding } : {}) });
    res.end(body);
  }
}
