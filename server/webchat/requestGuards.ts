/**
 * The checks every web endpoint runs before doing any work, as restify handlers that answer and
 * stop the chain: the Origin (403), the per-address rate limit (429 with Retry-After), and no
 * caching of anything that carries a token.
 */
import type * as restify from 'restify';
import type { RateLimiter } from '../RateLimiter';
import type { OriginPolicy } from './OriginPolicy';

export interface TooManyRequestsBody {
  readonly error: 'too many requests';
  /** Shown to the patient in the chat (ConversationWording.tooFast). */
  readonly message: string;
  readonly retryAfterSeconds: number;
}

export function sendTooMany(res: restify.Response, retryAfterSeconds: number, message: string): void {
  res.header('Retry-After', String(retryAfterSeconds));
  const body: TooManyRequestsBody = { error: 'too many requests', message, retryAfterSeconds };
  res.send(429, body);
}

/**
 * The address the TCP connection came from. Behind a proxy that is the proxy, so every visitor
 * would share one budget: X-Forwarded-For is not trusted because any client can write it.
 */
export function clientAddress(req: restify.Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function requireAllowedOrigin(origins: OriginPolicy): restify.RequestHandler {
  return (req, res, next) => {
    origins.applyCors(req, res);
    res.header('Cache-Control', 'no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    if (!origins.isAllowed(req)) {
      res.send(403, { error: 'origin not allowed' });
      return next(false);
    }
    return next();
  };
}

export function limitPerAddress(limiter: RateLimiter, message: string): restify.RequestHandler {
  return (req, res, next) => {
    const decision = limiter.take(clientAddress(req));
    if (!decision.allowed) {
      sendTooMany(res, decision.retryAfterSeconds, message);
      return next(false);
    }
    return next();
  };
}
