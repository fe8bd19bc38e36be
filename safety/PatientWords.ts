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

/**
 * A word as read, made by a class, not an object literal: V8 keeps count, per literal, of how many of its objects
 * outlive a young-generation collection, and when nearly all do (every word of a long message does), makes the
 * literal's objects in the old generation from then on, where each costs several times as much to make and to
 * let go of.
 */
class MessageWord implements Word {
  constructor(
    readonly text: string,
    readonly forms: readonly string[],
    readonly sentence: number,
    readonly clause: number,
  ) {}
}

export interface Sentence {
  readonly from: number;
  readonly to: number;
  readonly question: boolean;
}

/** Sentence ends: . ! ? ; and new lines. */
const SENTENCE_ENDS = new Set([0x2e, 0x21, 0x3f, 0x3b, 0x0a]);
/** Clause marks: , ( ) : and en and em dashes (a hyphen only between spaces: see isClauseMark). */
const CLAUSE_MARKS = new Set([0x2c, 0x28, 0x29, 0x3a, 0x2013, 0x2014]);
const DOT = 0x2e;
const QUESTION_MARK = 0x3f;
const HYPHEN = 0x2d;
const SPACE = /\s/;
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

/** How many words a WordReader remembers (message words are untrusted input: bounded). */
const WORDS_REMEMBERED = 20_000;

/** A word that needs no correction, read: what it reads as, its forms, and whether it opens a clause. */
interface WordReading {
  readonly text: string;
  readonly forms: readonly string[];
  readonly opensClause: boolean;
}

/**
 * How one detector reads message words: its spelling corrector and clause words. A word that needs no correction
 * (nearly all) is read once and remembered, one look-up instead of three (spelling, forms, clause word): a
 * message repeats its words, and so do messages.
 */
export class WordReader {
  private readonly readings = new Map<string, WordReading | null>();

  constructor(
    readonly spelling: Spelling,
    readonly clauseWords: ReadonlySet<string>,
  ) {}

  /** The word's reading when it needs no correction; undefined when it does (PatientWords corrects it then). */
  asWritten(word: string): WordReading | undefined {
    let reading = this.readings.get(word);
    if (reading === undefined) {
      const text = this.spelling.asWritten(word);
      reading = text === undefined ? null : { text, forms: formsOf(text), opensClause: this.clauseWords.has(text) };
      if (this.readings.size >= WORDS_REMEMBERED) this.readings.clear();
      this.readings.set(word, reading);
    }
    return reading ?? undefined;
  }

  /**
   * The word a hyphen split in two, when it is one: "bla-dder", "wor-king", "sad-dle" hide a word from every
   * rule. Joined when the first half is no word and the whole is one, or the second half is no word and the
   * whole is one the rules look for: "weak-ish" keeps its "weak", and "x-ray", "follow-up" and "self-harm"
   * stay as they are.
   */
  joinedAcrossHyphen(before: string, after: string): string | undefined {
    if (before.length < 2 || after.length < 2 || !/^[a-z]+$/.test(before) || !/^[a-z]+$/.test(after)) return undefined;
    const whole = before + after;
    const { spelling } = this;
    if (!spelling.isKnown(before)) return spelling.isKnown(whole) ? whole : undefined;
    return !spelling.isKnown(after) && spelling.isVocabularyWord(whole) ? whole : undefined;
  }
}

export class PatientWords {
  readonly words: Word[] = [];
  readonly sentences: Sentence[] = [];

  constructor(cleaned: string, reader: WordReader) {
    const { clauseWords } = reader;
    const correct = reader.spelling.corrector();
    /** Whether a clause break (punctuation) stands before the next word, and the end told after the last one. */
    let pendingBreak = false;
    let endAfter: '' | '.' | '?' = '';
    let clause = 0;
    // One pass over the characters: words ([a-z0-9] runs, corrected as they come), sentence ends and clause marks;
    // a dot between digits ("38.9") is a decimal point and is skipped, and a hyphen is a clause mark only between
    // spaces ("c-section" is one phrase). Plain loops: a 16 KB message has thousands of words.
    for (let at = 0; at < cleaned.length; at++) {
      const code = cleaned.charCodeAt(at);
      if (isDigit(code) || isLetter(code)) {
        let end = at + 1;
        while (end < cleaned.length && isWordCode(cleaned.charCodeAt(end))) end++;
        let written = cleaned.slice(at, Math.min(end, at + MAX_WORD));
        if (cleaned.charCodeAt(end) === HYPHEN && isLetter(cleaned.charCodeAt(end + 1))) {
          let next = end + 1;
          while (next < cleaned.length && isWordCode(cleaned.charCodeAt(next))) next++;
          const whole = reader.joinedAcrossHyphen(written, cleaned.slice(end + 1, Math.min(next, end + 1 + MAX_WORD)));
          if (whole !== undefined) [written, end] = [whole, next];
        }
        if (endAfter !== '') this.endSentence(endAfter);
        endAfter = '';
        if (pendingBreak) clause++;
        pendingBreak = false;
        const reading = reader.asWritten(written);
        if (reading !== undefined) {
          if (reading.opensClause) clause++;
          this.words.push(new MessageWord(reading.text, reading.forms, this.sentences.length, clause));
        } else {
          // A correction may split a run-together word in two ("hang myself").
          const word = correct(written);
          if (word.includes(' ')) for (const text of word.split(' ')) clause = this.add(text, clause, clauseWords);
          else clause = this.add(word, clause, clauseWords);
        }
        at = end - 1;
      } else if (SENTENCE_ENDS.has(code)) {
        if (code === DOT && isDigit(cleaned.charCodeAt(at + 1)) && isDigit(cleaned.charCodeAt(at - 1))) continue;
        // An ellipsis is a pause in the sentence, not its end: "numb from the knees down... from kneeling".
        if (code === DOT && (cleaned.charCodeAt(at + 1) === DOT || cleaned.charCodeAt(at - 1) === DOT)) {
          pendingBreak = true;
          continue;
        }
        if (this.words.length > 0 && endAfter !== '?') endAfter = code === QUESTION_MARK ? '?' : '.';
        // A new sentence is a new clause too: "pacing the house. Doesn't matter if I move" is not about the house.
        pendingBreak = true;
      } else if (isClauseMark(cleaned, at, code)) pendingBreak = true;
    }
    if (this.words.length > this.sentenceStart) this.endSentence(endAfter);
  }

  /** Where the sentence being read starts. */
  private get sentenceStart(): number {
    return this.sentences.at(-1)?.to ?? 0;
  }

  private endSentence(end: '' | '.' | '?'): void {
    this.sentences.push({ from: this.sentenceStart, to: this.words.length, question: end === '?' });
  }

  /** Adds a word to the current sentence; a clause word starts a new clause. Returns the word's clause. */
  private add(text: string, clause: number, clauseWords: ReadonlySet<string>): number {
    const its = clauseWords.has(text) ? clause + 1 : clause;
    this.words.push(new MessageWord(text, formsOf(text), this.sentences.length, its));
    return its;
  }
}

/** a-z or 0-9: a character of a word of a cleaned message (the net counts words by it too). */
export function isWordCode(code: number): boolean {
  return isDigit(code) || isLetter(code);
}

/** , ( ) : en and em dashes, and a hyphen between spaces. */
function isClauseMark(text: string, at: number, code: number): boolean {
  if (CLAUSE_MARKS.has(code)) return true;
  return code === HYPHEN && SPACE.test(text.charAt(at - 1)) && SPACE.test(text.charAt(at + 1));
}

/** Character tests without a regular expression: they run for every token of every message. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}
