/**
 * The matcher on its own, at the real size, 1,000 and 10,000 entries (syntheticKnowledgeBase: the real
 * entries plus those a wider practice would add, near misses in the real FAQ's words): index build and
 * reload time, query time, and the real labelled set's
 * accuracy — for the shipped design (token candidate stage + fuse.js re-ranking) and for plain fuse.js
 * over every question. The baseline scans every question per query, so above the real size it is
 * timed on a few messages only and its accuracy is not measured there (it would take minutes).
 *
 * The shipped design's accuracy is measured twice: with the shipped answer bar, and with the bar chosen
 * again for that knowledge base on random halves of the labelled set and scored on the other halves
 * (calibrateThresholds' splitHalf), so a loss the bar alone explains shows apart from one it does not.
 * A grown FAQ gets its own second opinion, trained as `npm run kb:train` would (grownFaqNet), and the
 * matcher alone is measured beside it at every size.
 */

import { decideFromCandidates } from '../faq/decideFromCandidates';
import { FaqClassifier } from '../faq/FaqClassifier';
import type { FaqEntry } from '../faq/FaqEntry';
import { DEFAULT_FAQ_MATCHER_OPTIONS } from '../faq/FaqMatcherOptions';
import { KnowledgeBase } from '../faq/KnowledgeBase';
import { parseKnowledgeBase } from '../faq/loadKnowledgeBase';
import { OutOfDomain } from '../faq/OutOfDomain';
import { TextNormaliser } from '../faq/TextNormaliser';
import { chooseThresholds, splitHalf } from '../staff/evaluation/calibrateThresholds';
import { evaluateKnowledgeBase, type LabelledMessage } from '../staff/evaluation/evaluateKnowledgeBase';
import { trainForGrownFaq } from './grownFaqNet';
import { PlainFuseMatcher } from './plainFuseMatcher';
import { syntheticKnowledgeBase } from './syntheticKnowledgeBase';

export interface MatcherResult {
  readonly design: string;
  readonly entries: number;
  readonly questions: number;
  /** Building the index from loaded entries (best of a few). */
  readonly buildMs: number;
  /** A reload as LiveKnowledgeBase does it: JSON parse, schema check, build (best of a few). */
  readonly reloadMs?: number;
  readonly queries: number;
  readonly p50Us: number;
  readonly p99Us: number;
  /** On the real labelled set; undefined where not measured. */
  readonly accuracy?: number;
  readonly rejection?: number;
  /** The same with the answer bar recalibrated for this knowledge base (held-out halves). */
  readonly recalibratedAccuracy?: number;
  readonly recalibratedRejection?: number;
  /** Whether the FAQ's second opinion (FaqClassifier) reviewed these decisions: only for the FAQ it was trained with. */
  readonly secondOpinion?: boolean;
  /** Top-1 accuracy of the matcher without the second opinion (where the second opinion was on). */
  readonly matcherAloneAccuracy?: number;
  /** A grown FAQ's second opinion: training time and the log probabilities its model holds. */
  readonly trainMs?: number;
  readonly netNumbers?: number;
}

export interface MatcherBenchOptions {
  readonly real: readonly FaqEntry[];
  readonly labelled: readonly LabelledMessage[];
  readonly sizes: readonly number[];
  /** Baseline messages timed per size above the real one. */
  readonly baselineSample: (size: number) => number;
}

export function runMatcherBench(options: MatcherBenchOptions): MatcherResult[] {
  const results: MatcherResult[] = [];
  const baselineBar = calibrateBaseline(options);
  for (const size of options.sizes) {
    const grown = size > options.real.length;
    const entries = grown ? syntheticKnowledgeBase(options.real, size) : [...options.real];
    const trained = grown ? trainForGrownFaq(entries) : undefined;
    results.push({
      ...shipped(entries, options.labelled, trained?.net ?? FaqClassifier.shipped()),
      trainMs: trained?.trainMs,
      netNumbers: trained?.numbers,
    });
    results.push(
      baseline(
        entries,
        options.labelled,
        size <= options.real.length ? options.labelled.length : options.baselineSample(size),
        baselineBar,
      ),
    );
  }
  return results;
}

