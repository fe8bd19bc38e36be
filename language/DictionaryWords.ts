/**
 * The words of Hunspell's en_US dictionary (`dictionary-en`), which Spelling uses to tell real words from
 * typos: the stems of its .dic ("walk/DGS" -> "walk"), lower-cased, ~48,000 words. Reading the .dic line by
 * line was ~35 ms of CPU at every start, so `npm run build` writes the words once as a plain list beside
 * this file (server/writeDictionaryWords.ts), which reads in ~15 ms. A list made from another version of
 * the package is not used; running from the sources there is none, and the .dic is read as before.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DICTIONARY_WORDS_FILE = join(__dirname, 'dictionary-words.txt');

function packageFile(name: string): string {
  return join(dirname(require.resolve('dictionary-en')), name);
}

/** The installed package's version: the list's first line. */
function dictionaryVersion(): string {
  return `dictionary-en@${(JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version}`;
}

/** The stems of the installed .dic, read line by line. */
export function hunspellWords(): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(packageFile('index.dic'), 'utf8').split('\n').slice(1)) {
    const slash = line.indexOf('/');
    words.add((slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase());
  }
  return words;
}

/** The dictionary's words: from the build's list when it was made from the installed package, else from the .dic. */
export function dictionaryWords(file = DICTIONARY_WORDS_FILE): ReadonlySet<string> {
  try {
    const list = readFileSync(file, 'utf8');
    const firstLine = list.indexOf('\n');
    if (list.slice(0, firstLine) === dictionaryVersion()) return new Set(list.slice(firstLine + 1).split('\n'));
  } catch {
    // No list (running from the sources): the .dic.
  }
  return hunspellWords();
}

/** The build step's work: writes the list unless this version's is there; whether it wrote it. */
export function writeDictionaryWords(file = DICTIONARY_WORDS_FILE): boolean {
  const version = dictionaryVersion();
  if (existsSync(file) && readFileSync(file, 'utf8').startsWith(`${version}\n`)) return false;
  writeFileSync(file, [version, ...hunspellWords()].join('\n'));
  return true;
}
