/**
 * Build step (`npm run build`): the dictionary's words as a plain list beside language/DictionaryWords
 * (dist/language/dictionary-words.txt), written again when the installed dictionary-en or dictionary-es changes.
 */
import { DICTIONARY_WORDS_FILE, writeDictionaryWords } from '../language/DictionaryWords';

export function writeDictionaryWordList(): void {
  if (writeDictionaryWords()) console.log(`Dictionary words written (${DICTIONARY_WORDS_FILE})`);
}

if (require.main === module) writeDictionaryWordList();
