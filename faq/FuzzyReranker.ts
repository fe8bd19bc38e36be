/**
 * The last stage of matching: fuse.js re-scores the few entries the token scorer ranked best, by how
 * closely each one's best questions appear, letter by letter, in what the patient typed.
 *
 *   final score = (1 − w) × token score + w × (1 − best fuse score of the entry's questions)
 *                                                                        w = rerankWeight
 *
 * Why this shape (measured on test/data/faq-labelled.jsonl, the answer bar recalibrated for each
 * variant): each question is the Bitap PATTERN, searched in the lower-cased message with ignoreLocation.
 * Letter-level closeness sees what tokens lose (word order, stop words, near-miss spellings), so a
 * question found almost whole in the message lifts its entry, and an entry that won on a couple of
 * shared words but whose questions are nowhere in the message drops. The other direction (the message
 * as pattern in each question), normalised words instead of the raw text, and blending in every question
 * of an entry all measured worse than the token scorer alone. This one measured better in every setting
 * of the other options tried: on held-out halves about +1.5 points of top-1 accuracy at equal rejection.
 *
 * Cost: at most rerankEntries × rerankQuestionsPerEntry (2 × 2) Bitap searches of ≤ 500 characters per
 * message, whatever the size of the knowledge base — fuse.js never scans the whole FAQ here — and none
 * where they cannot change the decision: an entry that could not reach the bar even with a perfect fuse
 * match, or a runner-up that could not catch the leader (about half of all messages on the labelled set).
 * Such scores are the token part alone, (1 − w) × token score: a lower bound of the full score. The
 * leader's is always read whole (its two questions), because the second opinion reads the answer's score
 * as how nearly the message restates a question (without it an entry's own question could score 0.75).
 */
import type { FaqMatcherOptions } from './FaqMatcherOptions';
import { LetterCloseness } from './LetterCloseness';

export interface RankedEntry {
  readonly entry: number;
  readonly score: number;
}

export type RerankOptions = Pick<
  FaqMatcherOptions,
  'rerankWeight' | 'rerankEntries' | 'rerankFuseThreshold' | 'answerThreshold' | 'answerMargin' | 'suggestThreshold'
>;

export class FuzzyReranker {
  /** fuse.js's Bitap score per question, its letter masks built on the question's first search. */
  private readonly closeness = new Map<string, LetterCloseness>();
  /**
   * An entry whose score could not reach this even if fuse found its question whole is not searched:
   * it can be neither the answer, nor close enough to the answer to make it a did-you-mean, nor a
   * suggestion, so the decision is the same without it and a message nothing matches well costs no Bitap.
   */
  private readonly pointless: number;

  constructor(private readonly options: RerankOptions) {
    this.pointless = Math.min(options.suggestThreshold, options.answerThreshold - options.answerMargin);
  }

  /**
   * Re-scores the first `rerankEntries` of `ranked` (best first) and sorts them again; the rest keep
   * their order, scored as if fuse found nothing. `questionsOf(entry)` gives the questions to look for.
   */
  rerank(message: string, ranked: readonly RankedEntry[], questionsOf: (entry: number) => readonly string[]): RankedEntry[] {
    const w = this.options.rerankWeight;
    const text = message.toLowerCase();
    if (w === 0 || text.trim() === '') return ranked.map(({ entry, score }) => ({ entry, score: (1 - w) * score }));
    if (this.decided(ranked)) {
      // The order stands; the leader's score is still read whole, as its decision's confidence.
      return ranked.map(({ entry, score }, i) => ({
        entry,
        score: (1 - w) * score + (i === 0 ? w * this.similarity(text, questionsOf(entry)) : 0),
      }));
    }
    const head = ranked.slice(0, this.options.rerankEntries).map(({ entry, score }) => {
      const tokens = (1 - w) * score;
      return { entry, score: tokens + w < this.pointless ? tokens : tokens + w * this.similarity(text, questionsOf(entry)) };
    });
    const tail = ranked.slice(this.options.rerankEntries).map(({ entry, score }) => ({ entry, score: (1 - w) * score }));
    return [...head.sort((a, b) => b.score - a.score || a.entry - b.entry), ...tail];
  }

  /**
   * Whether fuse cannot change the decision: the leader is over the answer bar on tokens alone and so far
   * ahead that even a perfect fuse match for the runner-up (and none for the leader) leaves it ahead by
   * the answer margin. Then only the leader is searched, and every other score is the token part alone.
   */
  private decided(ranked: readonly RankedEntry[]): boolean {
    const w = this.options.rerankWeight;
    const [top, next] = ranked;
    if (top === undefined) return true;
    const lead = (1 - w) * top.score - ((1 - w) * (next?.score ?? 0) + w);
    return (1 - w) * top.score >= this.options.answerThreshold && lead >= this.options.answerMargin;
  }

  /** 1 − the best Bitap score of any of `questions` searched in `text` (0 when none is found). */
  private similarity(text: string, questions: readonly string[]): number {
    let best = 1;
    for (const question of questions) best = Math.min(best, this.closenessOf(question).scoreIn(text));
    return 1 - best;
  }

  /** The threshold bounds how many errors Bitap looks for: past it a question counts as not found (1). */
  private closenessOf(question: string): LetterCloseness {
    let closeness = this.closeness.get(question);
    if (closeness === undefined) {
      closeness = new LetterCloseness(question, this.options.rerankFuseThreshold);
      this.closeness.set(question, closeness);
    }
    return closeness;
  }
}
