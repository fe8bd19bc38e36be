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
 *
 * Cost per query: at most `maxPostingsForCandidates` postings of the message's rarest tokens (common
 * tokens only score the candidates those found), then a few array reads per candidate question and
 * entry — never a pass over the whole knowledge base.
 */
import Fuse from 'fuse.js';
import type { FaqEntry } from './FaqEntry';
import type { ScoredEntry } from './FaqDecision';
import { FaqIndex, type QueryToken } from './FaqIndex';
import { DEFAULT_FAQ_MATCHER_OPTIONS, type FaqMatcherOptions } from './FaqMatcherOptions';
import { TextNormaliser } from './TextNormaliser';

export class FaqMatcher {
  private readonly index: FaqIndex;
  /** Per token, this query's weight × quality (0 for tokens not in the message). Reset after each query. */
  private readonly gain: Float64Array;
  /** Per question, whether this query already made it a candidate. Reset after each query. */
  private readonly seen: Uint8Array;
  /** Per question, w(D)^(1 − a): ranking questions by matched / this is ranking them by questionScore. */
  private readonly rankDivisor: Float64Array;
  private readonly entryIndex: Map<string, number>;
  private readonly questionTexts: string[];

  constructor(
    private readonly entries: readonly FaqEntry[],
    readonly options: FaqMatcherOptions = DEFAULT_FAQ_MATCHER_OPTIONS,
    private readonly normaliser: TextNormaliser = TextNormaliser.default,
  ) {
    this.entryIndex = new Map(entries.map((e, i) => [e.id, i]));
    this.questionTexts = entries.flatMap((e) => e.questions.map((q) => (options.fuseText === 'raw' ? q.toLowerCase() : normaliser.words(q).join(' '))));
    this.index = new FaqIndex(entries, options, normaliser);
    this.gain = new Float64Array(this.index.weight.length);
    this.seen = new Uint8Array(this.index.questions.length);
    this.rankDivisor = Float64Array.from(this.index.questions, (q) => q.weight ** (1 - options.messageCoverageExponent));
  }

  /** The best `limit` entries, highest score first; entries sharing no word with the message are left out. */
  match(message: string, limit = this.options.maxCandidates): ScoredEntry[] {
    const query = this.index.analyse(message);
    const known = query.filter((q) => q.token >= 0);
    const queryWeight = query.reduce((sum, q) => sum + q.weight, 0);
    if (known.length === 0 || queryWeight === 0) return [];
    for (const q of known) this.gain[q.token] = q.weight * q.quality;
    try {
      const candidates = this.candidates(known);
      const ranked = this.rank(candidates, queryWeight, Math.max(limit, this.options.fuseEntries));
      if (this.options.fuseWeight === 0) return ranked.slice(0, limit);
      return this.rerank(message, ranked, candidates).slice(0, limit);
    } finally {
      for (const q of known) this.gain[q.token] = 0;
    }
  }

  private rank(candidates: readonly number[], queryWeight: number, limit: number): ScoredEntry[] {
    const { questions, entryTokens } = this.index;
    const b = this.options.entryBagWeight;
    // questionScore = matched / (w(Q)^a × w(D)^(1 − a)) = key × w(Q)^−a: one power per query, not per question.
    const scale = queryWeight ** -this.options.messageCoverageExponent;
    const best = new Map<number, number>();
    for (const q of candidates) {
      const key = this.matched(questions[q].tokens) / this.rankDivisor[q];
      if (key > (best.get(questions[q].entry) ?? 0)) best.set(questions[q].entry, key);
    }
    // Only the entries with the best questions get the (costlier) whole-entry part of the score.
    const floor = kthLargest(best, this.options.maxEntriesScored);
    const top: ScoredEntry[] = [];
    for (const [entry, key] of best) {
      if (key < floor) continue;
      const bag = this.matched(entryTokens[entry]) / queryWeight;
      const score = Math.min(1, (1 - b) * key * scale + b * bag);
      insertTop(top, { id: this.entries[entry].id, score }, limit);
    }
    return top;
  }

