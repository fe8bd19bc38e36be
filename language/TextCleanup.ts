/**
 * The one clean-up every patient message gets before anything reads it (the red-flag check and the FAQ
 * matcher alike), so a disguise or a texting habit that defeats one cannot defeat the other:
 *   - Unicode NFKC (full-width and styled letters become plain ones);
 *   - format characters removed (zero-width spaces and joiners, soft hyphens, bidi controls);
 *   - look-alike letters from other scripts folded to Latin, one character at a time, so text already in
 *     Latin (Spanish included) is never changed by it (the `confusables` library's table);
 *   - lower case, accents removed, apostrophes inside words dropped ("can't" -> "cant");
 *   - letters spelt out with dots, dashes or spaces joined ("n.u.m.b" -> "numb");
 *   - runs of three or more of one letter cut to two ("nuuuumb" -> "nuumb"; Spelling finishes the job);
 *   - texting shorthand expanded from the reviewed list (knowledge/shorthand.json: "u" -> "you"), emoji
 *     used for words replaced by them (a peach -> "bum"), and digits standing for letters in a word read
 *     as letters ("p33" -> "pee"; vertebra codes, times and amounts such as "l5", "3am", "10kg" stay).
 * Every step is one left-to-right pass over the text: a 200,000-character message stays linear.
 */
import { remove as foldLookAlike } from 'confusables';
import shorthandData from '../knowledge/shorthand.json';
import { readPreparedCleanups } from './PreparedCleanups';

// biome-ignore lint/suspicious/noMisleadingCharacterClass: single invisible code points, listed on purpose (no joined sequences)
const FORMAT_CHARS = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180e\u3164\uffa0]/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII_LETTER = /[^\x00-\x7f]/gu;
const LATIN = /\p{Script=Latin}/u;
const APOSTROPHE_IN_WORD = /([\p{L}\p{N}])['\u2019\u2018`\u00b4\u02bc](?=[\p{L}\p{N}])/gu;
/** Three or more single letters, each followed by the same separator: "n.u.m.b", "p-e-e", "n u m b". */
const SPELT_OUT =
  /(?<![\p{L}\p{N}])(?:\p{L}([.\-_*·] ?)){2,}\p{L}\1?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:\p{L} ){2,}\p{L}(?![\p{L}\p{N}])/gu;
const STRETCHED = /(\p{L})\1{2,}/gu;
/** Two runs of letters joined by a hyphen ("un-alive"), and the reflexives a hyphen may split ("my-self"). */
const HYPHENATED = /(?<![a-z0-9])([a-z]+)-([a-z]+)(?![a-z0-9])/g;
const REFLEXIVE = /^(?:my|your|him|her|it|our|them)sel(?:f|ves)$/;
/**
 * The ASCII twins of APOSTROPHE_IN_WORD and SPELT_OUT, for lower-case ASCII text, where a letter is a-z and a
 * digit 0-9: they find exactly what the Unicode expressions find there, at a fraction of their cost.
 */
const ASCII_APOSTROPHE_IN_WORD = /([a-z0-9])['`](?=[a-z0-9])/g;
const ASCII_SPELT_OUT = /(?<![a-z0-9])(?:[a-z]([.\-_*] ?)){2,}[a-z]\1?(?![a-z0-9])|(?<![a-z0-9])(?:[a-z] ){2,}[a-z](?![a-z0-9])/g;
const ASCII = /^[\x00-\x7f]*$/;
/** A word that is no piece of a disguised one: no "@", "$" or inner "!" beside it ("sh" in "sh!t" is no shorthand). */
const WHOLE_WORD = /(?<![@$]|[a-z0-9]!)[a-z0-9]+(?:\/[a-z0-9]+)?(?![@$]|![a-z0-9])/g;
/** The characters WHOLE_WORD looks at beside a word. */
const SIGN_BESIDE_WORD = /[@$!/]/;

interface ShorthandFile {
  readonly expansions: Readonly<Record<string, string>>;
  readonly symbols: Readonly<Record<string, string>>;
  /** Where the look-alike table's choice is not the letter patients mean (Greek iota reads as "i", not "l"). */
  readonly lookAlikes: Readonly<Record<string, string>>;
}

/** Digits and signs that stand for letters inside a word ("k1ll", "$uicide"). */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
};
/** What a disguised word needs one of (see DISGUISED). */
const LEET_SIGN = /[0-9@$!]/;
const LEET_SIGNS = /[0-9@$!]/g;
const LETTER = /[a-z]/;
/**
 * Mixed words that are not disguises: vertebra codes (l5, s1, t12), amounts or times (10kg, 3am, 1st), temperatures
 * (38c, 101f) and an age run into the writer's sex (53f, 59m).
 */
