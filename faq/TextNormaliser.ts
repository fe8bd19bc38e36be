/**
 * Turns text into matching tokens — for the FAQ matcher only; nothing here is ever shown to a patient.
 *
 *   words(text)      the shared clean-up (cleanText), no punctuation, stop words removed (surface words, for typo lookup)
 *   stem(word)       the lemma (wink-lemmatizer: "lying" → "lie", "feet" → "foot"), then suffix-stripped (stem.ts)
 *   canonical(stems) the reviewed synonym table applied, two-word phrases first
 *   tokens(text)     all three, without typo handling (e.g. to group similar unanswered messages)
 *   isWeak(token)    whether it is an everyday word that should count for little
 *
 * The matcher runs typo correction (Lexicon) between `stem` and `canonical`, so a misspelt half of a
 * phrase ("anti inflamatory") still joins its phrase.
 */
import { createHash } from 'node:crypto';
import stopwordsData from '../knowledge/stopwords.json';
import synonymsData from '../knowledge/synonyms.json';
import { Lemmas } from '../language/Lemmas';
import { Spelling } from '../language/Spelling';
import { cleanText } from '../language/TextCleanup';
import { stem } from './stem';

/** Joined, not split, between two letters: "don't" → "dont", "A&E" → "ae". */
const JOINERS = new Set(["'", '’', '‘', '`', '´', '&']);
const LEMMA_CACHE_SIZE = 20_000;
/** Entries whose cleaned questions are kept: two FAQs of 10,000 entries (the live one and its next version). */
const CLEANED_ENTRIES_KEPT = 20_000;
const DOUBLED_LETTER = /([a-z])\1/;
const DOUBLED_LETTERS = /([a-z])\1/g;
/** The shared dictionary check with no vocabulary of its own: real English words only. */
const ENGLISH = new Spelling([]);
const INFLECTED_VERB = /(ing|ed|s)$/;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** A capitalised word after a letter, comma or digit and a space (so not the first word of a sentence). */
const NAME = /[\p{L}\p{N},]\s+(\p{Lu}[\p{Ll}\p{Lu}'’-]*)/gu;

export interface TokenSpan {
  readonly token: string;
  readonly from: number;
  readonly to: number;
}

function isLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 97 && code <= 122) || (code > 127 && LETTER.test(text[i]));
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && LETTER_OR_DIGIT.test(text[i]));
}

export class TextNormaliser {
  /** The clinic's reviewed data files (knowledge/stopwords.json, knowledge/synonyms.json). */
  static readonly default = new TextNormaliser(
    stopwordsData.words,
    stopwordsData.weakWords,
    synonymsData.groups,
    stopwordsData.neutralWords,
  );

  /** Changes whenever the stop words or synonyms change: part of the knowledge base version. */
  readonly fingerprint: string;
  private readonly stopWords: ReadonlySet<string>;
  private readonly weakStems: ReadonlySet<string>;
  private readonly neutralWords: ReadonlySet<string>;
  /** Stemmed word → canonical token. */
  private readonly singles = new Map<string, string>();
  /** "stem stem" → canonical token, for the few two-word synonyms. */
  private readonly phrases = new Map<string, string>();
  /** First stems of those phrases: most words start none, and need no "stem stem" string built. */
  private readonly phraseStarts = new Set<string>();
  /** Every stem the synonym table knows, so typo lookup can find "ibuprofin" → "ibuprofen". */
  private readonly vocabulary = new Set<string>();
  private readonly surfaceWords = new Set<string>();
  /** The last text words() read, and its words. */
  private lastText: string | undefined;
  private lastWords: readonly string[] = [];
  /**
   * Each entry's questions (joined) cleaned up, kept from one load to the next: a reload after staff
   * saved faq.json cleans only the entries they changed. The clean-up was a third of a reload at 10,000 entries.
   */
  private readonly cleanedQuestions = new Map<string, string>();
  /** Word → lemma; bounded, because message words are untrusted input. */
  private readonly lemmas = new Map<string, string>();

