/**
 * Security headers for the chat page and its assets. The CSP is as strict as Web Chat allows:
 * no inline script; emotion's <style> tags carry the per-request nonce Web Chat is given, so no
 * 'unsafe-inline' either. Direct Line's hosts are allowed only when Direct Line is configured.
 */

/**
 * Web Chat 4.18.1 does not pass its nonce on to react-scroll-to-bottom, whose emotion instance
 * inserts an EMPTY <style> and then adds rules through CSSOM (which CSP does not govern). Allowing
 * the hash of the empty string admits exactly that element and nothing with content in it.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

import type { BotConfig } from '../../config/BotConfig';

type HeaderConfig = Pick<BotConfig, 'frameAncestors' | 'directLineSecret' | 'directLineDomain' | 'botAvatarUrl'>;

/** The Direct Line origins the browser talks to: https for REST, wss for the activity stream. */
export function directLineOrigins(directLineDomain: string): string[] {
  const { origin, host, protocol } = new URL(directLineDomain);
  return [origin, `${protocol === 'http:' ? 'ws' : 'wss'}://${host}`];
}

/** A configured avatar on another site must be allowed in img-src, or the bot shows no avatar. */
function avatarOrigin(botAvatarUrl: string): string[] {
  if (!/^https?:\/\//i.test(botAvatarUrl)) return [];
  return [new URL(botAvatarUrl).origin];
}

export function contentSecurityPolicy(config: HeaderConfig, styleNonce?: string): string {
  const connect = ["'self'", ...(config.directLineSecret ? directLineOrigins(config.directLineDomain) : [])];
  const style = ["'self'", ...(styleNonce ? [`'nonce-${styleNonce}'`, EMPTY_STYLE_HASH] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${style.join(' ')}`,
    `img-src 'self' data: blob: ${avatarOrigin(config.botAvatarUrl).join(' ')}`.trim(),
    `connect-src ${connect.join(' ')}`,
    "font-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${config.frameAncestors.join(' ')}`,
  ].join('; ');
}

export function securityHeaders(config: HeaderConfig, styleNonce?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(config, styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  // Older browsers ignore frame-ancestors; X-Frame-Options can only say "same origin" or "nowhere".
  const ancestors = config.frameAncestors.join(' ');
  if (ancestors === "'self'") headers['X-Frame-Options'] = 'SAMEORIGIN';
  if (ancestors === "'none'") headers['X-Frame-Options'] = 'DENY';
  return headers;
}
