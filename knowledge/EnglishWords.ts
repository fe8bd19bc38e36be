/**
 * Real English words, from the Hunspell dictionary `dictionary-en` (the stems of its index.dic, ~50,000,
 * lower-cased; affix flags dropped). Typo correction asks it first: a word that is real, or whose lemma
 * is real, is never "corrected" into another word ("pillow" is not a typo of "pill", "siting" stays).
 *
 * The .dic file is read directly into a Set (~20 ms once per process): nspell would also expand the
 * affixes, but takes ~340 ms to load and only the stems are needed here, because lemmas cover inflection.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let words: ReadonlySet<string> | undefined;

export function isEnglishWord(word: string): boolean {
  words ??= loadDictionary();
  return words.has(word);
}

function loadDictionary(): ReadonlySet<string> {
  const text = readFileSync(dictionaryPath(), 'utf8');
  const set = new Set<string>();
  // The first line is the entry count; each other line is "stem" or "stem/FLAGS".
  for (const line of text.split('\n').slice(1)) {
    const slash = line.indexOf('/');
    const stem = (slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase();
    if (stem !== '') set.add(stem);
  }
  return set;
}

/** The package exports only its ESM entry point (no require.resolve of the .dic), so node_modules is searched as Node would. */
function dictionaryPath(): string {
  const found = module.paths.map((folder) => join(folder, 'dictionary-en', 'index.dic')).find((path) => existsSync(path));
  if (found !== undefined) return found;
  throw new Error('dictionary-en is not installed (npm install): typo correction needs it');
}
