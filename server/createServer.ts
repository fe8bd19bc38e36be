/**
 * The HTTP surface: the Bot Framework endpoint, a health probe, and whatever else registers itself
 * (the web chat page). Bodies are JSON only, size-limited and read after the credential check, and
 * activities are validated before the adapter sees them, so bad input gets a 4xx, never a 500. Each
 * conversation has a turn budget (429 beyond it), and a larger one for messages that may describe a
 * red flag, whose 429 carries the safety advice.
 */

import type { CloudAdapter, TurnContext } from 'botbuilder';
import * as restify from 'restify';
import type { BotConfig } from '../config/BotConfig';
import type { Logger } from '../config/logger';
import { keepRequestId } from '../config/requestContext';
import { ChannelTurns } from './ChannelTurns';
import { ConversationRateLimit, conversationKey } from './ConversationRateLimit';
import { applyHttpConventions } from './httpConventions';
import { readJsonBody, refuseNonJsonBodies, refuseUnread } from './jsonRequestBody';
import { NewConversationLimit } from './NewConversationLimit';
import { noteRefusal, registerRequestLogging } from './requestLogging';
import type { SafetyGate } from './SafetyFirstBudget';
import { isSafeAnonymousTurn, validateActivity } from './validateActivity';
import { clientAddress } from './webchat/requestGuards';

export interface BotEndpoint {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly adapter: CloudAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly safety: SafetyGate;
}

/** With auth on, a request without a JWT-shaped bearer token is refused before any token check. */
const BEARER_JWT = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/;

export function createServer(endpoint: BotEndpoint): restify.Server {
  const { config, logger, adapter } = endpoint;
  const server = restify.createServer({ name: 'sciatica-bot', handleUncaughtExceptions: false });
  registerRequestLogging(server, logger);
  applyHttpConventions(server, config);
  server.pre(refuseNonJsonBodies());
  const channels = new ChannelTurns(adapter);
  const newConversations = new NewConversationLimit(config.newConversationsPerMinutePerAddress);
  const rateLimit = new ConversationRateLimit(config.turnsPerMinutePerConversation, config.redFlagTurnsPerMinute, endpoint.safety.advice);

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  // The credential is checked before the body is read: without one, nothing is read at all.
  const requireBearerToken: restify.RequestHandler = (req, res, next) => {
    if (config.anonymous || BEARER_JWT.test(req.header('authorization') ?? '')) return next();
    refuseUnread(res, 401, 'a Bot Framework bearer token is required');
    return next(false);
  };

  server.post('/api/messages', requireBearerToken, readJsonBody(config), async (req: restify.Request, res: restify.Response) => {
    const problem = validateActivity(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    const authenticated = await channels.authenticate(req.body, req.header('authorization') ?? '');
    if (!authenticated.ok) {
      noteRefusal(req, authenticated.reason);
      res.send(authenticated.status, { error: authenticated.status === 401 ? 'unauthorized' : 'could not check the token; try again' });
      return;
    }
    if (config.anonymous && !isSafeAnonymousTurn(req.body)) {
      res.send(403, { error: 'auth is off (no MicrosoftAppId): only expectReplies turns or a loopback serviceUrl are accepted' });
      return;
    }
    const tooManyNew = config.anonymous
      ? newConversations.refuse(clientAddress(req, config.trustedProxies), conversationKey(req.body))
      : undefined;
    if (tooManyNew) {
      res.header('Retry-After', String(tooManyNew.retryAfterSeconds));
      res.send(429, { error: `too many new conversations from this address; try again in ${tooManyNew.retryAfterSeconds} s` });
      return;
    }
    const check = endpoint.safety.check(typeof req.body.text === 'string' ? req.body.text : '');
    const refusal = rateLimit.refuse(req.body, check);
    if (refusal) {
      res.header('Retry-After', String(refusal.retryAfterSeconds));
      const error = `too many messages in this conversation; try again in ${refusal.retryAfterSeconds} s`;
      res.send(429, refusal.safetyAdvice ? { error, message: refusal.safetyAdvice } : { error });
      return;
    }
    try {
      const response = await channels.run(authenticated, (context) => {
        keepRequestId(context, req.id());
        check.handTo(context);
        rateLimit.count(context);
        return endpoint.runTurn(context);
      });
      res.send(response?.status ?? 200, response?.body);
    } catch (error) {
      // The turn's own errors are answered by onTurnError; this is the adapter failing around it.
      logger.error({ err: error, reqId: req.id() }, 'turn failed');
      res.send(500, { error: 'the bot could not answer; please try again' });
    }
  });

  server.on('restifyError', (req, _res, error, callback) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, path: req.path(), reqId: req.id() }, 'request failed');
    callback();
  });
  return server;
}