  constructor(
    stopWords: readonly string[],
    weakWords: readonly string[],
    synonymGroups: Readonly<Record<string, readonly string[]>>,
    neutralWords: readonly string[] = [],
  ) {
    this.stopWords = new Set(stopWords);
    this.neutralWords = new Set(neutralWords);
    this.weakStems = new Set(weakWords.map((w) => this.stem(w)));
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([stopWords, weakWords, synonymGroups, neutralWords]))
      .digest('hex');
    for (const [canonical, words] of Object.entries(synonymGroups)) {
      for (const phrase of [canonical, ...words]) this.addSynonym(canonical, phrase);
    }
  }

  /**
   * Lower-cased surface words, without diacritics, punctuation or stop words, after the clean-up every
   * patient message gets (language/TextCleanup: look-alike letters, zero-width characters, stretched
   * letters, texting shorthand); FAQ questions and answers go through the same, so both sides meet.
   */
  words(text: string): readonly string[] {
    // A query reads the same text more than once (scoring, then the out-of-domain check): one clean-up.
    if (text === this.lastText) return this.lastWords;
    this.lastWords = Object.freeze(this.split(cleanText(text)));
    this.lastText = text;
    return this.lastWords;
  }

  /**
   * words() of each text, cleaned up in one call (one per entry at load instead of one per question:
   * at 10,000 entries the clean-up's fixed cost per call was most of the load time).
   */
  wordsOfEach(texts: readonly string[]): string[][] {
    const joined = texts.join('\n');
    let together = this.cleanedQuestions.get(joined);
    if (together === undefined) {
      together = cleanText(joined);
      if (this.cleanedQuestions.size >= CLEANED_ENTRIES_KEPT) this.cleanedQuestions.clear();
      this.cleanedQuestions.set(joined, together);
    }
    const cleaned = together.split('\n');
    if (cleaned.length !== texts.length) return texts.map((text) => [...this.words(text)]);
    return cleaned.map((text) => this.split(text));
  }

  /**
   * The words of staff's proofread prose (answers, titles) without the patient clean-up, whose steps
   * (shorthand, look-alike letters, stretched letters) target patients' typing: at 10,000 entries the
   * answers are most of the text read at load.
   */
  proseWords(text: string): string[] {
    return this.split(text.toLowerCase());
  }

  private split(lowerCase: string): string[] {
    let plain = lowerCase;
    // Diacritics go only when there are any: most text is plain ASCII, and this runs on every question at load.
    if (NON_ASCII.test(plain)) plain = plain.normalize('NFKD').replace(MARKS, '');
    const out: string[] = [];
    let word = ''; // the part of the current word before a joiner
    let start = 0;
    for (let i = 0; i <= plain.length; i++) {
      if (i < plain.length && isWordChar(plain, i)) continue;
      if (
        i < plain.length &&
        JOINERS.has(plain[i]) &&
        i > start &&
        isLetter(plain, i - 1) &&
        i + 1 < plain.length &&
        isLetter(plain, i + 1)
      ) {
        word += plain.slice(start, i);
      } else {
        word += plain.slice(start, i);
        if (word.length > 0 && !this.stopWords.has(word) && !this.isStretchedStopWord(word)) out.push(word);
        word = '';
      }
      start = i + 1;
    }
    return out;
  }

  /** "whaat" (the clean-up leaves two of a stretched letter): a stop word once the doubles go, and no real word as typed. */
  private isStretchedStopWord(word: string): boolean {
    if (!DOUBLED_LETTER.test(word)) return false;
    return this.stopWords.has(word.replace(DOUBLED_LETTERS, '$1')) && !this.isRealWord(word);
  }

  stem(word: string): string {
    return stem(this.lemma(word));
  }

  /**
   * The dictionary form: an inflected verb ("lying" → "lie", "stretched" → "stretch"), else a noun's
   * singular ("feet" → "foot"). A verb is read only from a regular ending (-ing, -ed, -s): irregular pasts
   * are too often other words ("left" leg is not "leave", a cortisone "shot" is not "shoot", "felt").
   * Adjectives are left alone ("worse" must not become "bad"). Cached: ~7 µs a new word.
   */
  lemma(word: string): string {
    let lemma = this.lemmas.get(word);
    if (lemma === undefined) {
      const asVerb = INFLECTED_VERB.test(word) ? Lemmas.verb(word) : word;
      lemma = asVerb !== word ? asVerb : Lemmas.noun(word);
      if (this.lemmas.size >= LEMMA_CACHE_SIZE) this.lemmas.clear();
      this.lemmas.set(word, lemma);
    }
    return lemma;
  }

  /** A real English word (dictionary-en) as written or as a lemma: typo correction leaves it alone. */
  isRealWord(word: string): boolean {
    return ENGLISH.isKnownEnglish(word);
  }

  /** Replaces synonyms (two-word phrases first) by their canonical token; unknown stems pass through. */
  canonical(stems: readonly string[]): string[] {
    return this.canonicalSpans(stems).map((span) => span.token);
  }

  /** Like canonical(), also telling which stems [from, to) each token came from. */
  canonicalSpans(stems: readonly string[]): TokenSpan[] {
    const out: TokenSpan[] = [];
    for (let i = 0; i < stems.length; i++) {
      const phrase = i + 1 < stems.length ? this.phrase(stems[i], stems[i + 1]) : undefined;
      const token = phrase ?? this.single(stems[i]);
      if (token !== undefined) out.push({ token, from: i, to: phrase === undefined ? i + 1 : i + 2 });
      if (phrase !== undefined) i++;
    }
    return out;
  }

  /** The canonical token of two stems in a row that form a synonym phrase ("come back" → "recur"), else undefined. */
  phrase(first: string, second: string): string | undefined {
    return this.phraseStarts.has(first) ? this.phrases.get(`${first} ${second}`) : undefined;
  }

  /** The canonical token of one stem; undefined for a lone letter, debris of "x-ray" or "a&e" that no phrase claimed. */
  single(stem: string): string | undefined {
    const token = this.singles.get(stem) ?? stem;
    return token.length > 1 || /\d/.test(token) ? token : undefined;
  }

  /** Everyday words ("best", "help", "back") that count for little: see stopwords.json. */
  isWeak(token: string): boolean {
    return this.weakStems.has(token);
  }

  /**
   * A detail of a patient's story that says nothing about which answer they want: a number, an age
   * ("52m"), a vertebra code ("l4", "s1"), a duration or relative (stopwords.json "neutralWords").
   * The matcher ignores such a word when the FAQ's questions do not use it.
   */
  isNeutral(word: string): boolean {
    return /\d/.test(word) || this.neutralWords.has(word);
  }

  /**
   * Words written with a capital letter in the middle of a sentence ("in Leeds", "my GP Dr Shah",
   * "took Lyrica"): names of places, people and brands, lower-cased. Neutral like isNeutral's words.
   */
  names(text: string): Set<string> {
    const names = new Set<string>();
    for (const match of text.matchAll(NAME)) names.add(match[1].toLowerCase());
    return names;
  }

  tokens(text: string): string[] {
    return this.canonical(this.words(text).map((w) => this.stem(w)));
  }

  /** Surface words and stems of the synonym table (typo lookup targets). */
  knownWords(): ReadonlySet<string> {
    return new Set([...this.surfaceWords, ...this.vocabulary]);
  }

  private addSynonym(canonical: string, phrase: string): void {
    const surface = this.words(phrase);
    const stems = surface.map((w) => this.stem(w));
    // A stop word inside a phrase ("every day") would silently turn it into a one-word synonym.
    if (surface.length !== phrase.trim().split(/\s+/).length || stems.length > 2) {
      throw new Error(`synonyms: "${phrase}" (under "${canonical}") may not contain stop words or more than two words`);
    }
    for (const w of surface) this.surfaceWords.add(w);
    for (const s of stems) this.vocabulary.add(s);
    if (stems.length === 2) {
      this.phrases.set(stems.join(' '), canonical);
      this.phraseStarts.add(stems[0]);
    } else this.singles.set(stems[0], canonical);
  }
}
