/**
 * Resident memory of a knowledge base of `size` entries, measured in a fresh process (run with
 * --expose-gc) so nothing else the benchmark did is counted: memory after a full GC with the entries
 * loaded as plain objects, then again with the KnowledgeBase (index, lexicon, typo index) and its second
 * opinion (trained for these entries, as kb:train would) built. Prints one JSON line.
 */
import { KnowledgeBase } from '../faq/KnowledgeBase';
import { loadKnowledgeBase } from '../faq/loadKnowledgeBase';
import { OutOfDomain } from '../faq/OutOfDomain';
import { TextNormaliser } from '../faq/TextNormaliser';
import { trainForGrownFaq } from './grownFaqNet';
import { syntheticKnowledgeBase } from './syntheticKnowledgeBase';

function settled(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage();
}

const size = Number(process.argv[2] ?? 10000);
const real = loadKnowledgeBase('knowledge/faq.json');
const entries = syntheticKnowledgeBase(real.entries, size);
const before = settled();
const kb = new KnowledgeBase(entries, real.options, TextNormaliser.default, OutOfDomain.default, trainForGrownFaq(entries).net);
kb.decide('how long does sciatica last'); // the first query allocates the per-query scratch too
const after = settled();
process.stdout.write(
  `${JSON.stringify({ entries: kb.entries.length, rssBefore: before.rss, rssAfter: after.rss, heapBefore: before.heapUsed, heapAfter: after.heapUsed, external: after.external + after.arrayBuffers - before.external - before.arrayBuffers })}\n`,
);
