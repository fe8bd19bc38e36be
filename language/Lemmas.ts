/**
 * The dictionary forms of a word, so inflected forms meet ("peed", "peeing" -> "pee"; "legs" -> "leg").
 * wink-lemmatizer's verb and noun rules (its adjective rules are left out: they turn "worse" into "bad").
 *
 * Loading wink's WordNet data takes ~0.3 s, the largest single part of the bot's start-up beyond the
 * bare stack's. So `npm run build` writes wink's answers for the bot's own vocabulary beside this file
 * (server/writeLemmaTable.ts: the words start-up asks about and every word of the knowledge files), and wink is loaded only for a word
 * that table lacks: at start-up none, since start-up reads only those files; on a turn a patient's own
 * word, unless the warm-up after the server listens (warm) has loaded it already. Running from the
 * sources there is no table, and wink answers everything, as it did before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Lemmatizer {
  verb(word: string): string;
  noun(word: string): string;
  adjective(word: string): string;
}

/** wink's answers for one word: its verb, noun and adjective lemmas. */
export type LemmaAnswers = readonly [verb: string, noun: string, adjective: string];

export interface LemmaTable {
  /** The wink-lemmatizer version that answered: another version's table is not used. */
  readonly wink: string;
  /** sha256 of the knowledge files the words came from: the build writes the table again when they change. */
  readonly sources: string;
  readonly words: Readonly<Record<string, LemmaAnswers>>;
}

export const LEMMA_TABLE_FILE = join(__dirname, 'lemmas.json');

const CACHE_LIMIT = 50_000;
const cache = new Map<string, readonly string[]>();

let wink: Lemmatizer | undefined;

/** wink-lemmatizer itself, loaded on first use (require, not import: an import would load it with the bot). */
export function winkLemmatizer(): Lemmatizer {
  wink ??= require('wink-lemmatizer') as Lemmatizer;
  return wink;
}

export function winkVersion(): string {
  return (require('wink-lemmatizer/package.json') as { version: string }).version;
}

/** The build's table, when there is one for the installed wink; otherwise an empty one. */
export function readLemmaTable(file = LEMMA_TABLE_FILE): LemmaTable | undefined {
  try {
    const table = JSON.parse(readFileSync(file, 'utf8')) as LemmaTable;
    return table.wink === winkVersion() ? table : undefined;
  } catch {
    return undefined;
  }
}

const table = new Map(Object.entries(readLemmaTable()?.words ?? {}));

export const Lemmas = {
  /** The word itself first, then its verb and noun lemmas where they differ. */
  of(word: string): readonly string[] {
    let forms = cache.get(word);
    if (forms === undefined) {
      forms = [...new Set([word, Lemmas.verb(word), Lemmas.noun(word)])];
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, forms);
    }
    return forms;
  },

  verb(word: string): string {
    return table.get(word)?.[0] ?? winkLemmatizer().verb(word);
  },

  noun(word: string): string {
    return table.get(word)?.[1] ?? winkLemmatizer().noun(word);
  },

  /** A word's adjective lemma ("youngest" -> "young"): only for deciding whether a word is real. */
  adjective(word: string): string {
    return table.get(word)?.[2] ?? winkLemmatizer().adjective(word);
  },

  /** Loads wink now, so no turn waits for it: the server calls this once it listens. */
  warm(): void {
    winkLemmatizer();
  },
};
