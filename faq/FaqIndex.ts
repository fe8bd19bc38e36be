/**
 * The FAQ questions turned into numbers once, when a knowledge base is loaded: token ids, token weights,
 * the inverted list token → questions, and each entry's token set. Immutable afterwards, so one index
 * serves every conversation; the only mutable part is the bounded typo cache inside the lexicon.
 *
 * Lists are stored flat (one typed array of items plus one of start offsets, "CSR"), not as an object
 * or array per question: at 10,000 entries that is 130,000 questions, and flat arrays build faster,
 * take a fraction of the memory and keep a query's reads close together.
 */
import type { FaqEntry } from './FaqEntry';
import type { FaqMatcherOptions } from './FaqMatcherOptions';
import { Lexicon, type QuestionWords } from './Lexicon';
import type { TextNormaliser } from './TextNormaliser';

/** {practitionerName}-style placeholders in answers: filled from configuration, not words. */
const PLACEHOLDER = /\{\w+\}/g;
/** How many message words the index remembers its reading of (words are untrusted input: bounded). */
const WORDS_REMEMBERED = 20_000;

/** What the index reads from one message word, the same in any message (see `reading`). */
interface WordReading {
  /** Its stem, typo-corrected where a known word is close enough. */
  readonly stem: string;
  /** 1 for a word known as typed, typoPenalty^edits for a corrected one. */
  readonly quality: number;
  /** Whether some question uses it as typed (then it is never a story's detail). */
  readonly inQuestions: boolean;
  /** A number, an age, a duration or a relative (TextNormaliser.isNeutral). */
  readonly neutral: boolean;
}

/** One distinct word of a message: `token` is -1 when the knowledge base has never seen it. */
export interface QueryToken {
  readonly token: number;
  readonly text: string;
  /** 1 for an exact match, typoPenalty^edits for a corrected typo. */
  readonly quality: number;
  /** The token's weight; for an unknown word `unknownWordWeight × maxIdf` (× weakWordWeight if everyday). */
  readonly weight: number;
}

/** Lists of ids, list i being items[start[i]] … items[start[i + 1] − 1]. */
export interface FlatLists {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export class FaqIndex {
  readonly questionCount: number;
  /** Per question, its entry (questions are numbered entry by entry, in file order). */
  readonly questionEntry: Int32Array;
  /** Per question, its distinct token ids. */
  readonly questionTokens: FlatLists;
  /** Per question, the sum of its tokens' weights: the denominator of "how much of this question the message covers". */
  readonly questionWeight: Float64Array;
  /** Per token: idf (plus floor), times weakWordWeight for everyday words. */
  readonly weight: Float64Array;
  /** Per token, the questions using it, lightest (shortest) question first. */
  readonly questionPostings: FlatLists;
  /** Per entry, the distinct tokens of all its questions together. */
  readonly entryTokens: FlatLists;
  /** Per entry, the distinct tokens of its answer and title that none of its questions use. */
  readonly answerTokens: FlatLists;
  /** Per entry, the tokens (all but one of) its questions use: what the entry is about ("whiplash", "leeds"); see subjects. */
  readonly subjectTokens: FlatLists;
  /** Per entry, the sum of its subject tokens' weights (0 when its questions share no token). */
  readonly subjectWeight: Float64Array;
  /** idf of a word used by a single entry: the unit for the floor and for unknown words. */
  readonly maxIdf: number;
  readonly lexicon: Lexicon;
  /** The questions' words as written (before stemming), each distinct word once: see QuestionWords. */
  readonly questionWords: QuestionWords;
  private readonly tokenIds = new Map<string, number>();
  /** Per message word seen, its reading: stemming, typo lookup and the neutral check once per word, not per message. */
  private readonly readings = new Map<string, WordReading>();

