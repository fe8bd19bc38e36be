/**
 * `npm run safety:train` — retrains the red-flag classifier from the labelled corpora and writes
 * knowledge/red-flag-classifier.json. Run it after adding lines to a corpus; the test suite says when
 * the committed model no longer matches its corpora.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatModelFile } from '../language/NaiveBayes';
import { commandLine } from './commandLine';
import { trainRedFlagClassifier } from './training/trainRedFlagClassifier';

const ROOT = join(__dirname, '..');
commandLine(process.argv.slice(2), 'npm run safety:train', {});
const model = trainRedFlagClassifier(ROOT);
const out = join(ROOT, 'knowledge/red-flag-classifier.json');
writeFileSync(out, formatModelFile(model));
console.log(`${out}: ${Object.keys(model.features).length} features from ${model.trainedOn.reduce((n, f) => n + f.lines, 0)} messages`);
