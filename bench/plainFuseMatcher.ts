/**
 * The baseline the spec names, for the benchmark only: plain fuse.js over every question of the FAQ
 * (normalised: lower case, stop words out), no candidate stage. The message (normalised the same way)
 * is the Bitap pattern; an entry scores 1 − the fuse score of its best question; the answer bar and
 * margin are calibrated on the labelled set at the real size, as the shipped design's are.
 */
import Fuse from 'fuse.js';
import type { ScoredEntry } from '../faq/FaqDecision';
import type { FaqEntry } from '../faq/FaqEntry';
import { TextNormaliser } from '../faq/TextNormaliser';

interface Question {
  readonly entry: string;
  readonly text: string;
}

export class PlainFuseMatcher {
  private readonly fuse: Fuse<Question>;

  constructor(
    entries: readonly FaqEntry[],
    private readonly normaliser = TextNormaliser.default,
  ) {
    const questions = entries.flatMap((e) => e.questions.map((q) => ({ entry: e.id, text: normaliser.words(q).join(' ') })));
    this.fuse = new Fuse(questions, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  }

  /** The best `limit` entries, best first, scored 1 − fuse score. */
  match(message: string, limit = 5): ScoredEntry[] {
    const pattern = this.normaliser.words(message.slice(0, 500)).join(' ');
    if (pattern === '') return [];
    const best = new Map<string, number>();
    // Results come best first: the first time an entry appears is its best question.
    for (const { item, score } of this.fuse.search(pattern)) {
      if (!best.has(item.entry)) best.set(item.entry, 1 - (score ?? 1));
      if (best.size === limit) break;
    }
    return [...best]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
