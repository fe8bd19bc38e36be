/**
 * The composition root: configuration → data → storage → bot → adapter → HTTP server.
 * index.ts calls it for `npm start`; tests call it to run the real server on a free port.
 */
import type { AddressInfo } from 'node:net';
import { CloudAdapter, type Storage } from 'botbuilder';
import type * as restify from 'restify';
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../bot/ConversationWording';
import { type AssembledBot, createBot } from '../bot/framework/createBot';
import type { BotConfig } from '../config/BotConfig';
import { createLogger, type Logger } from '../config/logger';
import { placeholdersInUse } from '../config/productionPlaceholders';
import { CONTEXT_RECOGNIZERS_WARM_UP } from '../dialogs/contextAnswers';
import { LiveKnowledgeBase } from '../faq/LiveKnowledgeBase';
import { configuredMatcher } from '../faq/loadKnowledgeBase';
import { Lemmas } from '../language/Lemmas';
import { MessageLanguage } from '../language/MessageLanguage';
import { loadRedFlagRules } from '../safety/RedFlagRules';
import { type ConversationStorage, createStorage } from '../storage/createStorage';
import { createUsageLog } from '../usage/createUsageLog';
import type { UsageLog } from '../usage/UsageLog';
import { UsageRecorder } from '../usage/UsageRecorder';
import { ClientReusingAuthentication } from './ClientReusingAuthentication';
import { closeGracefully } from './closeGracefully';
import { createServer } from './createServer';
import { transcriptLog } from './transcriptLog';
import { registerWebChat } from './webchat/registerWebChat';

export interface RunningBot {
  readonly url: string;
  readonly server: restify.Server;
  readonly assembled: AssembledBot;
  readonly storage: Storage;
  readonly logger: Logger;
  /** Stops accepting requests, lets turns in flight finish, then stops the upkeep and flushes state. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Replaces the storage chosen by STORAGE (tests inject faults with it). */
  readonly storage?: ConversationStorage;
  /** Replaces the usage log chosen by STORAGE (tests read the counts from it). */
  readonly usageLog?: UsageLog;
  /** Replaces knowledge/conversation.json (tests edit a copy of the wording). */
  readonly conversationWordingPath?: string;
}

/** A screening reaches its first recognizer several turns after it starts: long after this. */
const WARM_UP_AFTER_MS = 2000;

/** One step per macrotask, so a request arriving meanwhile waits for one step at most. */
function warmInBackground(steps: ReadonlyArray<() => unknown>): void {
  const [step, ...rest] = steps;
  if (!step) return;
  setImmediate(() => {
    step();
    warmInBackground(rest);
  });
}

export async function startBot(config: BotConfig, logger: Logger = createLogger(config), options: StartOptions = {}): Promise<RunningBot> {
  // Warmed after start-up: plainly English messages, most of them, never need the language detector.
  const language = MessageLanguage.later();
  // Safety rules are loaded once: a change goes through review and a deploy, and a bad file stops start-up.
  const rules = loadRedFlagRules(config.redFlagsPath);
  const wording = loadConversationWording(options.conversationWordingPath ?? CONVERSATION_WORDING_PATH);
  // faq.json is reloaded when staff save it; an edit the loader refuses leaves the last good version answering.
  const knowledge = LiveKnowledgeBase.start(config.faqPath, logger, { matcher: configuredMatcher(config) });
  const conversationStorage = options.storage ?? (await createStorage(config, logger));
  const usageLog = options.usageLog ?? createUsageLog(config);
  // The same key on every start and instance, or "forget me" could not find what earlier ones wrote.
  const linkKey = config.unansweredLinkKey ? Buffer.from(config.unansweredLinkKey, 'utf8') : await usageLog.linkKey();
  const usage = new UsageRecorder(usageLog, logger, { retentionDays: config.unansweredRetentionDays, linkKey });
  const storage = conversationStorage.storage;
  const assembled = createBot({
    config,
    storage,
    rules,
    wording,
    knowledge: () => knowledge.current(),
    events: usage,
    logger,
    language,
  });

  const adapter = new CloudAdapter(
    new ClientReusingAuthentication(
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
  if (config.logTranscripts) adapter.use(transcriptLog(logger));
  adapter.onTurnError = assembled.onTurnError;
  const { runTurn, safety } = assembled;
  const server = createServer({ config, logger, adapter, runTurn, safety });
  // The welcome's first reply, as the bot sends it: the page shows its text until Web Chat has loaded.
  const [welcome] = assembled.replies.welcome(knowledge.current());
  const warmWebChatBundle = registerWebChat(server, {
    config,
    logger,
    adapter,
    runTurn,
    tooFast: wording.tooFast,
    welcome: welcome.text ?? '',
    safety,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  conversationStorage.start();
  // Loaded in the background, not on a turn, and not at once, so the first turns after a restart (sent as
  // soon as /healthz answers) go first: the language detector (a message that is not plainly English waits
  // for it meanwhile), the lemmatizer, for words the build's table lacks (language/Lemmas), the recognizers,
  // which only screening and clarifying answers need, then the Web Chat bundle the chat page loads (read on
  // its first request meanwhile).
  const warmUp = setTimeout(
    () =>
      warmInBackground([
        () => language.warm().catch((error: unknown) => logger.error({ err: error }, 'the language detector did not load')),
        Lemmas.warm,
        ...CONTEXT_RECOGNIZERS_WARM_UP,
        warmWebChatBundle,
      ]),
    WARM_UP_AFTER_MS,
  ).unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  if (config.anonymous) {
    logger.warn('AUTH IS OFF: MicrosoftAppId is empty, so /api/messages accepts unauthenticated calls. Development only.');
    if (config.refusedHost !== undefined) {
      logger.warn(
        { host: config.host, refusedHost: config.refusedHost },
        `HOST=${config.refusedHost} not used: with auth off the bot listens on ${config.host} only. Set MicrosoftAppId, or ALLOW_ANONYMOUS_ON_NETWORK=true to open auth-off mode to the network (never in production).`,
      );
    } else if (config.allowAnonymousOnNetwork) {
      logger.warn(
        { host: config.host },
        'ALLOW_ANONYMOUS_ON_NETWORK is on: anyone who can reach this port can talk to the bot as any conversation.',
      );
    }
  }
  // A real deployment (auth on) must not go live with placeholders and US safety defaults unnoticed.
  if (!config.anonymous) for (const warning of placeholdersInUse(config)) logger.warn(`PLACEHOLDER ${warning}`);
  if (config.logTranscripts) logger.warn('LOG_TRANSCRIPTS is on: message text is logged (redacted). Not for production.');
  logger.info({ url, storage: config.storage, entries: knowledge.current().entries.length }, 'sciatica bot listening');

  return {
    url,
    server,
    assembled,
    storage,
    logger,
    close: async () => {
      clearTimeout(warmUp);
      await closeGracefully(server);
      await assembled.settled();
      await conversationStorage.close();
      knowledge.stop();
      await usage.close();
    },
  };
}
