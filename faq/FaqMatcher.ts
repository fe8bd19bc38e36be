/**
 * Scores a message against every FAQ entry, touching only the questions that share a word with it.
 *
 * The score (it goes into traces as `ScoredEntry.score`; 0..1, higher is better):
 *   Each distinct token weighs w(t) = (BM25 idf over entries + idfFloor × maxIdf), × weakWordWeight for
 *   everyday words; a message word the knowledge base has never seen weighs unknownWordWeight × maxIdf
 *   (evidence the message is about something else). A typo-corrected word counts typoPenalty per edit.
 *   For the message's tokens Q and one question's tokens D:
 *     matched  = Σ w(t) × quality(t) over t in Q ∩ D
 *     message  = matched / w(Q)      how much of what the patient wrote this question explains
 *     question = matched / w(D)      how much of the question the patient's words cover
 *     questionScore = message^a × question^(1 − a)                      a = messageCoverageExponent
 *   entry score = (1 − b) × best questionScore + b × (matched over ALL the entry's questions) / w(Q)
 *                                                                        b = entryBagWeight
 *   so a message using words from two phrasings of one entry still lands on it. Every part lies in 0..1,
 *   so the score does too; 1 means the message and one of the entry's questions say the same thing.
 *   Then × (1 − missingSubjectPenalty × the share of the entry's subject, the tokens all (or all but one)
 *   of its questions use, that the message does not say): a question that names no subject is the
 *   general entry's.
 *
 * That token score is the candidate stage. fuse.js then re-scores the best few entries from the letters
 * of their best questions (FuzzyReranker), which is what `match` returns.
 *
 * Cost per query: at most `maxPostingsForCandidates` postings of the message's rarest tokens (common
 * tokens only score the candidates those found), then a few array reads per candidate question and
 * entry, then at most 4 short Bitap searches — never a pass over the whole knowledge base. Measured
 * (npm run bench): p50 ~75 µs / p99 ~0.6 ms at 24 entries, ~0.3 / ~0.8 ms at 10,000; plain fuse.js
 * over every question takes ~4 ms at 24 entries and ~1.8 s at 10,000.
 */

import type { ScoredEntry } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';
import { FaqIndex, type FlatLists, type QueryToken } from './FaqIndex';
import { DEFAULT_FAQ_MATCHER_OPTIONS, type FaqMatcherOptions } from './FaqMatcherOptions';
import { FuzzyReranker, type RankedEntry } from './FuzzyReranker';
import type { OutOfDomain } from './OutOfDomain';
import { TextNormaliser } from './TextNormaliser';

/** A word an entry's answer uses but none of its questions says less about the entry than a question word. */
const ANSWER_PLACE = 0.5;

export class FaqMatcher {
  private readonly index: FaqIndex;
  /** Per token, this query's weight × quality (0 for tokens not in the message). Reset after each query. */
  private readonly gain: Float64Array;
  /** Per question, whether this query already made it a candidate. Reset after each query. */
  private readonly seen: Uint8Array;
  /** Per question, w(D)^(1 − a): ranking questions by matched / this is ranking them by questionScore. */
  private readonly rankDivisor: Float64Array;
  /** Per entry, the number of its first question (questions are numbered entry by entry). */
  private readonly firstQuestion: Int32Array;
  /** Per question, this query's key (see `key`), above 0 for its candidates only. Reset after each query. */
  private readonly keys: Float64Array;
  /** Per entry, this query's best key (0 when none). Reset after each query. */
  private readonly bestKey: Float64Array;
  private readonly reranker: FuzzyReranker;
  /** Each entry's number, by id. */
  private readonly entryNumber: ReadonlyMap<string, number>;

  constructor(
    private readonly entries: readonly FaqEntry[],
    readonly options: FaqMatcherOptions = DEFAULT_FAQ_MATCHER_OPTIONS,
    normaliser: TextNormaliser = TextNormaliser.default,
  ) {
    this.index = new FaqIndex(entries, options, normaliser);
    this.gain = new Float64Array(this.index.weight.length);
    this.seen = new Uint8Array(this.index.questionCount);
    this.rankDivisor = this.index.questionWeight.map((w) => w ** (1 - options.messageCoverageExponent));
    this.keys = new Float64Array(this.index.questionCount);
    this.bestKey = new Float64Array(entries.length);
    this.firstQuestion = new Int32Array(entries.length);
    for (let e = 1; e < entries.length; e++) this.firstQuestion[e] = this.firstQuestion[e - 1] + entries[e - 1].questions.length;
    this.reranker = new FuzzyReranker(options);
    this.entryNumber = new Map(entries.map((e, i) => [e.id, i]));
  }

