/**
 * The FAQ's second opinion for a grown FAQ, trained as a clinic trains it after growing its FAQ:
 * `npm run kb:train`'s own function over the grown entries' questions and the same development corpora
 * (their labels are real entry ids, which every grown FAQ keeps).
 */
import { join } from 'node:path';
import { FaqClassifier } from '../faq/FaqClassifier';
import type { FaqEntry } from '../faq/FaqEntry';
import { trainingRecord } from '../language/NaiveBayes';
import { trainFaqClassifier } from '../staff/training/trainFaqClassifier';

export interface GrownFaqNet {
  readonly net: FaqClassifier;
  /** Training time, corpora read and cleaned included. */
  readonly trainMs: number;
  /** How many log probabilities the model holds (a dense model would hold features × labels). */
  readonly numbers: number;
  readonly features: number;
}

const ROOT = join(__dirname, '..');

export function trainForGrownFaq(entries: readonly FaqEntry[]): GrownFaqNet {
  const started = performance.now();
  const faq = { entries, record: trainingRecord(`bench: ${entries.length} entries`, JSON.stringify(entries), entries.length) };
  const model = trainFaqClassifier(ROOT, undefined, faq);
  const trainMs = performance.now() - started;
  const rows = Object.values(model.features);
  return {
    net: new FaqClassifier(model),
    trainMs,
    numbers: rows.reduce((sum, seen) => sum + Object.keys(seen).length, 0),
    features: rows.length,
  };
}
