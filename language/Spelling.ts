/**
 * Which words are real English, and the closest word of a reader's own vocabulary for one that is not.
 * A dictionary (Hunspell's en_US word list from `dictionary-en`) only decides whether a word is real:
 * real words are never changed ("pillow" stays "pillow"). A non-word is corrected to a vocabulary word
 * within one edit (two for words of eight letters or more), keeping its first letter (or a swap of the
 * first two), and a message gets at most `maxCorrections` corrections, so slang and names pass through.
 */
import { type DictionaryWordSets, dictionaryWords } from './DictionaryWords';
import { editDistance } from './editDistance';
import { Lemmas } from './Lemmas';

const CACHE_LIMIT = 20_000;
/**
 * Non-words one message may try to correct. Each try searches the vocabulary and every split (~40 µs for a
 * made-up word), so a pasted or hostile text of thousands of them would otherwise cost ~100 ms per 16 KB; the
 * most any of the 65,000 messages of the test data tries is 10.
 */
const MAX_ATTEMPTS = 24;
/** Run-together words are split into at most this many known words, each at most this long. */
const MAX_PIECES = 8;
const MAX_WORD_LENGTH = 20;
/** Words with more doubled letters than this are not tried letter by letter (2^n spellings). */
const MAX_DOUBLES = 5;
/** Short words a split may use (longer pieces must be dictionary words). */
const SHORT_WORDS = new Set([
  'i',
  'a',
  'to',
  'me',
  'my',
  'it',
  'on',
  'in',
  'of',
  'at',
  'so',
  'no',
  'up',
  'do',
  'go',
  'be',
  'is',
  'am',
  'an',
  'as',
  'he',
  'we',
  'us',
  'or',
  'if',
  'im',
]);

let dictionary: DictionaryWordSets | undefined;

/** No word of the clean-up's output is empty: the mark of a word a correction must settle. */
const NEEDS_CORRECTION = '';

