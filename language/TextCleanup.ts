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
 *   - texting shorthand expanded from the reviewed list (knowledge/shorthand.json: "u" -> "you").
 * Every step is one left-to-right pass over the text: a 200,000-character message stays linear.
 */
import { remove as foldLookAlike } from 'confusables';
import shorthandData from '../knowledge/shorthand.json';

const FORMAT_CHARS = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180e\u3164\uffa0]/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII_LETTER = /[^\x00-\x7f]/gu;
const LATIN = /\p{Script=Latin}/u;
const APOSTROPHE_IN_WORD = /(\p{L})['\u2019\u2018`\u00b4\u02bc](?=\p{L})/gu;
/** Three or more single letters, each followed by the same separator: "n.u.m.b", "p-e-e", "n u m b". */
const SPELT_OUT = /(?<![\p{L}\p{N}])(?:\p{L}([.\-_*·] ?)){2,}\p{L}\1?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:\p{L} ){3,}\p{L}(?![\p{L}\p{N}])/gu;
const STRETCHED = /(\p{L})\1{2,}/gu;
const WORD = /[a-z0-9]+(?:\/[a-z0-9]+)?/g;

interface ShorthandFile {
  readonly expansions: Readonly<Record<string, string>>;
}

export class TextCleanup {
  static readonly default = new TextCleanup((shorthandData as ShorthandFile).expansions);

  private readonly expansions: ReadonlyMap<string, string>;

  constructor(expansions: Readonly<Record<string, string>>) {
    this.expansions = new Map(Object.entries(expansions));
  }

  /** The message as plain lower-case Latin text; sentence punctuation is kept for the readers. */
  clean(message: string): string {
    let text = message.normalize('NFKC').replace(FORMAT_CHARS, '');
    text = text.replace(NON_ASCII_LETTER, (c) => (/\p{L}/u.test(c) && !LATIN.test(c) ? foldLookAlike(c) : c));
    text = text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(APOSTROPHE_IN_WORD, '$1');
    text = text.replace(SPELT_OUT, (run) => run.replace(/[^\p{L}]/gu, '')).replace(STRETCHED, '$1$1');
    return text.replace(WORD, (word) => this.expansions.get(word) ?? word);
  }
}

/** The default clean-up, for callers that need no other shorthand list. */
export function cleanText(message: string): string {
  return TextCleanup.default.clean(message);
}
