/**
 * The words of Hunspell's en_US and es dictionaries (`dictionary-en`, `dictionary-es`), which Spelling uses to tell
 * real words from typos: the stems of each .dic ("walk/DGS" -> "walk"), lower-cased and, as the clean-up reads
 * text, without accents ("cancelación" -> "cancelacion"); ~48,000 English and ~52,000 more Spanish words. The
 * Spanish ones are there because the detector reads Spanish on every message: without them "cancelar" was
 * "corrected" to "cancer". They only make a word real; Spelling splits run-together words into English ones only
 * ("resources" is no "res our ces"). Reading the .dic files line by line was ~70 ms of CPU at every start, and
 * even a plain list's 100,000 words made into Sets ~40-80 ms, so `npm run build` writes the words once, sorted,
 * beside this file (server/writeDictionaryWords.ts), and they are looked up in place (SortedWords: one string per
 * language, ~1 ms to read). A list made from other versions of the packages is not used; running from the sources
 * there is none, and the .dic files are read as before.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DICTIONARY_WORDS_FILE = join(__dirname, 'dictionary-words.txt');
/** The list's line between the English words and the Spanish ones. */
const SPANISH_FROM = '#es';

export interface DictionaryWordSets {
  readonly english: SortedWords;
  /** Spanish words that are not English words too. */
  readonly spanish: SortedWords;
}

/**
 * Words kept as one sorted string, one per line, and found by binary search over its characters: no string or
 * Set entry per word is made, so a list of 50,000 words is ready as soon as it is read.
 */
export class SortedWords {
  /** `text`: "\n" + the words, sorted and one per line, + "\n" (see SortedWords.of). */
  private constructor(private readonly text: string) {}

  static of(words: Iterable<string>): SortedWords {
    const sorted = [...new Set(words)].filter((word) => word !== '' && !word.includes('\n')).sort();
    return new SortedWords(`\n${sorted.join('\n')}\n`);
  }

  /** Words already sorted one per line, as `lines` (what SortedWords.lines wrote). */
  static fromLines(lines: string): SortedWords {
    return new SortedWords(`\n${lines}\n`);
  }

  /** The words one per line, sorted (for a list file). */
  get lines(): string {
    return this.text.slice(1, -1);
  }

  get size(): number {
    let count = -1;
    for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) count++;
    return count;
  }

  has(word: string): boolean {
    const text = this.text;
    // [from, to): whole lines, `to` a line's end ("\n"); each step keeps the half that may hold the word.
    let from = 1;
    let to = text.length - 1;
    while (from < to) {
      const middle = (from + to) >>> 1;
      const start = text.lastIndexOf('\n', middle) + 1;
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end);
      if (word === line) return true;
      if (word < line) to = start - 1;
      else from = end + 1;
    }
    return false;
  }
}

function packageFile(dictionary: string, name: string): string {
  return join(dirname(require.resolve(dictionary)), name);
}

/** The installed packages' versions and the list's layout (sorted, as SortedWords reads it): the list's first line. */
function dictionaryVersion(): string {
  const versions = ['dictionary-en', 'dictionary-es'].map(
    (dictionary) =>
      `${dictionary}@${(JSON.parse(readFileSync(packageFile(dictionary, 'package.json'), 'utf8')) as { version: string }).version}`,
  );
  return [...versions, 'sorted'].join(' ');
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
  return { english: SortedWords.of(english), spanish: SortedWords.of(spanish) };
}

/** The dictionaries' words: from the build's list when it was made from the installed packages, else from the .dic files. */
export function dictionaryWords(file = DICTIONARY_WORDS_FILE): DictionaryWordSets {
  try {
    const list = readFileSync(file, 'utf8');
    const firstLine = list.indexOf('\n');
    const between = list.indexOf(`\n${SPANISH_FROM}\n`);
    if (list.slice(0, firstLine) === dictionaryVersion() && between > firstLine)
      return {
        english: SortedWords.fromLines(list.slice(firstLine + 1, between)),
        spanish: SortedWords.fromLines(list.slice(between + SPANISH_FROM.length + 2)),
      };
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
  writeFileSync(file, [version, english.lines, SPANISH_FROM, spanish.lines].join('\n'));
  return true;
}