  constructor(
    entries: readonly FaqEntry[],
    private readonly options: FaqMatcherOptions,
    private readonly normaliser: TextNormaliser,
  ) {
    // Each distinct word is stemmed and resolved once: at 10,000 entries ~30,000 words, not ~800,000.
    const questionWords = internWords(entries, normaliser);
    this.questionWords = questionWords;
    const proseWords = entries.map((entry) => normaliser.proseWords(`${entry.title ?? ''} ${entry.answer}`.replace(PLACEHOLDER, ' ')));
    this.lexicon = new Lexicon(questionWords, proseWords.flat(), normaliser, options.fuzzy);
    const resolved = questionWords.words.map((word) => {
      const stem = normaliser.stem(word);
      return this.lexicon.resolve(word, stem)?.stem ?? stem;
    });
    // Per distinct word, its token when it stands alone (undefined for debris) and, once a question uses
    // it alone, that token's id: phrases are found per question, everything else per word.
    const aloneText = resolved.map((stem) => normaliser.single(stem));
    const aloneId = new Int32Array(resolved.length).fill(-2);
    const alone = (word: number): number => {
      if (aloneId[word] === -2) aloneId[word] = aloneText[word] === undefined ? -1 : this.id(aloneText[word] as string);
      return aloneId[word];
    };

    const n = questionWords.start.length - 1;
    this.questionCount = n;
    this.questionEntry = new Int32Array(n);
    const questionStart = new Int32Array(n + 1);
    const questionItems: number[] = [];
    const entryStart = new Int32Array(entries.length + 1);
    const entryItems: number[] = [];
    /** Per token: how many entries and questions use it, and the last entry / question that did. */
    const entriesUsing: number[] = [];
    const questionsUsing: number[] = [];
    const lastEntry: number[] = [];
    const lastQuestion: number[] = [];
    let q = 0;
    entries.forEach((entry, e) => {
      for (let k = 0; k < entry.questions.length; k++, q++) {
        this.questionEntry[q] = e;
        const end = questionWords.start[q + 1];
        for (let j = questionWords.start[q]; j < end; j++) {
          const word = questionWords.items[j];
          const phrase = j + 1 < end ? normaliser.phrase(resolved[word], resolved[questionWords.items[j + 1]]) : undefined;
          if (phrase !== undefined) j++;
          const t = phrase === undefined ? alone(word) : this.id(phrase);
          if (t < 0) continue;
          if (t === entriesUsing.length) {
            entriesUsing.push(0);
            questionsUsing.push(0);
            lastEntry.push(-1);
            lastQuestion.push(-1);
          }
          if (lastQuestion[t] === q) continue;
          lastQuestion[t] = q;
          questionsUsing[t]++;
          questionItems.push(t);
          if (lastEntry[t] !== e) {
            lastEntry[t] = e;
            entriesUsing[t]++;
            entryItems.push(t);
          }
        }
        questionStart[q + 1] = questionItems.length;
      }
      entryStart[e + 1] = entryItems.length;
    });
    this.questionTokens = { start: questionStart, items: Int32Array.from(questionItems) };
    this.entryTokens = { start: entryStart, items: Int32Array.from(entryItems) };

    // Words of an entry's answer and title that none of its questions use: known words (not evidence
    // against the match), scored at answerWordWeight in the entry's whole-entry part only.
    const questionTokenCount = entriesUsing.length;
    const answerUsing: number[] = [];
    const answerStart = new Int32Array(entries.length + 1);
    const answerItems: number[] = [];
    entries.forEach((_, e) => {
      const own = new Set(entryItems.slice(entryStart[e], entryStart[e + 1]));
      for (const text of new Set(this.proseTokens(proseWords[e]))) {
        const t = this.id(text);
        if (own.has(t)) continue;
        own.add(t);
        while (answerUsing.length <= t) answerUsing.push(0);
        answerUsing[t]++;
        answerItems.push(t);
      }
      answerStart[e + 1] = answerItems.length;
    });
    this.answerTokens = { start: answerStart, items: Int32Array.from(answerItems) };

    // BM25's idf over entries (a word in one entry weighs the most), plus a floor so that a word every
    // entry shares ("sciatica") still says the message is on topic instead of weighing nothing.
    const count = entries.length;
    this.maxIdf = Math.log(1 + (count - 0.5) / 1.5);
    const floor = options.idfFloor * this.maxIdf;
    const weak = this.weakTokens();
    // A word only answers use is weighed by how many answers use it.
    this.weight = Float64Array.from({ length: this.tokenIds.size }, (_, t) => {
      const df = t < questionTokenCount && entriesUsing[t] > 0 ? entriesUsing[t] : (answerUsing[t] ?? 1);
      const idf = floor + Math.log(1 + (count - df + 0.5) / (df + 0.5));
      return idf * (weak[t] ? options.weakWordWeight : 1);
    });
    this.questionWeight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = questionStart[i]; j < questionStart[i + 1]; j++) this.questionWeight[i] += this.weight[this.questionTokens.items[j]];
    }
    this.questionPostings = this.postings(questionsUsing);
    this.subjectTokens = subjects(entries, this.questionTokens, this.entryTokens, entriesUsing);
    this.subjectWeight = new Float64Array(entries.length);
    for (let e = 0; e < entries.length; e++) {
      for (let j = this.subjectTokens.start[e]; j < this.subjectTokens.start[e + 1]; j++) {
        this.subjectWeight[e] += this.weight[this.subjectTokens.items[j]];
      }
    }
  }

  /** An answer's or title's tokens: stemmed, known spellings, synonyms applied. */
  private proseTokens(words: readonly string[]): string[] {
    const stems = words.map((word) => {
      const stem = this.normaliser.stem(word);
      return this.lexicon.known(word, stem) ?? stem;
    });
    return this.normaliser.canonical(stems);
  }

  /**
   * The message's distinct tokens, typos corrected where a known word is close enough. A story's details
   * (TextNormaliser.isNeutral, names) are left out unless a question uses them ("how many weeks") —
   * but only when the message says something else of substance: "how old are you" must not become "how".
   */
  analyse(message: string): QueryToken[] {
    const names = this.normaliser.names(message);
    const words = this.normaliser.words(message);
    const readings = words.map((word) => this.reading(word));
    const neutral = readings.map((r, i) => !r.inQuestions && (r.neutral || names.has(words[i])));
    const withoutDetails = this.tokensOf(readings.filter((_, i) => !neutral[i]));
    const substance = this.maxIdf * this.options.idfFloor * 2;
    return neutral.includes(true) && !withoutDetails.some((t) => t.weight > substance) ? this.tokensOf(readings) : withoutDetails;
  }

  /** A message word's reading, remembered (a patient's words recur from message to message). */
  private reading(word: string): WordReading {
    let reading = this.readings.get(word);
    if (reading === undefined) {
      const exact = this.normaliser.stem(word);
      const known = this.lexicon.known(word, exact);
      const resolved = this.lexicon.resolve(word, exact);
      reading = {
        stem: resolved?.stem ?? exact,
        quality: this.options.typoPenalty ** (resolved?.edits ?? 0),
        inQuestions: known !== undefined && this.lexicon.inQuestions(known),
        neutral: this.normaliser.isNeutral(word),
      };
      if (this.readings.size >= WORDS_REMEMBERED) this.readings.clear();
      this.readings.set(word, reading);
    }
    return reading;
  }

  private tokensOf(readings: readonly WordReading[]): QueryToken[] {
    const tokens = new Map<string, QueryToken>();
    for (const { token: text, from, to } of this.normaliser.canonicalSpans(readings.map((r) => r.stem))) {
      // A phrase's quality is its worse word's.
      const quality = to - from === 1 ? readings[from].quality : Math.min(readings[from].quality, readings[from + 1].quality);
      const previous = tokens.get(text);
      if (previous === undefined || previous.quality < quality) {
        const token = this.tokenIds.get(text) ?? -1;
        tokens.set(text, { token, text, quality, weight: token >= 0 ? this.weight[token] : this.unknownWeight(text) });
      }
    }
    return [...tokens.values()];
  }

  /** Token → questions, each list ordered by question weight (then number): filled in that order. */
  private postings(questionsUsing: readonly number[]): FlatLists {
    const start = new Int32Array(questionsUsing.length + 1);
    for (let t = 0; t < questionsUsing.length; t++) start[t + 1] = start[t] + questionsUsing[t];
    const items = new Int32Array(start[questionsUsing.length]);
    const fill = start.slice(0, questionsUsing.length);
    const byWeight = Int32Array.from({ length: this.questionCount }, (_, i) => i).sort(
      (a, b) => this.questionWeight[a] - this.questionWeight[b] || a - b,
    );
    const { start: qStart, items: qItems } = this.questionTokens;
    for (const q of byWeight) {
      for (let j = qStart[q]; j < qStart[q + 1]; j++) items[fill[qItems[j]]++] = q;
    }
    return { start, items };
  }

  /** Whether a token is an everyday word (stopwords.json "weakWords"). */
  isWeak(token: string): boolean {
    return this.normaliser.isWeak(token);
  }

  private weakTokens(): Uint8Array {
    const weak = new Uint8Array(this.tokenIds.size);
    for (const [text, t] of this.tokenIds) if (this.normaliser.isWeak(text)) weak[t] = 1;
    return weak;
  }

  private unknownWeight(text: string): number {
    const weak = this.normaliser.isWeak(text) ? this.options.weakWordWeight : 1;
    return this.options.unknownWordWeight * this.maxIdf * weak;
  }

  private id(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokenIds.size;
      this.tokenIds.set(token, id);
    }
    return id;
  }
}