const CODE_OR_AMOUNT =
  /^(?:[lstc]\d{1,2}|\d+(?:kgs?|lbs?|st|mg|mcg|ml|g|mm|cm|km|m|f|c|h|hrs?|mins?|secs?|am|pm|nd|rd|th|s|x|k|yo|yrs?|wks?|days?))$/;
/** A disguised word has three characters or more and only digits that look like letters (not "x2", "b12"). */
const DISGUISED = /^(?=.{3})(?=.*[0-9@$!])[a-z0134578@$!]+$/;
/** Two-character words of letters and look-alike digits ("70", "d0"), read as letters only in a disguised message. */
const SHORT_LEET = /(?<![a-z0-9@$!])(?=[a-z0-9]*[0134578])[a-z0134578]{2}(?![a-z0-9@$!])/g;

/** How many words with doubled letters unstretched() remembers. */
const WORDS_REMEMBERED = 20_000;

/** How many recent messages clean() remembers: the three readings of one turn's message. */
const RECENT_MESSAGES = 3;

export class TextCleanup {
  /** With the build's cleanings of the texts start-up cleans (language/PreparedCleanups). */
  static readonly default = new TextCleanup(shorthandData as ShorthandFile, readPreparedCleanups());

  private readonly expansions: ReadonlyMap<string, string>;
  private readonly symbols: ReadonlyMap<string, string>;
  private readonly symbolPattern: RegExp;
  /** Whether a symbol is written in ASCII: then ASCII text may hold one too. */
  private readonly asciiSymbols: boolean;
  private readonly lookAlikes: ReadonlyMap<string, string>;
  /**
   * The last few messages cleaned and their results (clean() is a pure function of the message): a turn
   * cleans the message for the red-flag check, then the FAQ match cleans its first maxMessageLength
   * characters and its question, then its second opinion the whole message again. Newest first.
   */
  private recent: readonly (readonly [message: string, cleaned: string])[] = [];
  /** Per word with a doubled letter seen: the shorthand it stretches, or null (see unstretched). */
  private readonly stretchedShorthand = new Map<string, string | null>();

