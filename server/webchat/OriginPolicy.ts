/**
 * Which web pages may call the web chat endpoints. Browsers send `Origin` on every POST, so a missing
 * or foreign Origin means a script on another site (or not a browser at all) and gets a 403. The
 * page served by this bot is always allowed: its Origin names the host the request was sent to.
 * Origins in ALLOWED_ORIGINS may also call cross-origin, with CORS headers.
 */
import type * as restify from 'restify';

const ALLOWED_HEADERS = 'Authorization, Content-Type';

export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.allowed = new Set(allowedOrigins.filter((origin) => !origin.startsWith("'")));
  }

  isAllowed(req: restify.Request): boolean {
    const origin = req.headers.origin;
    if (typeof origin !== 'string') return false;
    return this.allowed.has(origin) || this.isSameHost(origin, req.headers.host);
  }

  /** Adds CORS headers for listed foreign origins; same-origin calls need none. */
  applyCors(req: restify.Request, res: restify.Response): void {
    res.header('Vary', 'Origin');
    const origin = req.headers.origin;
    if (typeof origin === 'string' && this.allowed.has(origin)) {
      res.header('Access-Control-Allow-Origin', origin);
      res.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  }

  /** Answers a CORS preflight: 204 for a listed origin, 403 otherwise. */
  preflight(): restify.RequestHandler {
    return (req, res, next) => {
      if (!this.isAllowed(req)) {
        res.send(403, { error: 'origin not allowed' });
        return next(false);
      }
      this.applyCors(req, res);
      res.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
      return next(false);
    };
  }

  // A cross-site page cannot choose the Host header its browser sends, so Origin host == Host
  // is a same-origin request. Compared by host:port only, because TLS may end at a proxy.
  private isSameHost(origin: string, host: string | undefined): boolean {
    if (!host) return false;
    try {
      return new URL(origin).host === host.toLowerCase();
    } catch {
      return false;
    }
  }
}