function shipped(entries: readonly FaqEntry[], labelled: readonly LabelledMessage[], net: FaqClassifier): MatcherResult {
  const repeats = entries.length > 5000 ? 3 : 5;
  const build = () => new KnowledgeBase(entries, DEFAULT_FAQ_MATCHER_OPTIONS, TextNormaliser.default, OutOfDomain.default, net);
  const buildMs = best(repeats, build);
  const text = JSON.stringify({ entries });
  const reloadMs = best(Math.min(repeats, 3), () => parseKnowledgeBase(text, 'bench'));
  const kb = build();
  const texts = labelled.map((m) => m.text);
  for (const t of texts) kb.decide(t); // warm-up: JIT, typo cache
  const times = timeEach(texts, 5, (t) => kb.decide(t));
  const evaluation = evaluateKnowledgeBase(kb, labelled);
  const recalibrated = splitHalf(kb, labelled);
  const alone = kb.secondOpinion
    ? evaluateKnowledgeBase(new KnowledgeBase(entries, kb.options, TextNormaliser.default, OutOfDomain.default, null), labelled)
    : evaluation;
  return {
    design: 'shipped: tokens + fuse re-rank',
    entries: entries.length,
    questions: questionCount(entries),
    buildMs,
    reloadMs,
    queries: times.length,
    p50Us: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    accuracy: evaluation.top1Accuracy,
    rejection: evaluation.outOfScopeRejection,
    recalibratedAccuracy: recalibrated.accuracy,
    recalibratedRejection: recalibrated.rejection,
    secondOpinion: kb.secondOpinion,
    matcherAloneAccuracy: alone.top1Accuracy,
  };
}

function baseline(entries: readonly FaqEntry[], labelled: readonly LabelledMessage[], sample: number, bar: Bar): MatcherResult {
  const buildMs = best(entries.length > 5000 ? 1 : 3, () => new PlainFuseMatcher(entries));
  const matcher = new PlainFuseMatcher(entries);
  const all = sample >= labelled.length;
  const messages = all ? labelled : spread(labelled, sample);
  matcher.match(messages[0].text);
  const times = timeEach(
    messages.map((m) => m.text),
    all ? 2 : 1,
    (t) => matcher.match(t),
  );
  const measured = all ? accuracyOf(matcher, labelled, bar) : undefined;
  return {
    design: 'baseline: plain fuse.js',
    entries: entries.length,
    questions: questionCount(entries),
    buildMs,
    queries: times.length,
    p50Us: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    accuracy: measured?.accuracy,
    rejection: measured?.rejection,
  };
}

type Bar = { readonly answerThreshold: number; readonly answerMargin: number };

/** The baseline's own best answer bar on the real FAQ (the same search that chose the shipped one's). */
function calibrateBaseline(options: MatcherBenchOptions): Bar {
  const matcher = new PlainFuseMatcher(options.real);
  const scored = options.labelled.map((m) => ({ expected: m.expected, candidates: matcher.match(m.text) }));
  return chooseThresholds(scored, DEFAULT_FAQ_MATCHER_OPTIONS);
}

function accuracyOf(matcher: PlainFuseMatcher, labelled: readonly LabelledMessage[], bar: Bar): { accuracy: number; rejection: number } {
  const rule = { ...DEFAULT_FAQ_MATCHER_OPTIONS, ...bar, suggestThreshold: bar.answerThreshold };
  let right = 0;
  let rejected = 0;
  for (const m of labelled) {
    const decision = decideFromCandidates(matcher.match(m.text), rule, (id) => ({ id, questions: [], answer: '' }));
    if (m.expected === null ? decision.kind === 'none' : decision.kind === 'answer' && decision.entry.id === m.expected) {
      if (m.expected === null) rejected++;
      else right++;
    }
  }
  const inScope = labelled.filter((m) => m.expected !== null).length;
  return { accuracy: right / inScope, rejection: rejected / (labelled.length - inScope) };
}

function best(repeats: number, build: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    build();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Microseconds per call, each text `repeats` times. */
function timeEach(texts: readonly string[], repeats: number, run: (text: string) => unknown): number[] {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const text of texts) {
      const started = performance.now();
      run(text);
      times.push((performance.now() - started) * 1000);
    }
  }
  return times.sort((a, b) => a - b);
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** `count` messages spread evenly over the set (in scope and out of scope alike). */
function spread<T>(items: readonly T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

function questionCount(entries: readonly FaqEntry[]): number {
  return entries.reduce((sum, e) => sum + e.questions.length, 0);
}