export class Spelling {
  private readonly vocabulary: ReadonlySet<string>;
  private readonly byLength = new Map<number, string[]>();
  /** Per word neither in the vocabulary nor in the dictionary: whether it is an inflection of one (isKnown). */
  private readonly inflections = new Map<string, boolean>();
  /** Per word seen: what it reads as without a correction (withoutCorrection). */
  private readonly readings = new Map<string, string>();
  /** Per non-word seen: its correction or split (corrected). */
  private readonly corrections = new Map<string, string>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly maxCorrections = 4,
  ) {
    dictionary ??= dictionaryWords();
    this.vocabulary = new Set(vocabulary);
    for (const word of this.vocabulary) {
      if (!/^[a-z]{4,}$/.test(word)) continue;
      const bucket = this.byLength.get(word.length) ?? [];
      bucket.push(word);
      this.byLength.set(word.length, bucket);
    }
  }

  /** A real word: in the vocabulary, in a dictionary, or an inflection of a vocabulary or English word. */
  isKnown(word: string): boolean {
    return this.isKnownEnglish(word) || (dictionary as DictionaryWordSets).spanish.has(word);
  }

  /** A word of the vocabulary or the English dictionary, or an inflection of one: what a split may use. */
  isKnownEnglish(word: string): boolean {
    if (this.vocabulary.has(word) || (dictionary as DictionaryWordSets).english.has(word)) return true;
    // Remembered per word: an inflection's lemmas are looked up afresh each time ("legs", "hurting").
    let known = this.inflections.get(word);
    if (known === undefined) {
      known = [...Lemmas.of(word), Lemmas.adjective(word)].some(
        (lemma) => lemma !== word && (this.vocabulary.has(lemma) || (dictionary as DictionaryWordSets).english.has(lemma)),
      );
      if (this.inflections.size >= CACHE_LIMIT) this.inflections.clear();
      this.inflections.set(word, known);
    }
    return known;
  }

  /** A word of the vocabulary, or an inflection of one ("dribbles"): a word some reader looks for. */
  isVocabularyWord(word: string): boolean {
    return this.vocabulary.has(word) || Lemmas.of(word).some((lemma) => this.vocabulary.has(lemma));
  }

  /**
   * One message's corrector, given its words in order: non-words corrected (at most maxCorrections of them);
   * "nuumb" -> "numb". A long non-word that is two real words run together ("hangmyself", from letters spelt
   * out with spaces) is split: the result may hold a space. At most MAX_ATTEMPTS non-words are tried.
   */
  corrector(): (word: string) => string {
    let budget = this.maxCorrections;
    let attempts = MAX_ATTEMPTS;
    return (word) => {
      const free = this.withoutCorrection(word);
      if (free !== NEEDS_CORRECTION) return free;
      if (budget <= 0 || attempts <= 0 || word.length < 4) return word;
      attempts--;
      const result = this.corrected(word);
      if (result !== word) budget--;
      return result;
    };
  }

  /** What a word reads as when it needs no correction (see withoutCorrection); undefined when it does. */
  asWritten(word: string): string | undefined {
    const free = this.withoutCorrection(word);
    return free === NEEDS_CORRECTION ? undefined : free;
  }

  /**
   * The word as it stands when it is real (or no word of letters), or with its stretched letters undone; else
   * NEEDS_CORRECTION. Remembered per word: a long message repeats its words, and undoing stretched letters
   * tries up to 31 spellings.
   */
  private withoutCorrection(word: string): string {
    let reading = this.readings.get(word);
    if (reading === undefined) {
      // Stretched letters, cut to two by the clean-up, in a word of any length ("iit", "beetter"): not a typo,
      // so no correction is spent on it.
      reading = !/^[a-z]+$/.test(word) || this.isKnown(word) ? word : (this.unstretched(word) ?? NEEDS_CORRECTION);
      if (this.readings.size >= CACHE_LIMIT) this.readings.clear();
      this.readings.set(word, reading);
    }
    return reading;
  }

  /** A non-word's correction, or its split into words run together, or the word itself (remembered). */
  private corrected(word: string): string {
    let result = this.corrections.get(word);
    if (result === undefined) {
      const closest = this.closest(word);
      result = closest !== word ? closest : (this.split(word) ?? word);
      if (this.corrections.size >= CACHE_LIMIT) this.corrections.clear();
      this.corrections.set(word, result);
    }
    return result;
  }

  /**
   * Words run together, as letters spelt out with spaces come out of the clean-up ("iwanttoendit" ->
   * "i want to end it", "hangmyself" -> "hang myself"): the split into the fewest known words (then the
   * fewest short ones), each of three letters or more or a short everyday word, at most MAX_PIECES of them.
   */
  private split(word: string): string | undefined {
    if (word.length < 6) return undefined;
    // best[i]: the cheapest split of word[0, i): fewest pieces, then fewest short ones; and where its last piece starts.
    const best: Array<{ pieces: number; cost: number; from: number } | undefined> = [{ pieces: 0, cost: 0, from: 0 }];
    for (let to = 1; to <= word.length; to++) {
      for (let from = Math.max(0, to - MAX_WORD_LENGTH); from < to; from++) {
        const before = best[from];
        if (before === undefined || before.pieces >= MAX_PIECES) continue;
        const piece = word.slice(from, to);
        if (!(piece.length >= 3 ? this.isKnownEnglish(piece) : SHORT_WORDS.has(piece))) continue;
        const cost = before.cost + (piece.length >= 3 ? 10 : 11);
        const current = best[to];
        if (current === undefined || cost < current.cost) best[to] = { pieces: before.pieces + 1, cost, from };
      }
    }
    const whole = best[word.length];
    if (whole === undefined || whole.pieces < 2) return undefined;
    const pieces: string[] = [];
    for (let at = word.length; at > 0; at = (best[at] as { from: number }).from)
      pieces.unshift(word.slice((best[at] as { from: number }).from, at));
    return pieces.join(' ');
  }

  /**
   * The known word left when some of the word's doubled letters are single again ("beetter" -> "better",
   * "ooff" -> "off", "iit" -> "it"), fewest changes first; undefined when none is known.
   */
  private unstretched(word: string): string | undefined {
    const doubles: number[] = [];
    for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) doubles.push(i);
    if (doubles.length === 0 || doubles.length > MAX_DOUBLES) return undefined;
    let best: { word: string; changes: number } | undefined;
    for (let mask = 1; mask < 1 << doubles.length; mask++) {
      let candidate = '';
      let changes = 0;
      for (let i = 0; i < word.length; i++) {
        const at = doubles.indexOf(i);
        if (at >= 0 && mask & (1 << at)) changes++;
        else candidate += word[i];
      }
      if ((best === undefined || changes < best.changes) && this.isKnown(candidate)) best = { word: candidate, changes };
    }
    return best?.word;
  }

  /** The vocabulary word closest to a non-word (see the file's comment), or the word itself. */
  private closest(word: string): string {
    let best = word;
    const limit = word.length >= 8 ? 2 : 1;
    let bestDistance = limit + 1;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (candidate[0] !== word[0] && !(candidate[0] === word[1] && candidate[1] === word[0])) continue;
        // Ties go to the word that ends as the typo does ("blader" -> "bladder", not "blades").
        const distance = editDistance(word, candidate, limit) + (candidate.at(-1) === word.at(-1) ? 0 : 0.5);
        if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
      }
    }
    return best;
  }
}
