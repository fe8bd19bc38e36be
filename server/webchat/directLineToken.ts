/**
 * Production web chat through Azure's Direct Line: POST /api/directline/token exchanges
 * DIRECT_LINE_SECRET for a conversation token on the server, so the secret never reaches a
 * browser. Only { token, conversationId, expires_in } is passed on.
 */
import { randomUUID } from 'node:crypto';
import type * as restify from 'restify';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';
import type { RateLimiter } from '../RateLimiter';
import type { OriginPolicy } from './OriginPolicy';
import { limitPerAddress, requireAllowedOrigin } from './requestGuards';

export interface DirectLineToken {
  readonly token: string;
  readonly conversationId: string;
  readonly expires_in: number;
}

const EXCHANGE_TIMEOUT_MS = 10_000;

export async function exchangeDirectLineSecret(
  config: Pick<BotConfig, 'directLineSecret' | 'directLineDomain'>,
  fetchImpl: typeof fetch = fetch,
): Promise<DirectLineToken> {
  const response = await fetchImpl(`${config.directLineDomain.replace(/\/+$/, '')}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${config.directLineSecret}`, 'Content-Type': 'application/json' },
    // A "dl_" user id is bound into the token, so Web Chat cannot be told to speak as someone else.
    body: JSON.stringify({ user: { id: `dl_${randomUUID()}` } }),
    signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Direct Line answered ${response.status} to /tokens/generate`);
  const body = (await response.json()) as Partial<DirectLineToken>;
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    throw new Error('Direct Line returned no token');
  }
  return { token: body.token, conversationId: body.conversationId, expires_in: Number(body.expires_in) || 3600 };
}

export interface DirectLineTokenParts {
  readonly config: Pick<BotConfig, 'directLineSecret' | 'directLineDomain' | 'trustedProxies'>;
  readonly logger: Logger;
  readonly origins: OriginPolicy;
  readonly addressLimiter: RateLimiter;
  readonly tooFast: string;
}

export function registerDirectLineToken(server: restify.Server, parts: DirectLineTokenParts): void {
  const { config, logger, origins } = parts;
  server.opts('/api/directline/token', origins.preflight());
  server.post(
    '/api/directline/token',
    requireAllowedOrigin(origins),
    limitPerAddress(parts.addressLimiter, config.trustedProxies, parts.tooFast),
    async (_req: restify.Request, res: restify.Response) => {
      if (!config.directLineSecret) {
        res.send(404, { error: 'Direct Line is not configured (DIRECT_LINE_SECRET is empty)' });
        return;
      }
      try {
        res.send(200, await exchangeDirectLineSecret(config));
      } catch (error) {
        // Logged without the request: the secret is only ever in our outbound header.
        logger.error({ err: (error as Error).message }, 'Direct Line token exchange failed');
        res.send(502, { error: 'could not start a chat; please try again' });
      }
    },
  );
}
