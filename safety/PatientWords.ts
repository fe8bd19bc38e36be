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

/**
 * Words, sentence ends and clause marks; a dot between digits ("38.9") is a decimal point and is skipped,
 * and a hyphen is a clause mark only between spaces ("c-section" is one phrase).
 */
const TOKEN = /[a-z0-9]+|[.!?;\n]|[,()\u2013\u2014:]|(?<=\s)-(?=\s)/g;
const SENTENCE_ENDS = '.!?;\n';
/** Longer words are cut: no real word is, and it bounds the work per word. */
const MAX_WORD = 40;
/**
 * A year before this one also reads as the form "pastyear", so one history cue ("in pastyear") covers every
 * date a patient gives ("in 2019") without a cue per year that goes stale.
 */
const PAST_YEAR = 'pastyear';
const THIS_YEAR = new Date().getUTCFullYear();

function formsOf(text: string): readonly string[] {
  if (!isDigit(text.charCodeAt(0))) return Lemmas.of(text);
  if (/^(19|20)[0-9]{2}$/.test(text) && Number(text) < THIS_YEAR) return [text, PAST_YEAR];
  // A number run into its unit ("8kg", "39c") also reads as the unit, as if written apart.
  const unit = /^[0-9]+([a-z]+)$/.exec(text);
  if (unit) return [text, unit[1]];
  return Lemmas.of(text);
}

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
      if (token === '.' && isDigit(cleaned.charCodeAt(match.index + 1)) && isDigit(cleaned.charCodeAt(match.index - 1))) continue;
      if (token.length === 1 && SENTENCE_ENDS.includes(token)) {
        if (texts.length > 0 && endsAfter[texts.length - 1] !== '?') endsAfter[texts.length - 1] = token === '?' ? '?' : '.';
        pendingBreak = false;
      } else if (isDigit(token.charCodeAt(0)) || isLetter(token.charCodeAt(0))) {
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
      if (breakBefore[i]) clause++;
      // A correction may split a run-together word in two ("hang myself").
      const word = corrected[i];
      for (const text of word.includes(' ') ? word.split(' ') : [word]) {
        if (clauseWords.has(text)) clause++;
        this.words.push({ text, forms: formsOf(text), sentence: this.sentences.length, clause });
      }
      if (endsAfter[i] !== '' || i === corrected.length - 1) {
        this.sentences.push({ from, to: this.words.length, question: endsAfter[i] === '?' });
        from = this.words.length;
      }
    }
  }
}

/** Character tests without a regular expression: they run for every token of every message. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}
