/**
 * The bot assembled in-process with in-memory state, for TestAdapter transcript tests.
 */
import { type Activity, MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../../bot/ConversationWording';
import { type AssembledBot, createBot } from '../../bot/framework/createBot';
import { loadConfig } from '../../config/BotConfig';
import { createLogger } from '../../config/logger';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { loadRedFlagRules } from '../../safety/RedFlagRules';
import { TEST_SETTINGS } from './testBot';

const config = loadConfig(TEST_SETTINGS);
const rules = loadRedFlagRules(config.redFlagsPath);
const wording = loadConversationWording(CONVERSATION_WORDING_PATH);
const knowledgeBase = loadKnowledgeBase(config.faqPath);

/** The test settings' rules, wording and knowledge base, for `createTurn` and `createBot`. */
export const testTurnParts = { config, rules, wording, knowledge: () => knowledgeBase };

export function assembleTestBot(storage: Storage = new MemoryStorage()): AssembledBot {
  return createBot({ ...testTurnParts, storage, logger: createLogger(config) });
}

/** A TestAdapter conversation on `channelId`, running the assembled bot. */
export function testAdapterFor(channelId: string, assembled: AssembledBot = assembleTestBot()): TestAdapter {
  return new TestAdapter(assembled.runTurn, { channelId } as Partial<Activity>);
}
