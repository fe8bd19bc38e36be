/**
 * The HTTP surface: the Bot Framework endpoint, a health probe, and whatever else registers itself
 * (the web chat page). Bodies are size-limited and activities validated before the adapter sees
 * them, so bad input gets a 4xx, never a 500.
 */
import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { BotConfig } from '../config/BotConfig';
import type { Logger } from '../config/logger';
import { isSafeAnonymousTurn, validateActivity } from './validateActivity';

export interface BotEndpoint {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly adapter: CloudAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
}

export function jsonBody(config: Pick<BotConfig, 'maxBodyBytes'>): restify.RequestHandler[] {
  return restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false, keepExtensions: false }) as unknown as restify.RequestHandler[];
}

export function createServer(endpoint: BotEndpoint): restify.Server {
  const { config, logger, adapter } = endpoint;
  const server = restify.createServer({ name: 'sciatica-bot', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.context());

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.post('/api/messages', ...jsonBody(config), async (req: restify.Request, res: restify.Response) => {
    const problem = validateActivity(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    if (config.anonymous && !isSafeAnonymousTurn(req.body)) {
      res.send(403, { error: 'auth is off (no MicrosoftAppId): only expectReplies turns or a loopback serviceUrl are accepted' });
      return;
    }
    await adapter.process(req, res, endpoint.runTurn);
  });

  server.on('restifyError', (req, _res, error, callback) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, path: req.path() }, 'request failed');
    callback();
  });
  return server;
}
