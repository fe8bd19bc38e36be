/**
 * A multinomial naive Bayes text model over a cleaned message's word lemmas and neighbouring pairs, and the
 * scorer of the learned nets: the FAQ matcher's second opinion (faq/FaqClassifier) is one of these, trained
 * from labelled corpora into a JSON file, and the red-flag net (safety/RedFlagClassifier) is a logistic
 * regression over the same features (language/LogisticRegression) that this scorer reads the same way.
 * Chosen because no pretrained model can be loaded here, and this one trains deterministically in seconds
 * from our own corpora, on the clean-up's own lemmas.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FeatureNames, featureNamesOf } from './FeatureNames';
import { Lemmas } from './Lemmas';

/**
 * A dense model as its file holds it: one number per label for each feature, in `labels` order (the
 * red-flag net's logistic regression weights; naive Bayes files are sparse: SparseNaiveBayesModel).
 */
export interface NaiveBayesModel {
  readonly labels: readonly string[];
  readonly logPrior: readonly number[];
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/**
 * A naive Bayes model as its file holds it: for each feature only the labels whose messages had it, and per
 * label the log probability of a known feature it never saw (Laplace smoothing gives every such feature the
 * same one). It is the dense model to the last digit, without the cells that repeat `unseen`: a FAQ of
 * 10,000 entries holds a few hundred thousand numbers instead of ~85 million.
 */
export interface SparseNaiveBayesModel {
  readonly labels: readonly string[];
  readonly logPrior: readonly number[];
  /** Per label (in `labels` order): log(1 / (features counted for the label + vocabulary size)). */
  readonly unseen: readonly number[];
  /** Feature -> label -> log p(feature | label), for the labels that saw the feature, in `labels` order. */
  readonly features: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Each feature's log probabilities, one row in `labels` order. */
export interface FeatureRows {
  /** Adds the feature's row to `scores`, label by label; false (and nothing added) when the model lacks it. */
  addRow(feature: string, scores: Float64Array): boolean;
}

/**
 * A sparse model's features as flat lists, in the file's order: feature i saw the labels (their positions in
 * `labels`) labels[offsets[i]] .. labels[offsets[i + 1] - 1], with log p(feature | label) at the same places
 * of `logs`. The scorer's index is built from these; the build's compact copy stores them as they are.
 */
export interface SeenLists {
  readonly names: FeatureNames;
  readonly offsets: Int32Array;
  readonly labels: Int32Array;
  readonly logs: Float64Array;
}

/**
 * A model as the bot reads it: its file as it is, or the build's compact copy (language/ModelFile), which
 * gives the same numbers as rows (a dense file) or flat lists (a sparse one) instead of one object of features.
 */
export type ReadModel<M extends NaiveBayesModel | SparseNaiveBayesModel = NaiveBayesModel> = M extends SparseNaiveBayesModel
  ? M | (Omit<M, 'features'> & { readonly seen: SeenLists })
  : M | (Omit<M, 'features'> & { readonly rows: FeatureRows });

/** Adds a message's features' evidence to the label scores (which start at the log priors). */
interface Evidence {
  add(features: readonly string[], scores: Float64Array): void;
}

/** How many features a model read from its JSON remembers the rows of (see rowsOf). */
const ROWS_REMEMBERED = 50_000;

/**
 * The rows of a model's object of features. A row is an array: a name the object only inherits ("constructor",
 * which once found Object's constructor and made every probability NaN) is not one. Each feature's row (or its
 * absence) is remembered as first found, bounded: a look-up in an object of 125,000 keys (dictionary mode, the
 * name made a property key first) cost several times a map's, and most of a message's features come again.
 * The build's compact copy (language/ModelFile) finds its rows in its own hash table.
 */
function rowsOf(model: ReadModel): FeatureRows {
  if ('rows' in model) return model.rows;
  const { features } = model;
  const found = new Map<string, readonly number[] | null>();
  return {
    addRow(feature, scores) {
      let logs = found.get(feature);
      if (logs === undefined) {
        const row = features[feature];
        logs = Array.isArray(row) ? row : null;
        if (found.size >= ROWS_REMEMBERED) found.clear();
        found.set(feature, logs);
      }
      if (logs === null) return false;
      for (let k = 0; k < scores.length; k++) scores[k] += logs[k];
      return true;
    },
  };
}

/** A dense model's evidence: each known feature's row, summed in the features' order. */
function denseEvidence(model: ReadModel): Evidence {
  const rows = rowsOf(model);
  return {
    add(features, scores) {
      for (const feature of features) rows.addRow(feature, scores);
    },
  };
}

/**
 * A sparse model's evidence, from an inverted index (feature -> the labels that saw it, each with how much
 * more it says than `unseen`): score_k = logPrior_k + m * unseen_k + the sum of those differences over the
 * message's features label k saw, where m counts the message's features in the vocabulary. The work per
 * message is one pass over the labels and the index's entries, not a row of every label per feature.
 */
class SeenFeatures implements Evidence {
  private readonly unseen: Float64Array;
  /** Feature -> its number; feature i's labels and differences are at offsets[i] .. offsets[i + 1] - 1. */
  private readonly ids: FeatureNames;
  private readonly offsets: Int32Array;
  private readonly labels: Int32Array;
  private readonly deltas: Float64Array;
  private readonly known: number[] = [];

