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

/** Each feature's log probabilities, one row in `labels` order. */
export interface FeatureRows {
  /** Adds the feature's row to `scores`, label by label; false (and nothing added) when the model lacks it. */
  addRow(feature: string, scores: Float64Array): boolean;
}

/**
 * A model as the bot reads it: its file as it is, or the build's compact copy of that file
 * (language/ModelFile), which gives the same numbers as rows instead of one object of features.
 */
export type ReadModel<M extends NaiveBayesModel = NaiveBayesModel> = M | (Omit<M, 'features'> & { readonly rows: FeatureRows });

/**
 * The rows of a model's object of features, read with Object.hasOwn (it is a plain object, so without that
 * the word "constructor" found Object's constructor and every probability was NaN).
 */
function rowsOf(model: ReadModel): FeatureRows {
  if ('rows' in model) return model.rows;
  const { features } = model;
  return {
    addRow(feature, scores) {
      if (!Object.hasOwn(features, feature)) return false;
      const logs = features[feature];
      for (let k = 0; k < scores.length; k++) scores[k] += logs[k];
      return true;
    },
  };
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
  const { lemmas, pairs } = lemmasOf(cleaned);
  const features = new Set<string>();
  for (let i = 0; i < lemmas.length; i++) {
    if (!stopwords.has(lemmas[i])) features.add(lemmas[i]);
    if (i < pairs.length) features.add(pairs[i]);
  }
  return [...features];
}

/**
 * The read words' lemmas and neighbouring pairs of the last message: both nets (red flags, then the FAQ)
 * read the same cleaned message in a turn, and only their stopwords differ.
 */
let last: { cleaned: string; lemmas: readonly string[]; pairs: readonly string[] } = { cleaned: '', lemmas: [], pairs: [] };

function lemmasOf(cleaned: string): typeof last {
  if (cleaned === last.cleaned) return last;
  const words = cleaned.match(WORD) ?? [];
  const read = words.length <= WORDS_READ ? words : [...words.slice(0, WORDS_READ / 2), ...words.slice(-WORDS_READ / 2)];
  const lemmas = read.map((w) => {
    const forms = Lemmas.of(w);
    return forms[forms.length - 1];
  });
  const pairs = lemmas.slice(1).map((lemma, i) => `${lemmas[i]}_${lemma}`);
  last = { cleaned, lemmas, pairs };
  return last;
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
  const features: Record<string, number[]> = {};
  for (const feature of [...vocabulary].sort()) {
    features[feature] = perLabel.map((counts, k) =>
      roundForFile(Math.log(((counts.get(feature) ?? 0) + 1) / (totals[k] + vocabulary.size))),
    );
  }
  return { labels, logPrior: priors.map((p) => roundForFile(Math.log(Math.max(p, 1) / texts.length))), features };
}

export interface RankedLabel {
  readonly label: string;
  readonly probability: number;
}

/** A model ready to score messages: its feature rows, and one score array reused from message to message. */
export class NaiveBayesScorer {
  private readonly scores: Float64Array;
  private readonly rows: FeatureRows;

  constructor(
    readonly model: ReadModel,
    private readonly stopwords: ReadonlySet<string>,
  ) {
    this.scores = new Float64Array(model.labels.length);
    this.rows = rowsOf(model);
  }

  /** Each label's probability for a cleaned message, likeliest first (softmax of the log scores). */
  rank(cleaned: string): RankedLabel[] {
    const { scores } = this;
    const { labels, logPrior } = this.model;
    const width = scores.length;
    scores.set(logPrior);
    // Summed in the features' order, as the scores have always been, so no rounding moves a decision.
    for (const feature of textFeatures(cleaned, this.stopwords)) this.rows.addRow(feature, scores);
    let top = -Infinity;
    for (let k = 0; k < width; k++) top = Math.max(top, scores[k]);
    let total = 0;
    for (let k = 0; k < width; k++) {
      scores[k] = Math.exp(scores[k] - top);
      total += scores[k];
    }
    return labels.map((label, k) => ({ label, probability: scores[k] / total })).sort((a, b) => b.probability - a.probability);
  }
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

/** A number as model files keep it: four decimals, so a retrain's diff shows what moved and nothing else. */
export function roundForFile(x: number): number {
  return Math.round(x * DECIMALS) / DECIMALS;
}

/** A model file's text: its settings first, then one feature a line, so a retrain shows as a readable diff. */
export function formatModelFile(model: NaiveBayesModel): string {
  const { labels, logPrior, features, ...head } = model;
  const lines = Object.entries(features).map(([feature, logs]) => `  ${JSON.stringify(feature)}: ${JSON.stringify(logs)}`);
  const top = JSON.stringify({ ...head, labels, logPrior }, null, 1).replace(/\n}$/, '');
  return `${top},\n "features": {\n${lines.join(',\n')}\n }\n}\n`;
}
