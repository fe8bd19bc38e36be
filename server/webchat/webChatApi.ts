/**
 * The same-origin endpoints behind the page's DirectLine-shaped object (no Azure needed):
 *   POST /api/webchat/conversations                → { conversationId, userId, token, expiresAt }
 *   POST /api/webchat/conversations/:id/activities → { id, timestamp, activities: [bot replies] }
 * Order of checks: Origin → per-address limit → token → per-conversation limit → body size → shape.
 */
import type * as restify from 'restify';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';
import { jsonBody } from '../createServer';
import { RateLimiter } from '../RateLimiter';
import { parseClientInput } from './clientInput';
import type { OriginPolicy } from './OriginPolicy';
import { limitPerAddress, requireAllowedOrigin, sendTooMany } from './requestGuards';
import type { WebChatTokens } from './WebChatTokens';
import type { WebChatTurns } from './WebChatTurns';

/** A chat message is a few hundred bytes; 32 KB leaves room for the longest allowed text. */
export const WEB_CHAT_MAX_BODY_BYTES = 32 * 1024;

export interface WebChatApiParts {
  readonly config: Pick<BotConfig, 'maxBodyBytes' | 'turnsPerMinutePerConversation'>;
  readonly logger: Logger;
  readonly origins: OriginPolicy;
  readonly addressLimiter: RateLimiter;
  readonly tokens: WebChatTokens;
  readonly turns: WebChatTurns;
  readonly tooFast: string;
}

type Verified = restify.Request & { webChat?: { conversationId: string; userId: string } };

export function registerWebChatApi(server: restify.Server, parts: WebChatApiParts): void {
  const { config, origins, tokens, turns, tooFast, logger } = parts;
  const conversationLimiter = new RateLimiter(config.turnsPerMinutePerConversation);
  const guards = [requireAllowedOrigin(origins), limitPerAddress(parts.addressLimiter, tooFast)];
  const body = jsonBody({ maxBodyBytes: Math.min(config.maxBodyBytes, WEB_CHAT_MAX_BODY_BYTES) });

  const requireToken: restify.RequestHandler = (req: Verified, res, next) => {
    const check = tokens.verify(req.headers.authorization, String(req.params?.id ?? ''));
    if (!check.ok) {
      res.send(401, { error: `invalid token (${check.reason})` });
      return next(false);
    }
    const decision = conversationLimiter.take(check.conversationId);
    if (!decision.allowed) {
      sendTooMany(res, decision.retryAfterSeconds, tooFast);
      return next(false);
    }
    req.webChat = { conversationId: check.conversationId, userId: check.userId };
    return next();
  };

  server.opts('/api/webchat/conversations', origins.preflight());
  server.opts('/api/webchat/conversations/:id/activities', origins.preflight());

  server.post('/api/webchat/conversations', ...guards, (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(201, tokens.issue());
    return next();
  });

  server.post('/api/webchat/conversations/:id/activities', ...guards, requireToken, ...body, async (req: Verified, res: restify.Response) => {
    const input = parseClientInput(req.body);
    if (typeof input === 'string') {
      res.send(400, { error: input });
      return;
    }
    const { conversationId, userId } = req.webChat!;
    // The bot's own origin as the server sees it; expectReplies means nothing is ever sent there.
    const serviceUrl = `http://localhost:${req.socket.localPort}`;
    try {
      res.send(200, await turns.run(input, conversationId, userId, serviceUrl));
    } catch (error) {
      logger.error({ err: error }, 'web chat turn failed');
      res.send(500, { error: 'the bot could not answer; please try again' });
    }
  });
}
