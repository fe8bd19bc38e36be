/**
 * The answer / did-you-mean / none rule on its own, over already-scored candidates: KnowledgeBase.decide
 * uses it, and threshold calibration replays it with other thresholds without matching again.
 *
 *   answer      the best entry clears `answerThreshold` and leads the runner-up by `answerMargin`, or
 *               scores at least `sureThreshold` (it nearly restates one of its questions) and is not tied;
 *   didYouMean  the best clears `suggestThreshold` but not both answer conditions: offer it and up to
 *               two more that score at least `suggestionRatio` of it (and clear `suggestThreshold`);
 *   none        nothing clears `suggestThreshold`: out of scope.
 */
import type { FaqDecision, ScoredEntry } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';
import type { FaqMatcherOptions } from './FaqMatcherOptions';

/** Scores closer than this are a tie, whatever their level: two entries asking the same question. */
const TIE = 0.005;

export type DecisionThresholds = Pick<
  FaqMatcherOptions,
  'answerThreshold' | 'answerMargin' | 'sureThreshold' | 'suggestThreshold' | 'maxSuggestions' | 'suggestionRatio'
>;

/** `candidates` best first; `entryOf` must know every candidate's id. */
export function decideFromCandidates(
  candidates: readonly ScoredEntry[],
  thresholds: DecisionThresholds,
  entryOf: (id: string) => FaqEntry,
): FaqDecision {
  const [top, runnerUp] = candidates;
  if (top === undefined || top.score < thresholds.suggestThreshold) return { kind: 'none', candidates };
  const lead = top.score - (runnerUp?.score ?? 0);
  if (
    top.score >= thresholds.answerThreshold &&
    (lead >= thresholds.answerMargin || (top.score >= thresholds.sureThreshold && lead >= TIE))
  ) {
    return { kind: 'answer', entry: entryOf(top.id), candidates };
  }
  const suggestions = candidates
    .filter((c, i) => i === 0 || (c.score >= thresholds.suggestThreshold && c.score >= top.score * thresholds.suggestionRatio))
    .slice(0, thresholds.maxSuggestions)
    .map((c) => entryOf(c.id));
  return { kind: 'didYouMean', suggestions, candidates };
}
