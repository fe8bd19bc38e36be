/**
 * A multinomial naive Bayes text model over a cleaned message's word lemmas and neighbouring pairs: the
 * learned nets behind the red-flag rules (safety/RedFlagClassifier) and the FAQ matcher
 * (faq/FaqClassifier) are both one of these, trained from labelled corpora into a JSON file.
 * Chosen because no pretrained model can be loaded here, and this one trains deterministically in under a
 * second from our own corpora, on the clean-up's own lemmas.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lemmas } from './Lemmas';

/** A trained model as its file holds it: log probabilities, in `labels` order. */
export interface NaiveBayesModel {
  readonly labels: readonly string[];
  readonly logPrior: readonly number[];
  readonly features: Readonly<Record<string, readonly number[]>>;
}

export interface LabelledText {
  /** Already cleaned (language/TextCleanup). */
  readonly cleaned: string;
  readonly label: string;
}

const WORD = /[a-z0-9]+/g;

/** Words too common in every label's messages to tell the labels apart: left out as single features. */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  'the a an and to of is it in on for that this with be at so as but or was are have has had just i my me'.split(' '),
);
/**
 * A model reads at most the first and the last WORDS_READ / 2 words of a message: the work stays bounded,
 * and a long story's sum of word scores would make the model sure of anything.
 */
const WORDS_READ = 400;
const DECIMALS = 1e4;

/** The features of a cleaned message: each word's last lemma (stopwords left out) and each pair of neighbours. */
export function textFeatures(cleaned: string, stopwords: ReadonlySet<string>): string[] {
  const words = cleaned.match(WORD) ?? [];
  const read = words.length <= WORDS_READ ? words : [...words.slice(0, WORDS_READ / 2), ...words.slice(-WORDS_READ / 2)];
  const lemmas = read.map((w) => {
    const forms = Lemmas.of(w);
    return forms[forms.length - 1];
  });
  const features = new Set<string>();
  for (let i = 0; i < lemmas.length; i++) {
    if (!stopwords.has(lemmas[i])) features.add(lemmas[i]);
    if (i + 1 < lemmas.length) features.add(`${lemmas[i]}_${lemmas[i + 1]}`);
  }
  return [...features];
}

/** Trains a model (Laplace smoothing; each feature counted once a message). Same input, same model. */
export function trainNaiveBayes(
  texts: readonly LabelledText[],
  labels: readonly string[],
  stopwords: ReadonlySet<string>,
): NaiveBayesModel {
  const perLabel = labels.map(() => new Map<string, number>());
  const totals = labels.map(() => 0);
  const priors = labels.map(() => 0);
  const vocabulary = new Set<string>();
  for (const { cleaned, label } of texts) {
    const k = labels.indexOf(label);
    if (k < 0) throw new Error(`label "${label}" is not one of ${labels.join(', ')}`);
    priors[k]++;
    for (const feature of textFeatures(cleaned, stopwords)) {
      perLabel[k].set(feature, (perLabel[k].get(feature) ?? 0) + 1);
      totals[k]++;
      vocabulary.add(feature);
    }
  }
  const round = (x: number) => Math.round(x * DECIMALS) / DECIMALS;
  const features: Record<string, number[]> = {};
  for (const feature of [...vocabulary].sort()) {
    features[feature] = perLabel.map((counts, k) => round(Math.log(((counts.get(feature) ?? 0) + 1) / (totals[k] + vocabulary.size))));
  }
  return { labels, logPrior: priors.map((p) => round(Math.log(Math.max(p, 1) / texts.length))), features };
}

/** Each label's probability for a cleaned message, likeliest first (softmax of the log scores). */
export function rankLabels(
  model: NaiveBayesModel,
  cleaned: string,
  stopwords: ReadonlySet<string>,
): { label: string; probability: number }[] {
  const scores = [...model.logPrior];
  for (const feature of textFeatures(cleaned, stopwords)) {
    const logs = model.features[feature];
    if (logs === undefined) continue;
    for (let k = 0; k < scores.length; k++) scores[k] += logs[k];
  }
  const top = Math.max(...scores);
  const weights = scores.map((s) => Math.exp(s - top));
  const total = weights.reduce((a, b) => a + b, 0);
  return model.labels.map((label, k) => ({ label, probability: weights[k] / total })).sort((a, b) => b.probability - a.probability);
}

/** A file a model was trained on, as the model file records it (a test compares the record with the file). */
export interface TrainingFile {
  readonly file: string;
  readonly lines: number;
  readonly sha256: string;
}

/** A labelled JSONL corpus (`{"text", "expected"}` a line, relative to `root`) and its record. */
export function readCorpus(root: string, file: string): { lines: { text: string; expected: string | null }[]; record: TrainingFile } {
  const text = readFileSync(join(root, file), 'utf8');
  const lines = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; expected: string | null });
  return { lines, record: trainingRecord(file, text, lines.length) };
}

export function trainingRecord(file: string, text: string, lines: number): TrainingFile {
  return { file, lines, sha256: createHash('sha256').update(text).digest('hex') };
}

/** A model file's text: one feature a line, so a retrain shows as a readable diff. */
export function formatModelFile(head: object, model: NaiveBayesModel): string {
  const lines = Object.entries(model.features).map(([feature, logs]) => `  ${JSON.stringify(feature)}: ${JSON.stringify(logs)}`);
  const top = JSON.stringify({ ...head, labels: model.labels, logPrior: model.logPrior }, null, 1).replace(/\n}$/, '');
  return `${top},\n "features": {\n${lines.join(',\n')}\n }\n}\n`;
}