/** Every question's words, each distinct word given an id once. */
function internWords(entries: readonly FaqEntry[], normaliser: TextNormaliser): QuestionWords {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const starts: number[] = [0];
  const items: number[] = [];
  for (const entry of entries) {
    for (const questionWords of normaliser.wordsOfEach(entry.questions)) {
      for (const word of questionWords) {
        let id = ids.get(word);
        if (id === undefined) {
          id = words.push(word) - 1;
          ids.set(word, id);
        }
        items.push(id);
      }
      starts.push(items.length);
    }
  }
  return { words, start: Int32Array.from(starts), items: Int32Array.from(items) };
}

/**
 * Per entry, what it is about: the tokens all its questions use or, when they share none, those all but one
 * use ("whiplash" in four of five questions, the fifth asking about "my neck"); never a word more than half
 * the FAQ's entries use, which is what the whole FAQ is about ("sciatica" in a sciatica practice's).
 */
function subjects(entries: readonly FaqEntry[], questions: FlatLists, entryTokens: FlatLists, entriesUsing: readonly number[]): FlatLists {
  const start = new Int32Array(entries.length + 1);
  const items: number[] = [];
  const uses = new Map<number, number>();
  const ownWord = (token: number) => entriesUsing[token] <= entries.length / 2;
  let q = 0;
  entries.forEach((entry, e) => {
    uses.clear();
    for (let j = entryTokens.start[e]; j < entryTokens.start[e + 1]; j++) uses.set(entryTokens.items[j], 0);
    for (let k = 0; k < entry.questions.length; k++, q++) {
      for (let j = questions.start[q]; j < questions.start[q + 1]; j++)
        uses.set(questions.items[j], (uses.get(questions.items[j]) ?? 0) + 1);
    }
    const n = entry.questions.length;
    for (const [token, count] of uses) if (count === n && ownWord(token)) items.push(token);
    if (items.length === start[e] && n > 2) for (const [token, count] of uses) if (count === n - 1 && ownWord(token)) items.push(token);
    start[e + 1] = items.length;
  });
  return { start, items: Int32Array.from(items) };
}
