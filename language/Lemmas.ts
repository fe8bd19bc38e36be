/**
 * The dictionary forms of a word, so inflected forms meet ("peed", "peeing" -> "pee"; "legs" -> "leg").
 * wink-lemmatizer's verb and noun rules (its adjective rules are left out: they turn "worse" into "bad").
 */
import winkLemmatizer from 'wink-lemmatizer';

const CACHE_LIMIT = 50_000;
const cache = new Map<string, readonly string[]>();

export const Lemmas = {
  /** The word itself first, then its verb and noun lemmas where they differ. */
  of(word: string): readonly string[] {
    let forms = cache.get(word);
    if (forms === undefined) {
      forms = [...new Set([word, winkLemmatizer.verb(word), winkLemmatizer.noun(word)])];
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, forms);
    }
    return forms;
  },

  /** A word's adjective lemma ("youngest" -> "young"): only for deciding whether a word is real. */
  adjective(word: string): string {
    return winkLemmatizer.adjective(word);
  },
};
