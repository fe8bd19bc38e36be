/**
 * Conversation tokens for the built-in web chat: `v1.<payload>.<signature>`, the payload naming the
 * conversation and an expiry, signed with HMAC-SHA256 and WEBCHAT_SIGNING_KEY. Nothing is stored, so
 * any instance sharing the key can verify a token another instance issued.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export interface WebChatSession {
  readonly conversationId: string;
  /** Derived from the conversation, so the client never chooses who it is. */
  readonly userId: string;
  readonly token: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly conversationId: string; readonly userId: string }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'bad signature' | 'expired' | 'wrong conversation' };

const VERSION = 'v1';
export const CONVERSATION_ID_PATTERN = /^wc-[0-9a-f-]{36}$/;

export function userIdFor(conversationId: string): string {
  return `user-${conversationId.slice(3)}`;
}

export class WebChatTokens {
  constructor(
    private readonly signingKey: string,
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): WebChatSession {
    const conversationId = `wc-${randomUUID()}`;
    const expiresAt = Math.floor(this.now() / 1000) + this.lifetimeSeconds;
    const payload = Buffer.from(JSON.stringify({ c: conversationId, e: expiresAt })).toString('base64url');
    return { conversationId, userId: userIdFor(conversationId), token: `${VERSION}.${payload}.${this.sign(payload)}`, expiresAt };
  }

  /** Checks an `Authorization: Bearer …` header against the conversation named in the URL. */
  verify(authorization: string | undefined, conversationId: string): TokenCheck {
    const match = /^Bearer ([\w.-]{1,1024})$/.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'missing' };
    const [version, payload, signature, extra] = match[1].split('.');
    if (version !== VERSION || !payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
    if (!this.sameSignature(signature, this.sign(payload))) return { ok: false, reason: 'bad signature' };
    let claims: { c?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (typeof claims.c !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'malformed' };
    if (claims.e * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    if (claims.c !== conversationId) return { ok: false, reason: 'wrong conversation' };
    return { ok: true, conversationId, userId: userIdFor(conversationId) };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.signingKey).update(`${VERSION}.${payload}`).digest('base64url');
  }

  // Constant-time, so the signature cannot be guessed byte by byte from response times.
  private sameSignature(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