  /** The best `limit` entries, highest score first; entries sharing no word with the message are left out. */
  match(message: string, limit = this.options.maxCandidates): ScoredEntry[] {
    const query = this.index.analyse(message);
    const known = query.filter((q) => q.token >= 0);
    const queryWeight = query.reduce((sum, q) => sum + q.weight, 0);
    if (known.length === 0 || queryWeight === 0) return [];
    for (const q of known) this.gain[q.token] = q.weight * q.quality;
    const candidates = this.candidates(known);
    try {
      const ranked = this.rank(candidates, queryWeight, Math.max(limit, this.options.rerankEntries));
      const best = this.bestQuestions(ranked.slice(0, this.options.rerankEntries));
      return this.reranker
        .rerank(message, ranked, (entry) => best.get(entry) ?? [])
        .slice(0, limit)
        .map(({ entry, score }) => ({ id: this.entries[entry].id, score }));
    } finally {
      for (const q of known) this.gain[q.token] = 0;
      for (const q of candidates) this.keys[q] = 0;
    }
  }

  /** Which entries' questions use each out-of-domain word (OutOfDomain.coverage), from the words already read. */
  outOfDomainCoverage(domain: OutOfDomain): Map<string, Set<string>> {
    return domain.coverage(this.index.questionWords, (q) => this.entries[this.index.questionEntry[q]].id);
  }

  /** Question words folded into the word they misspell at build time (stem → stem), for kb:check. */
  get typoFolds(): ReadonlyMap<string, string> {
    return this.index.lexicon.folds;
  }

  /**
   * How much more the message's topic words belong to entry `to` than to entry `from`, in units of the
   * rarest word's weight: each topic word (not an everyday word, at least `share` of the rarest word's
   * weight) adds its weight × (its place in `to` − its place in `from`), a place being 1 in the entry's
   * questions, ANSWER_PLACE in its answer or title only, 0 elsewhere. Positive: the message leans to `to`.
   */
  topicLean(message: string, from: number, to: number, share: number): number {
    const { maxIdf } = this.index;
    let lean = 0;
    for (const q of this.index.analyse(message)) {
      if (q.token < 0 || q.weight < share * maxIdf || this.index.isWeak(q.text)) continue;
      lean += (q.weight / maxIdf) * (this.place(q.token, to) - this.place(q.token, from));
    }
    return lean;
  }

  /** 1 when entry `entry`'s questions use `token`, ANSWER_PLACE when only its answer or title does, else 0. */
  private place(token: number, entry: number): number {
    if (includes(this.index.entryTokens, entry, token)) return 1;
    return includes(this.index.answerTokens, entry, token) ? ANSWER_PLACE : 0;
  }

  /** How many of the message's words the FAQ has never seen (everyday words and a story's details aside). */
  unknownWords(message: string): number {
    return this.index.analyse(message).filter((q) => q.token < 0 && !this.index.isWeak(q.text)).length;
  }

  /**
   * Whether the message holds a topic word: one the FAQ knows, not an everyday word ("is it a good idea?"),
   * weighing at least `share` of the rarest word's, and not one every entry of `among` uses: a word all the
   * likely entries share cannot tell them apart ("sciatica" among a sciatica practice's entries, however
   * rare it is in a FAQ grown to other conditions).
   */
  hasTopicWord(message: string, share: number, among: readonly string[] = []): boolean {
    const entries = among.flatMap((id) => this.entryNumber.get(id) ?? []);
    return this.index
      .analyse(message)
      .some(
        (q) =>
          q.token >= 0 &&
          q.weight >= share * this.index.maxIdf &&
          !this.index.isWeak(q.text) &&
          (entries.length < 2 || !entries.every((e) => includes(this.index.entryTokens, e, q.token))),
      );
  }

  private rank(candidates: readonly number[], queryWeight: number, limit: number): RankedEntry[] {
    const { entryTokens, answerTokens, questionEntry } = this.index;
    const b = this.options.entryBagWeight;
    // questionScore = matched / (w(Q)^a × w(D)^(1 − a)) = key × w(Q)^−a: one power per query, not per question.
    const scale = queryWeight ** -this.options.messageCoverageExponent;
    const touched: number[] = [];
    // The arrays in locals: V8 reads a field again at every turn of a loop that writes to an array.
    const { keys, bestKey } = this;
    for (const q of candidates) {
      const key = this.key(q);
      keys[q] = key;
      const entry = questionEntry[q];
      if (bestKey[entry] === 0) touched.push(entry);
      if (key > bestKey[entry]) bestKey[entry] = key;
    }
    // Only the entries with the best questions get the (costlier) whole-entry part of the score.
    const floor = kthLargest(touched, bestKey, this.options.maxEntriesScored);
    const top: RankedEntry[] = [];
    for (const entry of touched) {
      const key = bestKey[entry];
      if (key < floor) continue;
      const bag = (this.matched(entryTokens, entry) + this.options.answerWordWeight * this.matched(answerTokens, entry)) / queryWeight;
      insertTop(top, entry, Math.min(1, (1 - b) * key * scale + b * bag) * this.subjectFactor(entry), limit);
    }
    for (const entry of touched) bestKey[entry] = 0;
    return top;
  }

