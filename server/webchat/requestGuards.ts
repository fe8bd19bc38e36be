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
 * The caller's address, for the per-address budget. Without a proxy, the TCP peer. Behind
 * `trustedProxies` reverse proxies the peer is the last proxy; each of them appended the address it
 * saw to X-Forwarded-For, so the entry that many from the right is the caller as the first trusted
 * proxy saw it. Entries further left are whatever the client wrote, and are never used.
 */
export function clientAddress(req: restify.Request, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const caller = hops[hops.length - trustedProxies];
  return caller === undefined ? peer : withoutPort(caller);
}

/** Azure's front end writes "203.0.113.7:50312" or "[2001:db8::7]:50312"; the port changes per connection. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  return /^[\d.]+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}

export function requireAllowedOrigin(origins: OriginPolicy): restify.RequestHandler {
  return (req, res, next) => {
    origins.applyCors(req, res);
    res.header('Cache-Control', 'no-store');
    if (!origins.isAllowed(req)) {
      res.send(403, { error: 'origin not allowed' });
      return next(false);
    }
    return next();
  };
}

export function limitPerAddress(limiter: RateLimiter, trustedProxies: number, message: string): restify.RequestHandler {
  return (req, res, next) => {
    const decision = limiter.take(clientAddress(req, trustedProxies));
    if (!decision.allowed) {
      sendTooMany(res, decision.retryAfterSeconds, message);
      return next(false);
    }
    return next();
  };
}