  constructor(
    shorthand: ShorthandFile,
    /** Texts already cleaned by this very clean-up, and their results. */
    private readonly prepared: ReadonlyMap<string, string> = new Map(),
  ) {
    this.expansions = new Map(Object.entries(shorthand.expansions));
    this.symbols = new Map(Object.entries(shorthand.symbols));
    this.lookAlikes = new Map(Object.entries(shorthand.lookAlikes));
    // Longest first, so a symbol with a variation selector is replaced whole.
    const keys = [...this.symbols.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.symbolPattern = new RegExp(keys.join('|') || '(?!)', 'gu');
    this.asciiSymbols = [...this.symbols.keys()].some((symbol) => ASCII.test(symbol));
    const keyStarts: Set<number>[] = [];
    for (const key of this.expansions.keys()) {
      while (keyStarts.length <= key.length) keyStarts.push(new Set());
      const first = key.charCodeAt(0);
      keyStarts[key.length].add(first);
      this.shortestKeyFrom.set(first, Math.min(key.length, this.shortestKeyFrom.get(first) ?? key.length));
    }
    this.keyStarts = keyStarts;
  }

  /**
   * A word's expansion, or the word: a stretched word may be shorthand once its doubled letters are single
   * again ("caant" -> "cant"). Made once (a function made per message costs a name under tsx).
   */
  private readonly shorthand = (word: string): string => this.expansions.get(word) ?? this.unstretched(word) ?? word;

  /**
   * Whether the run of letters and digits text[at, end) may be shorthand, from its length and first character
   * alone (no string made): it may be an expansion's key, or a stretched one (a doubled letter, and a key as
   * short as the word less a letter: undoing doubled letters keeps the first). Most words are neither.
   */
  private readonly mayBeShorthand = (text: string, at: number, end: number): boolean => {
    const first = text.charCodeAt(at);
    const length = end - at;
    if (length < this.keyStarts.length && this.keyStarts[length].has(first)) return true;
    return (this.shortestKeyFrom.get(first) ?? Number.POSITIVE_INFINITY) < length && hasDoubledLetter(text, at, end);
  };
  /** Per key length, the first characters of the shorthand keys that long (mayBeShorthand). */
  private readonly keyStarts: ReadonlySet<number>[];
  /** Per first character, the length of the shortest shorthand key starting with it (mayBeShorthand). */
  private readonly shortestKeyFrom = new Map<number, number>();

  /** Shorthand hidden by stretching: one doubled letter made single ("wannaa" -> "wanna"), or all of them ("caant"). */
  private unstretched(word: string): string | undefined {
    if (!hasDoubledLetter(word, 0, word.length)) return undefined;
    // Remembered per word: English is full of doubled letters ("feel", "really"), and each try builds strings.
    let expanded = this.stretchedShorthand.get(word);
    if (expanded === undefined) {
      expanded = this.stretchedExpansion(word) ?? null;
      if (this.stretchedShorthand.size >= WORDS_REMEMBERED) this.stretchedShorthand.clear();
      this.stretchedShorthand.set(word, expanded);
    }
    return expanded ?? undefined;
  }

  /** The shorthand a word with doubled letters stretches, worked out afresh (see unstretched). */
  private stretchedExpansion(word: string): string | undefined {
    for (const match of word.matchAll(/([a-z])\1/g)) {
      const once = word.slice(0, match.index) + word.slice((match.index ?? 0) + 1);
      const expanded = this.expansions.get(once);
      if (expanded !== undefined) return expanded;
    }
    return this.expansions.get(word.replace(/([a-z])\1/g, '$1'));
  }

  /**
   * A word a hyphen splits to hide it from the shorthand list or a reflexive ("un-alive", "my-self"): joined.
   * Other hyphenated words stay ("self-harm", "follow-up"); the red-flag check joins the halves of a plain
   * word itself (see WordReader.joinedAcrossHyphen).
   */
  private readonly unhyphenated = (pair: string, before: string, after: string): string => {
    const whole = before + after;
    return this.expansions.has(whole) || REFLEXIVE.test(whole) ? whole : pair;
  };

  /** The message as plain lower-case Latin text; sentence punctuation is kept for the readers. */
  clean(message: string): string {
    const prepared = this.prepared.get(message);
    if (prepared !== undefined) return prepared;
    const seen = this.recent.find(([text]) => text === message);
    if (seen !== undefined) return seen[1];
    const cleaned = this.cleanUp(message);
    this.recent = [[message, cleaned] as const, ...this.recent.slice(0, RECENT_MESSAGES - 1)];
    return cleaned;
  }

  private cleanUp(message: string): string {
    let text = !this.asciiSymbols && ASCII.test(message) ? asciiLetters(message) : this.letters(message);
    if (mayBeStretched(text)) text = text.replace(STRETCHED, '$1$1');
    if (text.includes('-')) text = text.replace(HYPHENATED, this.unhyphenated);
    // Without "@", "$", "!" or "/" WHOLE_WORD's words are the runs of letters and digits: found by a loop then.
    text = SIGN_BESIDE_WORD.test(text) ? text.replace(WHOLE_WORD, this.shorthand) : replaceRuns(text, this.shorthand, this.mayBeShorthand);
    // Most messages hold no digit or sign that may stand for a letter: nothing to read then.
    if (!LEET_SIGN.test(text)) return text;
    let disguised = 0;
    text = replaceSignedWords(text, (token) => {
      // A "!" before or after a word is punctuation ("help!", "no!"), not a letter: only one inside is.
      const [, before, word, after] = /^(!*)(.*?)(!*)$/.exec(token) as RegExpExecArray;
      if (!DISGUISED.test(word) || CODE_OR_AMOUNT.test(word)) return token;
      disguised++;
      return `${before}${this.readLeet(word)}${after}`;
    });
    // In a message written in digits for letters, the short words are too ("w4n7 70 d13": "70" is "to").
    return disguised < 2 ? text : text.replace(SHORT_LEET, (word) => this.readLeet(word));
  }

  /** The clean-up's steps up to spelt-out letters joined: symbols, NFKC, format characters, look-alikes, lower case, accents. */
  private letters(message: string): string {
    let text = message.replace(this.symbolPattern, (symbol) => this.symbols.get(symbol) ?? symbol);
    text = text.normalize('NFKC').replace(FORMAT_CHARS, '');
    text = text.replace(NON_ASCII_LETTER, (c) => (/\p{L}/u.test(c) && !LATIN.test(c) ? (this.lookAlikes.get(c) ?? foldLookAlike(c)) : c));
    text = text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(APOSTROPHE_IN_WORD, '$1');
    return text.replace(SPELT_OUT, (run) => run.replace(/[^\p{L}]/gu, ''));
  }

  private readLeet(word: string): string {
    const letters = word.replace(/[0-9@$!]/g, (c) => LEET[c] ?? c);
    return this.expansions.get(letters) ?? letters;
  }
}

/**
 * letters() for ASCII text with no symbol written in ASCII (nearly every message): no symbol, format character,
 * look-alike or accent to find, NFKC and NFD leave ASCII as it is, and the ASCII twins find what the others would.
 */
function asciiLetters(message: string): string {
  const text = message.toLowerCase().replace(ASCII_APOSTROPHE_IN_WORD, '$1');
  return text.replace(ASCII_SPELT_OUT, (run) => run.replace(/[^a-z]/g, ''));
}

/** The default clean-up, for callers that need no other shorthand list. */
export function cleanText(message: string): string {
  return TextCleanup.default.clean(message);
}

/**
 * The words that may be disguised (runs of letters, digits, "@", "$", "!" and "'" with a letter in them) that
 * hold a digit or sign, each replaced by `read`; words without one never change, so they are found from their
 * signs: a long message of plain words costs a search for signs, not a match and a call per word.
 */
function replaceSignedWords(text: string, read: (word: string) => string): string {
  let out = '';
  let copied = 0;
  LEET_SIGNS.lastIndex = 0;
  for (let sign = LEET_SIGNS.exec(text); sign !== null; sign = LEET_SIGNS.exec(text)) {
    let from = sign.index;
    while (from > 0 && isWordCharacter(text.charCodeAt(from - 1))) from--;
    let to = sign.index + 1;
    while (to < text.length && isWordCharacter(text.charCodeAt(to))) to++;
    LEET_SIGNS.lastIndex = to;
    const word = text.slice(from, to);
    if (!LETTER.test(word)) continue;
    out += text.slice(copied, from) + read(word);
    copied = to;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The text with each run of letters and digits (a-z, 0-9) replaced by `read`, asked only of the runs `mayChange`
 * (text, start, end) allows; unchanged text is not copied.
 */
function replaceRuns(text: string, read: (word: string) => string, mayChange: (text: string, at: number, end: number) => boolean): string {
  let out = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    if (!isLetterOrDigit(text.charCodeAt(at))) continue;
    let end = at + 1;
    while (end < text.length && isLetterOrDigit(text.charCodeAt(end))) end++;
    if (!mayChange(text, at, end)) {
      at = end - 1;
      continue;
    }
    const word = text.slice(at, end);
    const replaced = read(word);
    if (replaced !== word) {
      out += text.slice(copied, at) + replaced;
      copied = end;
    }
    at = end - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** a-z, 0-9, "@", "$", "!" and "'". */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 64 || code === 36 || code === 33 || code === 39;
}

/**
 * Whether a character comes three times in a row, or the text has one beyond the first 65,536 (written as two
 * code units): otherwise STRETCHED finds nothing, and a plain loop is cheaper than its search.
 */
function mayBeStretched(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xd800 && code <= 0xdfff) || (i >= 2 && code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2))) return true;
  }
  return false;
}

/** Whether text[from, to) has one letter (a-z) twice in a row: a plain loop, run for every word of every message. */
function hasDoubledLetter(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && code >= 97 && code <= 122) return true;
  }
  return false;
}
