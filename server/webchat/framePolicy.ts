/**
 * Whether FRAME_ANCESTORS lets a site show the chat in a frame. Checked when a site loads widget.js
 * (its Referer names the page), so a practice that forgot to allow its site reads why in the bot's
 * log instead of guessing from a panel that says "open the chat in a new tab".
 */
import type * as restify from 'restify';
import type { Logger } from '../../config/logger';

// Referer is the visitor's browser's to write: warn about a bounded number of sites, once each.
const MAX_WARNED_ORIGINS = 100;

export function allowsFraming(frameAncestors: readonly string[], origin: string, ownHost: string | undefined): boolean {
  if (frameAncestors.includes(origin)) return true;
  // 'self' compared by host:port only, because TLS may end at a proxy (as OriginPolicy does).
  return frameAncestors.includes("'self'") && !!ownHost && new URL(origin).host === ownHost.toLowerCase();
}

function originOf(referer: string | undefined): string | undefined {
  try {
    const origin = referer ? new URL(referer).origin : undefined;
    return origin && origin !== 'null' ? origin : undefined;
  } catch {
    return undefined;
  }
}

export function warnWhenFramingRefused(frameAncestors: readonly string[], logger: Logger): restify.RequestHandler {
  const warned = new Set<string>();
  return (req, _res, next) => {
    const origin = originOf(req.headers.referer);
    if (origin && !warned.has(origin) && warned.size < MAX_WARNED_ORIGINS && !allowsFraming(frameAncestors, origin, req.headers.host)) {
      warned.add(origin);
      logger.warn(
        { origin, frameAncestors },
        `widget.js was loaded by ${origin}, but FRAME_ANCESTORS does not allow that site to show the chat in a frame: its visitors get "Open the chat in a new tab" instead. To allow it, set FRAME_ANCESTORS="'self',${origin}"`,
      );
    }
    return next();
  };
}
