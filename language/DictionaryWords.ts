/**
 * The words of Hunspell's en_US and es dictionaries (`dictionary-en`, `dictionary-es`), which Spelling uses to tell
 * real words from typos: the stems of each .dic ("walk/DGS" -> "walk"), lower-cased and, as the clean-up reads
 * text, without accents ("cancelación" -> "cancelacion"); ~48,000 English and ~52,000 more Spanish words. The
 * Spanish ones are there because the detector reads Spanish on every message: without them "cancelar" was
 * "corrected" to "cancer". They only make a word real; Spelling splits run-together words into English ones only
 * ("resources" is no "res our ces"). Reading the .dic files line by line was ~70 ms of CPU at every start, so
 * `npm run build` writes the words once as a plain list beside this file (server/writeDictionaryWords.ts). A list
 * made from other versions of the packages is not used; running from the sources there is none, and the .dic
 * files are read as before.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DICTIONARY_WORDS_FILE = join(__dirname, 'dictionary-words.txt');
/** The list's line between the English words and the Spanish ones. */
const SPANISH_FROM = '#es';

export interface DictionaryWordSets {
  readonly english: ReadonlySet<string>;
  /** Spanish words that are not English words too. */
  readonly spanish: ReadonlySet<string>;
}

function packageFile(dictionary: string, name: string): string {
  return join(dirname(require.resolve(dictionary)), name);
}

/** The installed packages' versions: the list's first line. */
function dictionaryVersion(): string {
  return ['dictionary-en', 'dictionary-es']
    .map(
      (dictionary) =>
        `${dictionary}@${(JSON.parse(readFileSync(packageFile(dictionary, 'package.json'), 'utf8')) as { version: string }).version}`,
    )
    .join(' ');
}

/** The stems of one installed .dic, read line by line, without accents. */
function stemsOf(dictionary: string): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(packageFile(dictionary, 'index.dic'), 'utf8').split('\n').slice(1)) {
    const slash = line.indexOf('/');
    words.add((slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
  }
  return words;
}

/** The words of the installed .dic files. */
export function hunspellWords(): DictionaryWordSets {
  const english = stemsOf('dictionary-en');
  const spanish = stemsOf('dictionary-es');
  for (const word of english) spanish.delete(word);
  return { english, spanish };
}

/** The dictionaries' words: from the build's list when it was made from the installed packages, else from the .dic files. */
export function dictionaryWords(file = DICTIONARY_WORDS_FILE): DictionaryWordSets {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const between = lines.indexOf(SPANISH_FROM);
    if (lines[0] === dictionaryVersion() && between > 0)
      return { english: new Set(lines.slice(1, between)), spanish: new Set(lines.slice(between + 1)) };
  } catch {
    // No list (running from the sources): the .dic files.
  }
  return hunspellWords();
}

/** The build step's work: writes the list unless these versions' is there; whether it wrote it. */
export function writeDictionaryWords(file = DICTIONARY_WORDS_FILE): boolean {
  const version = dictionaryVersion();
  if (existsSync(file) && readFileSync(file, 'utf8').startsWith(`${version}\n`)) return false;
  const { english, spanish } = hunspellWords();
  writeFileSync(file, [version, ...english, SPANISH_FROM, ...spanish].join('\n'));
  return true;
}