  constructor(model: ReadModel<SparseNaiveBayesModel>) {
    const unseen = Float64Array.from(model.unseen);
    const { names, offsets, labels, logs } = 'seen' in model ? model.seen : seenLists(model);
    this.ids = names;
    const deltas = new Float64Array(logs.length);
    for (let j = 0; j < logs.length; j++) deltas[j] = logs[j] - unseen[labels[j]];
    this.offsets = offsets;
    this.labels = labels;
    this.deltas = deltas;
    this.unseen = unseen;
  }

  add(features: readonly string[], scores: Float64Array): void {
    const { known, offsets, labels, deltas, unseen } = this;
    known.length = 0;
    for (const feature of features) {
      const id = this.ids.indexOf(feature);
      if (id >= 0) known.push(id);
    }
    const m = known.length;
    for (let k = 0; k < scores.length; k++) scores[k] += m * unseen[k];
    for (const id of known) for (let j = offsets[id]; j < offsets[id + 1]; j++) scores[labels[j]] += deltas[j];
  }
}

/** A sparse model's object of features as flat lists (SeenLists), in the file's order. */
export function seenLists(model: SparseNaiveBayesModel): SeenLists {
  const position = new Map(model.labels.map((label, k) => [label, k]));
  const rows = Object.entries(model.features);
  let pairs = 0;
  for (const [, seen] of rows) for (const _ in seen) pairs++;
  const offsets = new Int32Array(rows.length + 1);
  const labels = new Int32Array(pairs);
  const logs = new Float64Array(pairs);
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    const [feature, seen] = rows[i];
    offsets[i] = j;
    for (const label in seen) {
      const k = position.get(label);
      if (k === undefined) throw new Error(`feature "${feature}" names label "${label}", which the model does not have`);
      labels[j] = k;
      logs[j++] = seen[label];
    }
  }
  offsets[rows.length] = j;
  return { names: featureNamesOf(rows.map(([feature]) => feature)), offsets, labels, logs };
}

function isSparse(model: ReadModel | ReadModel<SparseNaiveBayesModel>): model is ReadModel<SparseNaiveBayesModel> {
  return 'unseen' in model;
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
  const lemmas = wordsRead(cleaned).map((w) => {
    const forms = Lemmas.of(w);
    return forms[forms.length - 1];
  });
  const pairs = lemmas.slice(1).map((lemma, i) => `${lemmas[i]}_${lemma}`);
  last = { cleaned, lemmas, pairs };
  return last;
}

/**
 * The words a model reads (see WORDS_READ): a long message's first half of them from its start and the other
 * half from its end, without reading (or making a string of) every word between.
 */
function wordsRead(cleaned: string): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let word = WORD.exec(cleaned); word !== null; word = WORD.exec(cleaned)) {
    words.push(word[0]);
    if (words.length > WORDS_READ) break;
  }
  if (words.length <= WORDS_READ) return words;
  // More than WORDS_READ words: the last half are found from the end, after the first half's.
  const last: string[] = [];
  let end = cleaned.length;
  while (last.length < WORDS_READ / 2) {
    while (!isWordCharacter(cleaned.charCodeAt(end - 1))) end--;
    let start = end - 1;
    while (start > 0 && isWordCharacter(cleaned.charCodeAt(start - 1))) start--;
    last.push(cleaned.slice(start, end));
    end = start;
  }
  return [...words.slice(0, WORDS_READ / 2), ...last.reverse()];
}

/** a-z or 0-9: a character of WORD. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Trains a model (Laplace smoothing; each feature counted once a message), keeping for each feature only the
 * labels that saw it. Same input, same model; a FAQ of 10,000 entries trains in seconds.
 */
export function trainNaiveBayes(
  texts: readonly LabelledText[],
  labels: readonly string[],
  stopwords: ReadonlySet<string>,
): SparseNaiveBayesModel {
  const position = new Map(labels.map((label, k) => [label, k]));
  const counts = new Map<string, Map<number, number>>();
  const totals = labels.map(() => 0);
  const priors = labels.map(() => 0);
  for (const { cleaned, label } of texts) {
    const k = position.get(label);
    if (k === undefined) throw new Error(`label "${label}" is not one of ${labels.join(', ')}`);
    priors[k]++;
    for (const feature of textFeatures(cleaned, stopwords)) {
      const seen = counts.get(feature) ?? new Map<number, number>();
      seen.set(k, (seen.get(k) ?? 0) + 1);
      counts.set(feature, seen);
      totals[k]++;
    }
  }
  const vocabulary = counts.size;
  const features: Record<string, Record<string, number>> = {};
  for (const feature of [...counts.keys()].sort()) {
    const seen = counts.get(feature) as Map<number, number>;
    const row: Record<string, number> = {};
    for (const k of [...seen.keys()].sort((a, b) => a - b)) {
      row[labels[k]] = roundForFile(Math.log(((seen.get(k) as number) + 1) / (totals[k] + vocabulary)));
    }
    features[feature] = row;
  }
  return {
    labels,
    logPrior: priors.map((p) => roundForFile(Math.log(Math.max(p, 1) / texts.length))),
    unseen: totals.map((total) => roundForFile(Math.log(1 / (total + vocabulary)))),
    features,
  };
}

