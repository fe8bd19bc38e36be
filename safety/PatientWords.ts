/**
 * A cleaned message as the red-flag check reads it: words with their dictionary forms, each word's
 * sentence and clause. Sentences end at . ! ? ; and new lines; clauses also break at commas, brackets,
 * dashes and the clause words of the context layer ("but", "although", "now"...).
 */
import { Lemmas } from '../language/Lemmas';
import type { Spelling } from '../language/Spelling';

export interface Word {
  readonly text: string;
  /** The word and its verb and noun lemmas: what lexicon entries are matched against. */
  readonly forms: readonly string[];
  readonly sentence: number;
  readonly clause: number;
}

export interface Sentence {
  readonly from: number;
  readonly to: number;
  readonly question: boolean;
}

/** Words, sentence ends and clause marks; a dot between digits ("38.9") is a decimal point and is skipped. */
const TOKEN = /[a-z0-9]+|[.!?;\n]|[,()\-\u2013\u2014:]/g;
const SENTENCE_END = /^[.!?;\n]$/;
/** Longer words are cut: no real word is, and it bounds the work per word. */
const MAX_WORD = 40;

export class PatientWords {
  readonly words: Word[] = [];
  readonly sentences: Sentence[] = [];

  constructor(cleaned: string, spelling: Spelling, clauseWords: ReadonlySet<string>) {
    const texts: string[] = [];
    /** Per word: whether a clause break (punctuation) stands before it, and whether a sentence ends after it. */
    const breakBefore: boolean[] = [];
    const endsAfter: Array<'' | '.' | '?'> = [];
    let pendingBreak = false;
    for (const match of cleaned.matchAll(TOKEN)) {
      const token = match[0];
      if (token === '.' && /[0-9]/.test(cleaned[(match.index ?? 0) + 1] ?? '') && /[0-9]/.test(cleaned[(match.index ?? 0) - 1] ?? '')) continue;
      if (SENTENCE_END.test(token)) {
        if (texts.length > 0 && endsAfter[texts.length - 1] !== '?') endsAfter[texts.length - 1] = token === '?' ? '?' : '.';
        pendingBreak = false;
      } else if (/^[a-z0-9]/.test(token)) {
        texts.push(token.length > MAX_WORD ? token.slice(0, MAX_WORD) : token);
        breakBefore.push(pendingBreak);
        endsAfter.push('');
        pendingBreak = false;
      } else pendingBreak = true;
    }
    const corrected = spelling.correctAll(texts);
    let from = 0;
    let clause = 0;
    for (let i = 0; i < corrected.length; i++) {
      const text = corrected[i];
      if (breakBefore[i] || clauseWords.has(text)) clause++;
      this.words.push({ text, forms: Lemmas.of(text), sentence: this.sentences.length, clause });
      if (endsAfter[i] !== '' || i === corrected.length - 1) {
        this.sentences.push({ from, to: i + 1, question: endsAfter[i] === '?' });
        from = i + 1;
      }
    }
  }
}
