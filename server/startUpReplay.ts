/**
 * For the build steps that prepare what start-up would otherwise compute (server/writeLemmaTable.ts,
 * server/writeCleanupTable.ts): loads the bot's data as startBot does (the FAQ with its matcher, the
 * red-flag rules and their detector), once per process, and records every word Lemmas was asked about
 * and every text the default clean-up cleaned meanwhile. The modules are required only here, after the
 * recorders are in place, so what they compute as they load is recorded too.
 */
import { fromPackageRoot } from '../config/environment';
import { Lemmas } from '../language/Lemmas';

export const FAQ = 'knowledge/faq.json';
export const RULES = 'knowledge/red-flags.json';

export interface StartUpRecord {
  /** Words Lemmas answered: derived words too (stems of typos, word-list entries read without the clean-up). */
  readonly lemmaWords: ReadonlySet<string>;
  /** Texts TextCleanup.default cleaned. */
  readonly cleanedTexts: ReadonlySet<string>;
}

let record: StartUpRecord | undefined;

export function replayStartUp(): StartUpRecord {
  if (record !== undefined) return record;
  const lemmaWords = new Set<string>();
  const answers = { verb: Lemmas.verb, noun: Lemmas.noun, adjective: Lemmas.adjective };
  for (const kind of ['verb', 'noun', 'adjective'] as const) {
    Lemmas[kind] = (word: string) => {
      lemmaWords.add(word);
      return answers[kind](word);
    };
  }
  const cleanedTexts = new Set<string>();
  const { TextCleanup } = require('../language/TextCleanup') as typeof import('../language/TextCleanup');
  const cleanup = TextCleanup.default;
  cleanup.clean = (text: string) => {
    cleanedTexts.add(text);
    return TextCleanup.prototype.clean.call(cleanup, text);
  };
  try {
    const { loadKnowledgeBase } = require('../faq/loadKnowledgeBase') as typeof import('../faq/loadKnowledgeBase');
    const { loadRedFlagRules } = require('../safety/RedFlagRules') as typeof import('../safety/RedFlagRules');
    const { RedFlagDetector } = require('../safety/RedFlagDetector') as typeof import('../safety/RedFlagDetector');
    loadKnowledgeBase(fromPackageRoot(FAQ));
    new RedFlagDetector(loadRedFlagRules(fromPackageRoot(RULES)));
  } finally {
    // Recorded: start-up only, not what the build steps clean or ask afterwards.
    Object.assign(Lemmas, answers);
    delete (cleanup as { clean?: unknown }).clean;
  }
  record = { lemmaWords, cleanedTexts };
  return record;
}
