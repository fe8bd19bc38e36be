/**
 * The composition root: configuration → data → storage → bot → adapter → HTTP server.
 * index.ts calls it for `npm start`; tests call it to run the real server on a free port.
 */
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Storage } from 'botbuilder';
import type * as restify from 'restify';
import type { BotConfig } from '../config/BotConfig';
import { createLogger, type Logger } from '../config/logger';
import { createBot, type AssembledBot } from '../bot/createBot';
import { loadConversationWording } from '../bot/ConversationWording';
import { createTurnErrorHandler } from '../bot/TurnErrorHandler';
import { traceAllowlist } from '../bot/traceAllowlist';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase';
import { loadRedFlagRules } from '../safety/RedFlagRules';
import { createStorage } from '../storage/createStorage';
import { createServer } from './createServer';
import { registerWebChat } from './webchat/registerWebChat';

export const CONVERSATION_WORDING_PATH = 'knowledge/conversation.json';

export interface RunningBot {
  readonly url: string;
  readonly server: restify.Server;
  readonly assembled: AssembledBot;
  readonly storage: Storage;
  readonly logger: Logger;
  close(): Promise<void>;
}

export async function startBot(config: BotConfig, logger: Logger = createLogger(config)): Promise<RunningBot> {
  // Safety rules are loaded once: a change goes through review and a deploy, and a bad file stops start-up.
  const rules = loadRedFlagRules(config.redFlagsPath);
  const wording = loadConversationWording(CONVERSATION_WORDING_PATH);
  const knowledgeBase = loadKnowledgeBase(config.faqPath);
  const storage = await createStorage(config);
  const assembled = createBot({ config, storage, rules, wording, knowledge: () => knowledgeBase, logger });

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      // With no app id the SDK runs anonymously, which it only allows without an app type.
      config.anonymous
        ? {}
        : {
            MicrosoftAppId: config.microsoftAppId,
            MicrosoftAppPassword: config.microsoftAppPassword,
            MicrosoftAppType: config.microsoftAppType,
            MicrosoftAppTenantId: config.microsoftAppTenantId,
          },
    ),
  );
  adapter.use(traceAllowlist);
  adapter.onTurnError = createTurnErrorHandler({
    logger,
    conversationState: assembled.services.conversationState,
    accessors: assembled.services.accessors,
    apology: assembled.services.replies.say(wording.turnError),
  });

  const server = createServer({ config, logger, adapter, runTurn: (context) => assembled.bot.run(context) });
  registerWebChat(server, { config, logger, adapter, runTurn: (context) => assembled.bot.run(context), tooFast: wording.tooFast });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  if (config.anonymous) {
    logger.warn('AUTH IS OFF: MicrosoftAppId is empty, so /api/messages accepts unauthenticated calls. Development only.');
  }
  logger.info({ url, storage: config.storage, entries: knowledgeBase.entries.length }, 'sciatica bot listening');

  return {
    url,
    server,
    assembled,
    storage,
    logger,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
