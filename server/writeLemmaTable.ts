/**
 * Build step (`npm run build`): wink-lemmatizer's answers for the words the bot's start-up asks about
 * (the rules and the FAQ, read as startBot reads them: server/startUpReplay.ts) and for every word of the knowledge
 * files (what patients' turns mostly use), written beside Lemmas (dist/language/lemmas.json) so the bot
 * starts without loading wink's WordNet data (see language/Lemmas.ts). Written again only when those
 * files, this step or the installed wink changed: an unchanged `npm start` pays a hash of the files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fromPackageRoot } from '../config/environment';
import { LEMMA_TABLE_FILE, type LemmaAnswers, type LemmaTable, readLemmaTable, winkLemmatizer, winkVersion } from '../language/Lemmas';
import { FAQ, RULES, replayStartUp } from './startUpReplay';

const WORDING = 'knowledge/conversation.json';
/** The knowledge files whose words the table holds. */
const SOURCES = [
  FAQ,
  RULES,
  WORDING,
  'knowledge/shorthand.json',
  'knowledge/stopwords.json',
  'knowledge/synonyms.json',
  'knowledge/out-of-domain.json',
];

const WORD = /[a-z0-9]+/g;
/** Joined, not split, by the FAQ's normaliser ("A&E" -> "ae"), besides the apostrophes the clean-up drops. */
const JOINERS = /[&'’‘`´]/g;

/** The words of every string in a JSON value (keys too: word lists are keyed by word), cleaned up. */
function wordsOf(value: unknown, clean: (text: string) => string, into: Set<string>): void {
  if (typeof value === 'string') {
    for (const text of [value, value.replace(JOINERS, '')]) for (const word of clean(text).match(WORD) ?? []) into.add(word);
  } else if (Array.isArray(value)) {
    for (const item of value) wordsOf(item, clean, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      wordsOf(key, clean, into);
      wordsOf(item, clean, into);
    }
  }
}

export function writeLemmaTable(): void {
  const texts = [
    ...SOURCES.map((file) => readFileSync(fromPackageRoot(file), 'utf8')),
    readFileSync(__filename, 'utf8'),
    readFileSync(require.resolve('./startUpReplay'), 'utf8'),
  ];
  const sources = createHash('sha256').update(texts.join('\0')).digest('hex');
  if (readLemmaTable()?.sources === sources) return;
  const words = new Set(replayStartUp().lemmaWords);
  // Required only now: an unchanged build checks the hash and exits without loading the clean-up.
  const { cleanText } = require('../language/TextCleanup') as typeof import('../language/TextCleanup');
  for (const text of texts.slice(0, SOURCES.length)) wordsOf(JSON.parse(text), cleanText, words);
  const wink = winkLemmatizer();
  const answers: Record<string, LemmaAnswers> = {};
  for (const word of [...words].sort()) answers[word] = [wink.verb(word), wink.noun(word), wink.adjective(word)];
  const table: LemmaTable = { wink: winkVersion(), sources, words: answers };
  writeFileSync(LEMMA_TABLE_FILE, JSON.stringify(table));
  console.log(`Lemma table written: ${words.size} words (${LEMMA_TABLE_FILE})`);
}

if (require.main === module) writeLemmaTable();
