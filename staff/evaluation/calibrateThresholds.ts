/**
 * Chooses the answer bar (answerThreshold, answerMargin) on a labelled set, and says how much of the
 * result is luck: thresholds picked on the same messages they are scored on look better than they are,
 * so `splitHalf` picks them on one half and scores them on the other, over many random halvings.
 *
 * Candidates do not depend on the thresholds, so each message is matched once and the decision rule
 * (decideFromCandidates) is replayed for every point of the grid. What is maximised: the smaller of
 * top-1 accuracy and out-of-scope rejection (the product needs both), then their sum. Counting is
 * strict, as in evaluateKnowledgeBase: a did-you-mean is not a right answer, and not a rejection.
 */
import { type DecisionThresholds, decideFromCandidates } from '../../faq/decideFromCandidates';
import type { ScoredEntry } from '../../faq/FaqDecision';
import type { FaqEntry } from '../../faq/FaqEntry';
import { KnowledgeBase } from '../../faq/KnowledgeBase';
import { OutOfDomain } from '../../faq/OutOfDomain';
import { TextNormaliser } from '../../faq/TextNormaliser';
import type { LabelledMessage } from './evaluateKnowledgeBase';
import { seededRandom } from './seededRandom';

export interface ThresholdChoice {
  readonly answerThreshold: number;
  readonly answerMargin: number;
  readonly accuracy: number;
  readonly rejection: number;
}

export interface SplitHalfEstimate {
  /** Mean over the halvings of the held-out half's accuracy and rejection. */
  readonly accuracy: number;
  readonly rejection: number;
  /** The spread of the chosen answerThreshold over the halvings. */
  readonly thresholdRange: readonly [number, number];
  readonly halvings: number;
}

const THRESHOLDS = Array.from({ length: 61 }, (_, i) => 0.2 + i * 0.01);
const MARGINS = [0, 0.01, 0.02, 0.03, 0.045, 0.06];

/** One labelled message and the candidates a matcher gave it. */
export interface ScoredMessage {
  readonly expected: string | null;
  readonly candidates: readonly ScoredEntry[];
  /** Out of domain (OutOfDomain): "none" whatever the thresholds. */
  readonly outOfDomain?: boolean;
}
type Scored = ScoredMessage;

export function calibrateThresholds(kb: KnowledgeBase, messages: readonly LabelledMessage[]): ThresholdChoice {
  return best(score(kb, messages), kb.options);
}

/** The same choice for any matcher's candidates (the benchmark calibrates its fuse.js baseline with it). */
export function chooseThresholds(scored: readonly ScoredMessage[], rule: DecisionThresholds): ThresholdChoice {
  return best(scored, rule);
}

/** Calibrate on a random half, measure on the other half; `halvings` times (stratified by in/out of scope). */
export function splitHalf(kb: KnowledgeBase, messages: readonly LabelledMessage[], halvings = 200, seed = 1): SplitHalfEstimate {
  const scored = score(kb, messages);
  const random = seededRandom(seed);
  let accuracy = 0;
  let rejection = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let h = 0; h < halvings; h++) {
    const inHalf = new Set<Scored>();
    for (const group of [scored.filter((s) => s.expected !== null), scored.filter((s) => s.expected === null)]) {
      const shuffled = group.map((s) => [random(), s] as const).sort((a, b) => a[0] - b[0]);
      for (const [, s] of shuffled.slice(0, Math.floor(shuffled.length / 2))) inHalf.add(s);
    }
    const choice = best([...inHalf], kb.options);
    const heldOut = measure(
      scored.filter((s) => !inHalf.has(s)),
      choice,
      kb.options,
    );
    accuracy += heldOut.accuracy;
    rejection += heldOut.rejection;
    low = Math.min(low, choice.answerThreshold);
    high = Math.max(high, choice.answerThreshold);
  }
  return { accuracy: accuracy / halvings, rejection: rejection / halvings, thresholdRange: [low, high], halvings };
}

/**
 * Candidates as they would be at any bar. The matcher skips fuse.js where it cannot change the decision
 * at ITS bar (FuzzyReranker); with no answer bar reachable and no suggestion floor it skips nothing.
 */
function score(kb: KnowledgeBase, messages: readonly LabelledMessage[]): Scored[] {
  // The matcher alone: its bars are what is calibrated, and the second opinion reorders candidates by its own reading.
  const anyBar = new KnowledgeBase(
    kb.entries,
    { ...kb.options, answerThreshold: Number.POSITIVE_INFINITY, answerMargin: 0, suggestThreshold: 0 },
    TextNormaliser.default,
    OutOfDomain.default,
    null,
  );
  return messages.map((m) => {
    const decision = anyBar.decide(m.text);
    return {
      expected: m.expected,
      candidates: decision.candidates,
      outOfDomain: decision.kind === 'none' && decision.outOfDomain !== undefined,
    };
  });
}

function best(scored: readonly Scored[], rule: DecisionThresholds): ThresholdChoice {
  let choice: ThresholdChoice | undefined;
  for (const answerThreshold of THRESHOLDS) {
    for (const answerMargin of MARGINS) {
      const result = measure(scored, { answerThreshold, answerMargin, accuracy: 0, rejection: 0 }, rule);
      if (choice === undefined || better(result, choice)) choice = result;
    }
  }
  return choice as ThresholdChoice;
}

function better(a: ThresholdChoice, b: ThresholdChoice): boolean {
  const minA = Math.min(a.accuracy, a.rejection);
  const minB = Math.min(b.accuracy, b.rejection);
  if (minA !== minB) return minA > minB;
  return a.accuracy + a.rejection > b.accuracy + b.rejection;
}

