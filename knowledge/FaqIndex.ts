/**
 * The FAQ questions turned into numbers once, when a knowledge base is loaded: token ids, token weights,
 * the inverted list token → questions, and each entry's token set. Immutable afterwards, so one index
 * serves every conversation; the only mutable part is the bounded typo cache inside the lexicon.
 */
import type { FaqEntry } from './FaqEntry';
import type { FaqMatcherOptions } from './FaqMatcherOptions';
import { Lexicon } from './Lexicon';
import { TextNormaliser } from './TextNormaliser';

export interface IndexedQuestion {
  readonly entry: number;
  /** Distinct token ids, ascending (binary-searchable). */
  readonly tokens: Int32Array;
  /** Sum of the tokens' weights: the denominator of "how much of this question the message covers". */
  readonly weight: number;
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

export class FaqIndex {
  readonly questions: readonly IndexedQuestion[];
  /** Per token: idf (plus floor), times weakWordWeight for everyday words. */
  readonly weight: Float64Array;
  /** Per token, the questions using it, lightest (shortest) question first. */
  readonly questionPostings: readonly Int32Array[];
  /** Per entry, the distinct tokens of all its questions together, ascending. */
  readonly entryTokens: readonly Int32Array[];
  /** idf of a word used by a single entry: the unit for the floor and for unknown words. */
  readonly maxIdf: number;
  readonly lexicon: Lexicon;
  private readonly tokenIds = new Map<string, number>();

  constructor(
    entries: readonly FaqEntry[],
    private readonly options: FaqMatcherOptions,
    private readonly normaliser: TextNormaliser,
  ) {
    const questionWords = entries.flatMap((entry) => entry.questions.map((q) => normaliser.words(q)));
    const prose = new Set<string>();
    for (const entry of entries) for (const word of normaliser.words(`${entry.title ?? ''} ${entry.answer}`)) prose.add(word);
    // Each distinct word is stemmed and resolved once: at 10,000 entries that is ~40,000 words, not ~800,000.
    const stemOf = memoise((word: string) => normaliser.stem(word));
    this.lexicon = new Lexicon(questionWords, prose, normaliser, options.fuzzy, stemOf);
    const resolved = memoise((word: string) => this.lexicon.resolve(word, stemOf(word))?.stem ?? stemOf(word));
    const questionLists: number[][] = [];
    const entryLists: number[][] = [];
    const questions: { entry: number; tokens: number[] }[] = [];
    const entryOf = entries.flatMap((entry, e) => entry.questions.map(() => e));
    questionWords.forEach((words, q) => {
      const e = entryOf[q];
      const stems = words.map(resolved);
      const ids = [...new Set(normaliser.canonical(stems).map((t) => this.id(t)))].sort((a, b) => a - b);
      questions.push({ entry: e, tokens: ids });
      for (const t of ids) {
        (questionLists[t] ??= []).push(q);
        const list = (entryLists[t] ??= []);
        if (list[list.length - 1] !== e) list.push(e);
      }
    });

    // BM25's idf over entries (a word in one entry weighs the most), plus a floor so that a word every
    // entry shares ("sciatica") still says the message is on topic instead of weighing nothing.
    const n = entries.length;
    this.maxIdf = Math.log(1 + (n - 0.5) / 1.5);
    const floor = options.idfFloor * this.maxIdf;
    const tokens = [...this.tokenIds.keys()];
    this.weight = Float64Array.from(entryLists, (list, t) => {
      const idf = floor + Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      return idf * (normaliser.isWeak(tokens[t]) ? options.weakWordWeight : 1);
    });
    this.questions = questions.map((q) => ({ entry: q.entry, tokens: Int32Array.from(q.tokens), weight: this.sum(q.tokens) }));
    this.questionPostings = questionLists.map((list) =>
      Int32Array.from(list).sort((a, b) => this.questions[a].weight - this.questions[b].weight || a - b),
    );
    const perEntry = entries.map((): number[] => []);
    entryLists.forEach((list, t) => list.forEach((e) => perEntry[e].push(t)));
    this.entryTokens = perEntry.map((tokens) => Int32Array.from(tokens));

  }

  /** The message's distinct tokens, typos corrected where a known word is close enough. */
  analyse(message: string): QueryToken[] {
    const stems: string[] = [];
    const qualities: number[] = [];
    for (const word of this.normaliser.words(message.slice(0, this.options.maxMessageLength))) {
      const exact = this.normaliser.stem(word);
      const resolved = this.lexicon.resolve(word, exact);
      stems.push(resolved?.stem ?? exact);
      qualities.push(this.options.typoPenalty ** (resolved?.edits ?? 0));
    }
    const tokens = new Map<string, QueryToken>();
    for (const { token: text, from, to } of this.normaliser.canonicalSpans(stems)) {
      const quality = Math.min(...qualities.slice(from, to));
      const previous = tokens.get(text);
      if (previous === undefined || previous.quality < quality) {
        const token = this.tokenIds.get(text) ?? -1;
        tokens.set(text, { token, text, quality, weight: token >= 0 ? this.weight[token] : this.unknownWeight(text) });
      }
    }
    return [...tokens.values()];
  }

  private unknownWeight(text: string): number {
    const weak = this.normaliser.isWeak(text) ? this.options.weakWordWeight : 1;
    return this.options.unknownWordWeight * this.maxIdf * weak;
  }

  private id(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) this.tokenIds.set(token, (id = this.tokenIds.size));
    return id;
  }

  private sum(tokens: readonly number[]): number {
    return tokens.reduce((total, t) => total + this.weight[t], 0);
  }
}

/** `f` with its results remembered (for the build only: the inputs are the knowledge base's own words). */
function memoise(f: (word: string) => string): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let value = memo.get(word);
    if (value === undefined) memo.set(word, (value = f(word)));
    return value;
  };
}
