/**
 * The HTTP surface: the Bot Framework endpoint, a health probe, and whatever else registers itself
 * (the web chat page). Bodies are JSON only, size-limited and read after the credential check, and
 * activities are validated before the adapter sees them, so bad input gets a 4xx, never a 500.
 * Each conversation has a turn budget (429 beyond it), which never holds back a message that may
 * describe a red flag.
 */
import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { BotConfig } from '../config/BotConfig';
import type { Logger } from '../config/logger';
import { runWithRequestId } from '../config/requestContext';
import { ConversationRateLimit } from './ConversationRateLimit';
import { readJsonBody, refuseNonJsonBodies, refuseUnread } from './jsonRequestBody';
import { registerRequestLogging } from './requestLogging';
import { isSafeAnonymousTurn, validateActivity } from './validateActivity';

export interface BotEndpoint {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly adapter: CloudAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  /** The red-flag detector's verdict on a message (escalate or clarify): such a message is never rate-limited. */
  readonly mayBeRedFlag: (text: string) => boolean;
}

/**
 * With auth on, a request without a JWT-shaped bearer token is refused here: the adapter would refuse
 * it too, but only after printing a stack trace to the console for each one (CloudAdapter.process).
 */
const BEARER_JWT = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/;

export function createServer(endpoint: BotEndpoint): restify.Server {
  const { config, logger, adapter } = endpoint;
  const server = restify.createServer({ name: 'sciatica-bot', handleUncaughtExceptions: false });
  registerRequestLogging(server, logger);
  server.pre(restify.plugins.pre.context());
  server.pre(refuseNonJsonBodies());
  const rateLimit = new ConversationRateLimit(config.turnsPerMinutePerConversation, endpoint.mayBeRedFlag);

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
    if (config.anonymous && !isSafeAnonymousTurn(req.body)) {
      res.send(403, { error: 'auth is off (no MicrosoftAppId): only expectReplies turns or a loopback serviceUrl are accepted' });
      return;
    }
    const retryAfter = rateLimit.refuse(req.body);
    if (retryAfter !== undefined) {
      res.header('Retry-After', String(retryAfter));
      res.send(429, { error: `too many messages in this conversation; try again in ${retryAfter} s` });
      return;
    }
    await runWithRequestId(req.id(), () => adapter.process(req, res, (context) => {
      rateLimit.count(context);
      return endpoint.runTurn(context);
    }));
  });

  server.on('restifyError', (req, _res, error, callback) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, path: req.path() }, 'request failed');
    callback();
  });
  return server;
}
