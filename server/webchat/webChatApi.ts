/**
 * The same-origin endpoints behind the page's DirectLine-shaped object (no Azure needed):
 *   POST /api/webchat/conversations                → { conversationId, userId, token, expiresAt }
 *   POST /api/webchat/conversations/:id/activities → { id, timestamp, activities: [bot replies] }
 * Order of checks for a turn: Origin → token → body size → shape → per-address and per-conversation
 * limits. The limits come last because a message that may describe a red flag has a budget of its
 * own (SafetyFirstBudget), and beyond it the refusal shows the safety advice. A body is at most
 * 16 KB, far more than a patient types, so one message cannot cost seconds of checking.
 */
import type * as restify from 'restify';
import type { RedFlagCheck } from '../../bot/framework/RedFlagCheck';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';
import { readJsonBody } from '../jsonRequestBody';
import { RateLimiter } from '../RateLimiter';
import { refusalFor, type SafetyGate, type TurnRefusal } from '../SafetyFirstBudget';
import { parseClientInput } from './clientInput';
import type { OriginPolicy } from './OriginPolicy';
import { clientAddress, limitPerAddress, requireAllowedOrigin, sendTooMany } from './requestGuards';
import type { WebChatTokens } from './WebChatTokens';
import type { WebChatTurns } from './WebChatTurns';

export interface WebChatApiParts {
  readonly config: Pick<BotConfig, 'maxBodyBytes' | 'turnsPerMinutePerConversation' | 'redFlagTurnsPerMinute' | 'trustedProxies'>;
  readonly logger: Logger;
  readonly origins: OriginPolicy;
  readonly addressLimiter: RateLimiter;
  readonly tokens: WebChatTokens;
  readonly turns: WebChatTurns;
  readonly tooFast: string;
  readonly safety: SafetyGate;
}

/** What a patient can type in one message, with room to spare (the JSON around it is small). */
export const WEB_CHAT_MAX_BODY_BYTES = 16 * 1024;

type Verified = restify.Request & { webChat?: { conversationId: string; userId: string } };

export function registerWebChatApi(server: restify.Server, parts: WebChatApiParts): void {
  const { config, origins, tokens, turns, tooFast, logger } = parts;
  const conversationLimiter = new RateLimiter(config.turnsPerMinutePerConversation);
  const redFlagLimiter = new RateLimiter(config.redFlagTurnsPerMinute);
  const body = readJsonBody({ maxBodyBytes: Math.min(config.maxBodyBytes, WEB_CHAT_MAX_BODY_BYTES) });

  const requireToken: restify.RequestHandler = (req: Verified, res, next) => {
    const check = tokens.verify(req.headers.authorization, String(req.params?.id ?? ''));
    if (!check.ok) {
      res.send(401, { error: `invalid token (${check.reason})` });
      return next(false);
    }
    req.webChat = { conversationId: check.conversationId, userId: check.userId };
    return next();
  };

  /** Both everyday budgets are spent; beyond them a message that may describe a red flag spends its own. */
  const overBudget = (req: Verified, check: RedFlagCheck): TurnRefusal | undefined => {
    const { conversationId } = req.webChat!;
    const decisions = [parts.addressLimiter.take(clientAddress(req, config.trustedProxies)), conversationLimiter.take(conversationId)];
    const everyday = decisions.find((decision) => !decision.allowed) ?? decisions[0];
    return refusalFor(everyday, check, () => redFlagLimiter.take(conversationId), parts.safety.advice);
  };

  server.opts('/api/webchat/conversations', origins.preflight());
  server.opts('/api/webchat/conversations/:id/activities', origins.preflight());

  server.post(
    '/api/webchat/conversations',
    requireAllowedOrigin(origins),
    limitPerAddress(parts.addressLimiter, config.trustedProxies, tooFast),
    (_req: restify.Request, res: restify.Response, next: restify.Next) => {
      res.send(201, tokens.issue());
      return next();
    },
  );

  server.post(
    '/api/webchat/conversations/:id/activities',
    requireAllowedOrigin(origins),
    requireToken,
    body,
    async (req: Verified, res: restify.Response) => {
      const input = parseClientInput(req.body);
      if (typeof input === 'string') {
        res.send(400, { error: input });
        return;
      }
      const check = parts.safety.check(input.type === 'message' ? (input.text ?? '') : '');
      const refusal = overBudget(req, check);
      if (refusal) {
        sendTooMany(res, refusal.retryAfterSeconds, refusal.safetyAdvice ?? tooFast);
        return;
      }
      const { conversationId, userId } = req.webChat!;
      // The bot's own origin as the server sees it; expectReplies means nothing is ever sent there.
      const serviceUrl = `http://localhost:${req.socket.localPort}`;
      try {
        res.send(200, await turns.run(input, check, { conversationId, userId, serviceUrl, requestId: req.id() }));
      } catch (error) {
        logger.error({ err: error, reqId: req.id() }, 'web chat turn failed');
        res.send(500, { error: 'the bot could not answer; please try again' });
      }
    },
  );
}