export interface RankedLabel {
  readonly label: string;
  readonly probability: number;
}

/** A model ready to score messages: its evidence, and one score array reused from message to message. */
export class NaiveBayesScorer {
  private readonly scores: Float64Array;
  private readonly evidence: Evidence;
  private readonly position: ReadonlyMap<string, number>;
  private readonly labels: readonly string[];
  private readonly logPrior: readonly number[];

  /** A sparse model's object of features is not kept (its index is): at 10,000 entries ~26 MB. */
  constructor(
    model: ReadModel | ReadModel<SparseNaiveBayesModel>,
    private readonly stopwords: ReadonlySet<string>,
  ) {
    this.labels = model.labels;
    this.logPrior = model.logPrior;
    this.scores = new Float64Array(model.labels.length);
    this.evidence = isSparse(model) ? new SeenFeatures(model) : denseEvidence(model);
    this.position = new Map(model.labels.map((label, k) => [label, k]));
  }

  /** Each label's probability for a cleaned message, likeliest first (softmax of the log scores). */
  rank(cleaned: string): RankedLabel[] {
    const scores = this.probabilities(cleaned);
    return this.labels.map((label, k) => ({ label, probability: scores[k] })).sort((a, b) => b.probability - a.probability);
  }

  /**
   * The likeliest label other than `except`, as `rank` would list it first after leaving `except` out (of
   * equals the earlier label), without a list of every label.
   */
  likeliestBut(cleaned: string, except: string): RankedLabel {
    const scores = this.probabilities(cleaned);
    let best = -1;
    for (let k = 0; k < scores.length; k++) {
      if (this.labels[k] !== except && (best < 0 || scores[k] > scores[best])) best = k;
    }
    return { label: this.labels[best], probability: scores[best] };
  }

  /**
   * The first `n` labels of `rank` and the probabilities of the `wanted` labels, without ranking every
   * label: a FAQ of 10,000 entries is a model of 10,000 labels, and a sort of them all per message cost
   * milliseconds.
   */
  leading(cleaned: string, n: number, wanted: readonly string[] = []): { first: RankedLabel[]; of: Map<string, number> } {
    const scores = this.probabilities(cleaned);
    const { labels } = this;
    // Likeliest first; among equals the earlier label, as rank's stable sort orders them.
    const first: number[] = [];
    for (let k = 0; k < scores.length; k++) {
      if (first.length === n && scores[k] <= scores[first[n - 1]]) continue;
      let i = first.length;
      while (i > 0 && scores[first[i - 1]] < scores[k]) i--;
      first.splice(i, 0, k);
      if (first.length > n) first.pop();
    }
    const of = new Map(first.map((k) => [labels[k], scores[k]]));
    for (const label of wanted) {
      const k = this.position.get(label);
      if (k !== undefined) of.set(label, scores[k]);
    }
    return { first: first.map((k) => ({ label: labels[k], probability: scores[k] })), of };
  }

  /** Softmax of the log scores, in `labels` order, in the reused score array. */
  private probabilities(cleaned: string): Float64Array {
    const { scores } = this;
    const width = scores.length;
    scores.set(this.logPrior);
    this.evidence.add(textFeatures(cleaned, this.stopwords), scores);
    let top = -Infinity;
    for (let k = 0; k < width; k++) top = Math.max(top, scores[k]);
    let total = 0;
    for (let k = 0; k < width; k++) {
      scores[k] = Math.exp(scores[k] - top);
      total += scores[k];
    }
    for (let k = 0; k < width; k++) scores[k] /= total;
    return scores;
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

/**
 * A model file's text: its settings first, then one feature a line, so a retrain shows as a readable diff
 * (a sparse file's line names the labels that saw the feature).
 */
export function formatModelFile(model: NaiveBayesModel | SparseNaiveBayesModel): string {
  // A dense file has no `unseen`: JSON leaves the undefined out.
  const { labels, logPrior, unseen, features, ...head } = model as SparseNaiveBayesModel | (NaiveBayesModel & { unseen?: undefined });
  const lines = Object.entries(features).map(([feature, logs]) => `  ${JSON.stringify(feature)}: ${JSON.stringify(logs)}`);
  const top = JSON.stringify({ ...head, labels, logPrior, unseen }, null, 1).replace(/\n}$/, '');
  return `${top},\n "features": {\n${lines.join(',\n')}\n }\n}\n`;
}
