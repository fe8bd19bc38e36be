/**
 * `npm run kb:eval [labelled.jsonl] [faq.json]` — how well the FAQ answers the labelled messages:
 * top-1 accuracy, out-of-scope rejection, did-you-mean rate, and each confusion (asked → answered,
 * expected). `--faq file` evaluates another FAQ file; `--compare file` shows a second FAQ file (say,
 * the version before your edit) side by side, with the confusions the edit fixed or introduced.
 * `--split-half` adds how well the answer bar generalises (recalibrated on random halves);
 * `--misses` lists every message not answered as expected, with its three best candidates.
 */
import { loadConfig } from '../config/BotConfig';
import type { FaqDecision } from '../faq/FaqDecision';
import { KnowledgeBase } from '../faq/KnowledgeBase';
import { configuredMatcher, loadKnowledgeBase } from '../faq/loadKnowledgeBase';
import { commandLine } from './commandLine';
import { calibrateThresholds, splitHalf } from './evaluation/calibrateThresholds';
import {
  type Confusion,
  type Evaluation,
  evaluateKnowledgeBase,
  type LabelledMessage,
  readLabelledSet,
} from './evaluation/evaluateKnowledgeBase';
import { reportText } from './reportText';

export const DEFAULT_LABELLED_SET = 'test/data/faq-labelled.jsonl';

function main(args: readonly string[]): void {
  const { values, positionals } = commandLine(
    args,
    'npm run kb:eval -- [labelled.jsonl] [faq.json] [--faq file] [--compare file] [--split-half] [--misses]',
    {
      faq: { type: 'string' },
      compare: { type: 'string' },
      'split-half': { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
    },
  );
  const labelledPath = positionals[0] ?? DEFAULT_LABELLED_SET;
  const config = loadConfig();
  const faqPath = values.faq ?? positionals[1] ?? config.faqPath;
  const comparePath = values.compare;
  const load = (path: string) => loadKnowledgeBase(path, configuredMatcher(config));
  const messages = readLabelledSet(labelledPath);

  const after = evaluateKnowledgeBase(load(faqPath), messages);
  const before = comparePath === undefined ? undefined : evaluateKnowledgeBase(load(comparePath), messages);
  console.log(`${labelledPath}: ${messages.length} messages, ${after.inScope} in scope, ${after.outOfScope} out of scope`);
  console.log(before ? `\n${''.padEnd(26)}${comparePath}  →  ${faqPath}` : `FAQ: ${faqPath}\n`);
  const rows: [string, (e: Evaluation) => string][] = [
    ['top-1 accuracy', (e) => `${pct(e.top1Accuracy)} (${e.answeredCorrectly}/${e.inScope})`],
    ['top-3 candidates', (e) => `${pct(e.top3Accuracy)} (${e.inTop3}/${e.inScope} with the right entry among the first 3)`],
    ['wrong answers', (e) => `${pct(e.wrongAnswerRate)} (${e.wrongAnswers}/${e.inScope} in scope answered with another entry)`],
    ['out-of-scope rejection', (e) => `${pct(e.outOfScopeRejection)} (${e.rejected}/${e.outOfScope})`],
    ['did-you-mean rate', (e) => `${pct(e.didYouMeanRate)} (${e.didYouMean}/${e.inScope}, right entry offered in ${e.suggestedCorrectly})`],
    ['all confusions', (e) => String(e.confusions.length)],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(24)}${before ? `${value(before)}  →  ` : ''}${value(after)}`);

  if (before) {
    printConfusions('Fixed by the edit', missingFrom(before.confusions, after.confusions));
    printConfusions('New with the edit', missingFrom(after.confusions, before.confusions));
  } else {
    printConfusions('Confusions (asked → answered, expected)', after.confusions);
  }
  const missed = after.results.filter((r) => r.message.expected !== null && r.decision.kind === 'none').length;
  console.log(`\n${missed} in-scope message${missed === 1 ? '' : 's'} got no answer at all. Higher accuracy and rejection are better.`);
  if (values.misses) printMisses(after);
  if (values['split-half']) printSplitHalf(load(faqPath), messages);
}

/** Every message not answered as expected: what the bot did instead, and its three best candidates. */
function printMisses(evaluation: Evaluation): void {
  const outcome = (d: FaqDecision) =>
    d.kind === 'answer' ? d.entry.id : d.kind === 'didYouMean' ? `did you mean ${d.suggestions.map((s) => s.id).join(' / ')}` : 'none';
  console.log('\nNot answered as expected (expected → outcome, "message", [best candidates]):');
  for (const { message, decision, right } of evaluation.results) {
    if (right) continue;
    const top = decision.candidates
      .slice(0, 3)
      .map((c) => `${c.id} ${c.score.toFixed(2)}`)
      .join(', ');
    console.log(`  ${message.expected ?? 'none'} → ${outcome(decision)}  "${reportText(message.text)}"  [${top}]`);
  }
}

/**
 * How well the answer bar generalises: recalibrated on random halves of the labelled set and scored on
 * the other halves, for the matcher as shipped and for its token scorer alone (no fuse.js re-ranking).
 * A few seconds of work, so only on request (it used to run inside the test suite).
 */
function printSplitHalf(kb: KnowledgeBase, messages: readonly LabelledMessage[]): void {
  const estimate = splitHalf(kb, messages);
  console.log(
    `\nSplit-half estimate (answer bar recalibrated on a random half, scored on the other, ${estimate.halvings}×): ` +
      `accuracy ${pct(estimate.accuracy)}, rejection ${pct(estimate.rejection)}, ` +
      `bar chosen in ${estimate.thresholdRange.map((t) => t.toFixed(2)).join('–')}`,
  );
  const tokensOnly = new KnowledgeBase(kb.entries, { ...kb.options, rerankWeight: 0 });
  const bar = calibrateThresholds(tokensOnly, messages);
  const halves = splitHalf(tokensOnly, messages);
  console.log(
    `Token scorer alone (no fuse.js re-ranking), at its own best bar ${bar.answerThreshold.toFixed(2)}: ` +
      `accuracy ${pct(bar.accuracy)}, rejection ${pct(bar.rejection)}; split-half ${pct(halves.accuracy)} / ${pct(halves.rejection)}`,
  );
}

function printConfusions(title: string, confusions: readonly Confusion[]): void {
  console.log(`\n${title}:${confusions.length === 0 ? ' none' : ''}`);
  for (const c of confusions)
    console.log(`  "${reportText(c.text)}" → ${c.answered}, expected ${c.expected ?? 'no answer (out of scope)'}`);
}

/** Confusions in `list` that `other` does not have (same text and same wrong answer). */
function missingFrom(list: readonly Confusion[], other: readonly Confusion[]): Confusion[] {
  const keys = new Set(other.map((c) => `${c.text}\u0000${c.answered}`));
  return list.filter((c) => !keys.has(`${c.text}\u0000${c.answered}`));
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`kb:eval: ${(err as Error).message}`);
  process.exitCode = 1;
}
