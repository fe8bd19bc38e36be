/**
 * The same-origin endpoints behind the page's DirectLine-shaped object (no Azure needed):
 *   POST /api/webchat/conversations                → { conversationId, userId, token, expiresAt }
 *   POST /api/webchat/conversations/:id/activities → { id, timestamp, activities: [bot replies] }
 * Order of checks for a turn: Origin → token → body size → shape → per-address and per-conversation
 * limits. The limits come last because a message the red-flag detector flags is never refused: the
 * body limit is the same as /api/messages', so even a very long message is read in full first.
 */
import type * as restify from 'restify';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';
import { readJsonBody } from '../jsonRequestBody';
import { RateLimiter } from '../RateLimiter';
import { parseClientInput, type ClientInput } from './clientInput';
import type { OriginPolicy } from './OriginPolicy';
import { clientAddress, limitPerAddress, requireAllowedOrigin, sendTooMany } from './requestGuards';
import type { WebChatTokens } from './WebChatTokens';
import type { WebChatTurns } from './WebChatTurns';

export interface WebChatApiParts {
  readonly config: Pick<BotConfig, 'maxBodyBytes' | 'turnsPerMinutePerConversation' | 'trustedProxies'>;
  readonly logger: Logger;
  readonly origins: OriginPolicy;
  readonly addressLimiter: RateLimiter;
  readonly tokens: WebChatTokens;
  readonly turns: WebChatTurns;
  readonly tooFast: string;
  /** The red-flag detector's verdict (escalate or clarify): such a message is never rate-limited. */
  readonly mayBeRedFlag: (text: string) => boolean;
}

type Verified = restify.Request & { webChat?: { conversationId: string; userId: string } };

export function registerWebChatApi(server: restify.Server, parts: WebChatApiParts): void {
  const { config, origins, tokens, turns, tooFast, logger } = parts;
  const conversationLimiter = new RateLimiter(config.turnsPerMinutePerConversation);
  const body = readJsonBody(config);

  const requireToken: restify.RequestHandler = (req: Verified, res, next) => {
    const check = tokens.verify(req.headers.authorization, String(req.params?.id ?? ''));
    if (!check.ok) {
      res.send(401, { error: `invalid token (${check.reason})` });
      return next(false);
    }
    req.webChat = { conversationId: check.conversationId, userId: check.userId };
    return next();
  };

  /** Both budgets are spent; a refused turn is let through when its text may describe a red flag. */
  const overBudget = (req: Verified, input: ClientInput): number | undefined => {
    const decisions = [parts.addressLimiter.take(clientAddress(req, config.trustedProxies)), conversationLimiter.take(req.webChat!.conversationId)];
    const refused = decisions.find((decision) => !decision.allowed);
    if (!refused || (input.type === 'message' && input.text && parts.mayBeRedFlag(input.text))) return undefined;
    return refused.retryAfterSeconds;
  };

  server.opts('/api/webchat/conversations', origins.preflight());
  server.opts('/api/webchat/conversations/:id/activities', origins.preflight());

  server.post('/api/webchat/conversations', requireAllowedOrigin(origins), limitPerAddress(parts.addressLimiter, config.trustedProxies, tooFast), (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(201, tokens.issue());
    return next();
  });

  server.post('/api/webchat/conversations/:id/activities', requireAllowedOrigin(origins), requireToken, body, async (req: Verified, res: restify.Response) => {
    const input = parseClientInput(req.body);
    if (typeof input === 'string') {
      res.send(400, { error: input });
      return;
    }
    const retryAfter = overBudget(req, input);
    if (retryAfter !== undefined) {
      sendTooMany(res, retryAfter, tooFast);
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
