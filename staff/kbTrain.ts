/**
 * `npm run kb:train` — retrains the FAQ's second opinion (knowledge/faq-classifier.json) from faq.json's
 * questions and the FAQ development sets. Run it after editing faq.json or a development set; the test
 * suite says when the committed model no longer matches.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAQ_CLASSIFIER_FILE } from '../faq/FaqClassifier';
import { formatModelFile } from '../language/NaiveBayes';
import { commandLine } from './commandLine';
import { trainFaqClassifier } from './training/trainFaqClassifier';

commandLine(process.argv.slice(2), 'npm run kb:train', {});
const model = trainFaqClassifier(join(__dirname, '..'));
writeFileSync(FAQ_CLASSIFIER_FILE, formatModelFile(model));
console.log(`${FAQ_CLASSIFIER_FILE}: ${Object.keys(model.features).length} features, ${model.labels.length} labels`);
for (const { file, lines } of model.trainedOn) console.log(`  trained on ${file} (${lines} records)`);