  private rerank(message: string, ranked: ScoredEntry[], candidates: readonly number[]): ScoredEntry[] {
    const o = this.options;
    const { questions } = this.index;
    const top = ranked.slice(0, o.fuseEntries);
    const entryIds = new Map(top.map((r, i) => [this.entryIndex.get(r.id) as number, i]));
    const perEntry: { q: number; key: number }[][] = top.map(() => []);
    for (const q of candidates) {
      const slot = entryIds.get(questions[q].entry);
      if (slot === undefined) continue;
      perEntry[slot].push({ q, key: this.matched(questions[q].tokens) / this.rankDivisor[q] });
    }
    const text = o.fuseText === 'raw' ? message.toLowerCase() : this.normaliser.words(message).join(' ');
    if (text.length === 0) return ranked;
    const fuseOptions = { ignoreLocation: true, includeScore: true, threshold: o.fuseThreshold };
    const rescored = top.map((r, i) => {
      const best = perEntry[i].sort((a, b) => b.key - a.key).slice(0, o.fuseQuestionsPerEntry);
      let fuse = 1;
      for (const { q } of best) {
        const question = this.questionTexts[q];
        const result = o.fuseDirection === 'messageInQuestion' ? Fuse.match(text, question, fuseOptions) : o.fuseDirection === 'questionInMessage' ? Fuse.match(question, text, fuseOptions) : { score: Math.min(Fuse.match(text, question, fuseOptions).score, Fuse.match(question, text, fuseOptions).score) };
        fuse = Math.min(fuse, result.score);
      }
      return { id: r.id, score: (1 - o.fuseWeight) * r.score + o.fuseWeight * (1 - fuse) };
    });
    return [...rescored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)), ...ranked.slice(o.fuseEntries).map((r) => ({ id: r.id, score: (1 - o.fuseWeight) * r.score }))];
  }

  /**
   * Questions sharing a token with the message, found through the rarest tokens first until the budget
   * of postings is spent. A word in half the knowledge base ("sciatica", "pain") then only scores the
   * candidates rarer words found. A single too-common token is cut short; its postings are ordered
   * shortest question first, where the word is most of the question, so the likeliest matches stay in.
   */
  private candidates(known: readonly QueryToken[]): number[] {
    const { questionPostings } = this.index;
    const budget = this.options.maxPostingsForCandidates;
    const byRarity = [...known].sort((x, y) => questionPostings[x.token].length - questionPostings[y.token].length);
    const found: number[] = [];
    let walked = 0;
    for (const q of byRarity) {
      const postings = questionPostings[q.token];
      if (walked > 0 && walked + postings.length > budget) break;
      const end = Math.min(postings.length, budget);
      for (let i = 0; i < end; i++) {
        if (this.seen[postings[i]] === 0) found.push(postings[i]);
        this.seen[postings[i]] = 1;
      }
      walked += end;
    }
    for (const question of found) this.seen[question] = 0;
    return found;
  }

  /** Σ weight × quality of the message's tokens among `tokens` (a question's or a whole entry's). */
  private matched(tokens: Int32Array): number {
    let sum = 0;
    for (let i = 0; i < tokens.length; i++) sum += this.gain[tokens[i]];
    return sum;
  }
}

/** The k-th largest value of the map (0 when it has k values or fewer). */
function kthLargest(values: ReadonlyMap<number, number>, k: number): number {
  if (values.size <= k) return 0;
  const sorted = Float64Array.from(values.values()).sort();
  return sorted[sorted.length - k];
}

/** Keeps `top` sorted by score (then id, for stable traces) and at most `limit` long. */
function insertTop(top: ScoredEntry[], item: ScoredEntry, limit: number): void {
  let i = top.length;
  while (i > 0 && (top[i - 1].score < item.score || (top[i - 1].score === item.score && top[i - 1].id > item.id))) i--;
  if (i >= limit) return;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}
