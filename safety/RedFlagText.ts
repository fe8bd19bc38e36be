/**
 * Rewrites a patient's message into the plain form the red-flag patterns are written against:
 * lower case, no accents or apostrophes ("can't" -> "cant"), key words' typos corrected
 * ("blader" -> "bladder"), one space between words, clause breaks as " , ", one string per sentence.
 * Everything here is a single left-to-right pass, so a 200,000-character message stays linear.
 */
import type { MatchingSettings } from './RedFlagRules';

/** Words longer than this are cut: no real word is, and it bounds every pattern's work per word. */
const MAX_WORD = 40;
const TOKEN = /[a-z0-9]+(?:[/&][a-z0-9]+|\.[0-9]+)*|[.!?;:\n]|[,()"\u2013\u2014-]/g;
const SENTENCE_END = new Set(['.', '!', '?', ';', ':', '\n']);
const CACHE_LIMIT = 20_000;

export class RedFlagText {
  private readonly known: ReadonlySet<string>;
  private readonly lexiconByLength = new Map<number, string[]>();
  private readonly clauseBreaks: ReadonlySet<string>;
  private readonly corrections = new Map<string, string>();

  constructor(settings: MatchingSettings) {
    this.known = new Set([...settings.lexicon, ...settings.keepAsIs]);
    this.clauseBreaks = new Set(settings.clauseBreakWords);
    for (const word of settings.lexicon) {
      const bucket = this.lexiconByLength.get(word.length) ?? [];
      bucket.push(word);
      this.lexiconByLength.set(word.length, bucket);
    }
  }

  /** The message as normalised sentences, e.g. "no back pain , but i cant pee". */
  sentences(message: string): string[] {
    const text = message
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['\u2019\u2018`\u00b4]/g, '')
      .replace(/([a-z0-9])-(?=[a-z0-9])/g, '$1 ');
    const sentences: string[] = [];
    let words: string[] = [];
    const endSentence = (): void => {
      while (words.length > 0 && words[words.length - 1] === ',') words.pop();
      if (words.length > 0) sentences.push(words.join(' '));
      words = [];
    };
    const breakClause = (): void => {
      if (words.length > 0 && words[words.length - 1] !== ',') words.push(',');
    };
    for (const [token] of text.matchAll(TOKEN)) {
      if (SENTENCE_END.has(token)) endSentence();
      else if (token.length === 1 && !/[a-z0-9]/.test(token)) breakClause();
      else {
        const word = this.correct(token.length > MAX_WORD ? token.slice(0, MAX_WORD) : token);
        if (this.clauseBreaks.has(word)) breakClause();
        words.push(word);
      }
    }
    endSentence();
    return sentences;
  }

  /** A misspelt key word becomes the lexicon word (same first letter; distance 1 for 5-7 letters, 2 for 8+). */
  correct(word: string): string {
    if (word.length < 5 || this.known.has(word) || !/^[a-z]+$/.test(word)) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    const limit = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestDistance = limit + 1;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const candidate of this.lexiconByLength.get(length) ?? []) {
        if (candidate[0] !== word[0] && !(candidate[0] === word[1] && candidate[1] === word[0])) continue;
        const distance = damerauLevenshtein(word, candidate, limit);
        if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
      }
    }
    if (this.corrections.size >= CACHE_LIMIT) this.corrections.clear();
    this.corrections.set(word, best);
    return best;
  }
}

/** Optimal-string-alignment distance, giving up (limit + 1) as soon as a row exceeds `limit`. */
export function damerauLevenshtein(a: string, b: string, limit: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}