  /** 1 − penalty × the share of the entry's subject (FaqIndex.subjectTokens) the message does not say. */
  private subjectFactor(entry: number): number {
    const total = this.index.subjectWeight[entry];
    if (total === 0) return 1;
    return 1 - this.options.missingSubjectPenalty * (1 - this.matched(this.index.subjectTokens, entry) / total);
  }

  /**
   * For each of `top`, the text of its `rerankQuestionsPerEntry` best-scoring candidate questions (ties: the
   * earlier question), read from the entry's own questions (a few) rather than from every candidate.
   */
  private bestQuestions(top: readonly RankedEntry[]): Map<number, string[]> {
    const wanted = this.options.rerankQuestionsPerEntry;
    const { keys } = this;
    const texts = new Map<number, string[]>();
    for (const { entry } of top) {
      const first = this.firstQuestion[entry];
      const { questions } = this.entries[entry];
      const chosen: number[] = [];
      for (let q = first; q < first + questions.length; q++) {
        if (keys[q] === 0) continue; // not a candidate of this query
        let i = chosen.length;
        while (i > 0 && keys[chosen[i - 1]] < keys[q]) i--;
        if (i >= wanted) continue;
        chosen.splice(i, 0, q);
        if (chosen.length > wanted) chosen.pop();
      }
      texts.set(
        entry,
        chosen.map((q) => questions[q - first]),
      );
    }
    return texts;
  }

  /** How well question `q` matches this query, up to the per-query factor w(Q)^−a. */
  private key(q: number): number {
    return this.matched(this.index.questionTokens, q) / this.rankDivisor[q];
  }

  /**
   * Questions sharing a token with the message, found through the rarest tokens first until the budget
   * of postings is spent. A word in half the knowledge base ("sciatica", "pain") then only scores the
   * candidates rarer words found. A single too-common token is cut short; its postings are ordered
   * shortest question first, where the word is most of the question, so the likeliest matches stay in.
   */
  private candidates(known: readonly QueryToken[]): number[] {
    const { start, items } = this.index.questionPostings;
    const budget = this.options.maxPostingsForCandidates;
    const byRarity = [...known].sort((x, y) => postingsOf(start, x.token) - postingsOf(start, y.token));
    const found: number[] = [];
    const { seen } = this;
    let walked = 0;
    for (const { token } of byRarity) {
      const length = postingsOf(start, token);
      if (walked > 0 && walked + length > budget) break;
      const end = start[token] + Math.min(length, budget);
      for (let i = start[token]; i < end; i++) {
        if (seen[items[i]] === 0) found.push(items[i]);
        seen[items[i]] = 1;
      }
      walked += end - start[token];
    }
    for (const question of found) seen[question] = 0;
    return found;
  }

  /** Σ weight × quality of the message's tokens in list `i` of `lists` (a question's or a whole entry's tokens). */
  private matched(lists: FlatLists, i: number): number {
    // In locals, read once (see rank): this loop is most of the match's arithmetic.
    const { start, items } = lists;
    const { gain } = this;
    const end = start[i + 1];
    let sum = 0;
    for (let j = start[i]; j < end; j++) sum += gain[items[j]];
    return sum;
  }
}

/** How many questions use `token` (the length of its postings list). */
function postingsOf(start: Int32Array, token: number): number {
  return start[token + 1] - start[token];
}

/** Whether list `i` of `lists` holds `item` (an entry's few dozen tokens: a scan is enough). */
function includes(lists: FlatLists, i: number, item: number): boolean {
  for (let j = lists.start[i]; j < lists.start[i + 1]; j++) if (lists.items[j] === item) return true;
  return false;
}

/** The k-th largest of `values` at `indices` (0 when there are k or fewer), by quickselect: O(n). */
function kthLargest(indices: readonly number[], values: Float64Array, k: number): number {
  if (indices.length <= k) return 0;
  const a = Float64Array.from(indices, (i) => values[i]);
  const target = a.length - k; // the k-th largest is the (n − k)-th smallest
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

/** Keeps `top` sorted by score (then entry order, for stable traces) and at most `limit` long. */
function insertTop(top: RankedEntry[], entry: number, score: number, limit: number): void {
  let i = top.length;
  while (i > 0 && (top[i - 1].score < score || (top[i - 1].score === score && top[i - 1].entry > entry))) i--;
  if (i >= limit) return;
  top.splice(i, 0, { entry, score });
  if (top.length > limit) top.pop();
}
