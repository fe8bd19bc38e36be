/**
 * A labelled FAQ set's accuracy at the real size and with the FAQ grown to 10,000 entries
 * (syntheticKnowledgeBase), each with its second opinion trained as `npm run kb:train` would (grownFaqNet),
 * so a fresh held-out set can be scored the way the benchmark scores the labelled one (issue 16's target:
 * top-1 at 10,000 entries within 1 point of the real size).
 *
 *   npx tsx bench/growthAccuracy.ts [--size 10000] [--lost] <set.jsonl>...
 *
 * Without options it prints aggregate numbers only, never a line of the set, so a held-out set can be
 * scored without spending it. `--lost` lists the messages right at the real size and not when grown, with
 * both decisions and the grown FAQ's first candidates (matcher score / the net's probability): which grown
 * entries took them (development and spent sets only).
 */
import { join, resolve } from 'node:path';
import type { FaqDecision } from '../faq/FaqDecision';
import type { FaqEntry } from '../faq/FaqEntry';
import { KnowledgeBase } from '../faq/KnowledgeBase';
import { loadKnowledgeBase } from '../faq/loadKnowledgeBase';
import { OutOfDomain } from '../faq/OutOfDomain';
import { TextNormaliser } from '../faq/TextNormaliser';
import { commandLine } from '../staff/commandLine';
import { type Evaluation, evaluateKnowledgeBase, readLabelledSet } from '../staff/evaluation/evaluateKnowledgeBase';
import { trainForGrownFaq } from './grownFaqNet';
import { syntheticKnowledgeBase } from './syntheticKnowledgeBase';

export interface GrowthAccuracy {
  readonly set: string;
  readonly real: Evaluation;
  readonly grown: Evaluation;
}

/** The grown knowledge base with its own second opinion, and how long the training took. */
export function grownKnowledgeBase(real: KnowledgeBase, size: number): { kb: KnowledgeBase; trainMs: number } {
  const entries: FaqEntry[] = syntheticKnowledgeBase(real.entries, size);
  const { net, trainMs } = trainForGrownFaq(entries);
  return { kb: new KnowledgeBase(entries, real.options, TextNormaliser.default, OutOfDomain.default, net), trainMs };
}

function shown(decision: FaqDecision): string {
  if (decision.kind === 'answer') return decision.entry.id;
  if (decision.kind === 'didYouMean') return `did you mean ${decision.suggestions.map((e) => e.id).join(', ')}`;
  return decision.outOfDomain === undefined ? 'none' : `none (out of domain: ${decision.outOfDomain})`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function line(e: Evaluation): string {
  return `top-1 ${pct(e.top1Accuracy)}, wrong ${pct(e.wrongAnswerRate)}, first three ${pct(e.top3Accuracy)}, out of scope rejected ${pct(e.outOfScopeRejection)}`;
}

function main(): void {
  const usage = 'npx tsx bench/growthAccuracy.ts [--size 10000] [--lost] <set.jsonl>...';
  const { values, positionals } = commandLine(process.argv.slice(2), usage, {
    size: { type: 'string', default: '10000' },
    lost: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const size = Number(values.size);
  const real = loadKnowledgeBase(join(__dirname, '..', 'knowledge', 'faq.json'));
  const { kb: grown, trainMs } = grownKnowledgeBase(real, size);
  console.log(`${grown.entries.length} entries; its second opinion trained in ${(trainMs / 1000).toFixed(1)} s`);
  for (const file of positionals) {
    const messages = readLabelledSet(resolve(file));
    const atReal = evaluateKnowledgeBase(real, messages);
    const atGrown = evaluateKnowledgeBase(grown, messages);
    const drop = 100 * (atReal.top1Accuracy - atGrown.top1Accuracy);
    console.log(`\n${file} (${atReal.inScope} in scope, ${atReal.outOfScope} out of scope)`);
    console.log(`  real size (${real.entries.length}): ${line(atReal)}`);
    console.log(`  ${grown.entries.length} entries: ${line(atGrown)}`);
    console.log(`  top-1 ${drop.toFixed(1)} points lower at ${grown.entries.length} (target ≤ 1)`);
    if (!values.lost) continue;
    atGrown.results.forEach((r, i) => {
      if (r.right || !atReal.results[i].right) return;
      const candidates = r.decision.candidates
        .slice(0, 3)
        .map((c) => `${c.id} ${c.score.toFixed(2)}/${c.net ?? '-'}`)
        .join(', ');
      console.log(`  lost: "${r.message.text}" (${r.message.expected ?? 'out of scope'})`);
      console.log(`    real: ${shown(atReal.results[i].decision)}; grown: ${shown(r.decision)} [${candidates}]`);
    });
  }
}

if (require.main === module) main();