/** Replays the decision rule at `at`; only ids matter, so entries are stand-ins. */
function measure(scored: readonly Scored[], at: ThresholdChoice, rule: DecisionThresholds): ThresholdChoice {
  const thresholds: DecisionThresholds = {
    ...rule,
    answerThreshold: at.answerThreshold,
    answerMargin: at.answerMargin,
    suggestThreshold: at.answerThreshold,
  };
  const entryOf = (id: string): FaqEntry => ({ id, questions: [], answer: '' });
  let inScope = 0;
  let right = 0;
  let outOfScope = 0;
  let rejected = 0;
  for (const s of scored) {
    const decision = s.outOfDomain ? ({ kind: 'none' } as const) : decideFromCandidates(s.candidates, thresholds, entryOf);
    if (s.expected === null) {
      outOfScope++;
      if (decision.kind === 'none') rejected++;
    } else {
      inScope++;
      if (decision.kind === 'answer' && decision.entry.id === s.expected) right++;
    }
  }
  return { ...at, accuracy: inScope === 0 ? 0 : right / inScope, rejection: outOfScope === 0 ? 0 : rejected / outOfScope };
}

/**
 * The "did you mean" floor, below the answer bar: chosen on a random half, measured on the other. A
 * patient who gets "did you mean" sees the bot's own best 2–3 candidates as taps; that helps when the
 * right entry is among them and costs a tap when it is not, and an out-of-scope message offered
 * sciatica topics is a small annoyance too. The floor maximises (right offers − wrong offers − offers
 * to out-of-scope messages); answers are unchanged by it, so accuracy and rejection ("no FAQ answer")
 * are too.
 */
export interface SuggestFloorEstimate {
  /** Mean over the halvings, on the held-out half: shares of in-scope messages with no direct answer. */
  readonly offeredRight: number;
  readonly offeredWrong: number;
  /** Share of out-of-scope messages that got a "did you mean". */
  readonly outOfScopeOffered: number;
  readonly floorRange: readonly [number, number];
  readonly halvings: number;
}

const FLOORS = Array.from({ length: 31 }, (_, i) => 0.2 + i * 0.01);

export function splitHalfSuggestFloor(
  kb: KnowledgeBase,
  messages: readonly LabelledMessage[],
  halvings = 200,
  seed = 1,
): SuggestFloorEstimate {
  const scored = score(kb, messages);
  const random = seededRandom(seed);
  const sums = { offeredRight: 0, offeredWrong: 0, outOfScopeOffered: 0 };
  let low = Infinity;
  let high = -Infinity;
  for (let h = 0; h < halvings; h++) {
    const inHalf = new Set(scored.filter(() => random() < 0.5));
    const floor = bestFloor([...inHalf], kb.options);
    const result = offers(
      scored.filter((s) => !inHalf.has(s)),
      { ...kb.options, suggestThreshold: floor },
    );
    sums.offeredRight += result.offeredRight;
    sums.offeredWrong += result.offeredWrong;
    sums.outOfScopeOffered += result.outOfScopeOffered;
    low = Math.min(low, floor);
    high = Math.max(high, floor);
  }
  return {
    offeredRight: sums.offeredRight / halvings,
    offeredWrong: sums.offeredWrong / halvings,
    outOfScopeOffered: sums.outOfScopeOffered / halvings,
    floorRange: [low, high],
    halvings,
  };
}

/** The floor a whole labelled set would choose (what FaqMatcherOptions.suggestThreshold is set from). */
export function calibrateSuggestFloor(kb: KnowledgeBase, messages: readonly LabelledMessage[]): number {
  return bestFloor(score(kb, messages), kb.options);
}

function bestFloor(scored: readonly Scored[], rule: DecisionThresholds): number {
  let best = rule.answerThreshold;
  let bestGain = -Infinity;
  for (const floor of FLOORS.filter((f) => f <= rule.answerThreshold)) {
    const { right, wrong, outOfScope } = offerCounts(scored, { ...rule, suggestThreshold: floor });
    const gain = right - wrong - outOfScope;
    if (gain > bestGain || (gain === bestGain && floor > best)) [best, bestGain] = [floor, gain];
  }
  return best;
}

function offers(
  scored: readonly Scored[],
  rule: DecisionThresholds,
): Pick<SuggestFloorEstimate, 'offeredRight' | 'offeredWrong' | 'outOfScopeOffered'> {
  const { right, wrong, outOfScope, unanswered, outOfScopeTotal } = offerCounts(scored, rule);
  return {
    offeredRight: ratio(right, unanswered),
    offeredWrong: ratio(wrong, unanswered),
    outOfScopeOffered: ratio(outOfScope, outOfScopeTotal),
  };
}

function offerCounts(scored: readonly Scored[], rule: DecisionThresholds) {
  const entryOf = (id: string): FaqEntry => ({ id, questions: [], answer: '' });
  let right = 0;
  let wrong = 0;
  let outOfScope = 0;
  let unanswered = 0;
  let outOfScopeTotal = 0;
  for (const s of scored) {
    if (s.expected === null) outOfScopeTotal++;
    if (s.outOfDomain) continue;
    const decision = decideFromCandidates(s.candidates, rule, entryOf);
    if (s.expected !== null && decision.kind !== 'answer') unanswered++;
    if (decision.kind !== 'didYouMean') continue;
    if (s.expected === null) outOfScope++;
    else if (decision.suggestions.some((e) => e.id === s.expected)) right++;
    else wrong++;
  }
  return { right, wrong, outOfScope, unanswered, outOfScopeTotal };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
