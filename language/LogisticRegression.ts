/**
 * A multinomial logistic regression over the same features as the naive Bayes models (language/NaiveBayes:
 * a cleaned message's word lemmas and neighbouring pairs), trained into the same file shape: one weight per
 * label for each feature, and a bias per label in `logPrior`. `NaiveBayesScorer` scores it unchanged.
 *
 * Why: naive Bayes counts every feature as independent evidence, so a short message whose few words lean one
 * way ("I will take everything in my stride", "I'll think about it") comes out 99.99% sure. Trained
 * discriminatively, the weights of overlapping features share the evidence: on blind sets the red-flag net
 * found more crisis messages at a fifth of the false alarms on everyday chat (docs/heldout-results.md).
 *
 * Deterministic: a fixed visiting order, Adagrad steps and rounding, so the same corpora give the same file.
 */
import { type LabelledText, type NaiveBayesModel, roundForFile, textFeatures } from './NaiveBayes';

export interface LogisticRegressionOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty per step on each weight the step touches. */
  readonly l2: number;
}

/** Trains with each label weighted by the inverse of its share, so the large everyday label does not drown the rare ones. */
export function trainLogisticRegression(
  texts: readonly LabelledText[],
  labels: readonly string[],
  stopwords: ReadonlySet<string>,
  options: LogisticRegressionOptions,
): NaiveBayesModel {
  const ids = new Map<string, number>();
  const rows = texts.map(({ cleaned }) =>
    textFeatures(cleaned, stopwords).map((feature) => {
      let id = ids.get(feature);
      if (id === undefined) {
        id = ids.size;
        ids.set(feature, id);
      }
      return id;
    }),
  );
  const answers = texts.map(({ label }) => {
    const k = labels.indexOf(label);
    if (k < 0) throw new Error(`label "${label}" is not one of ${labels.join(', ')}`);
    return k;
  });
  const K = labels.length;
  const counts = labels.map((_, k) => answers.filter((a) => a === k).length);
  const labelWeight = counts.map((n) => (n === 0 ? 0 : texts.length / (K * n)));
  const weights = new Float64Array(ids.size * K);
  const squares = new Float64Array(ids.size * K).fill(1e-8);
  const bias = new Float64Array(K);
  const biasSquares = new Float64Array(K).fill(1e-8);
  const scores = new Float64Array(K);
  const stride = coprimeStride(rows.length);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let n = 0; n < rows.length; n++) {
      const i = (n * stride + epoch) % rows.length;
      const row = rows[i];
      for (let k = 0; k < K; k++) {
        scores[k] = bias[k];
        for (const f of row) scores[k] += weights[f * K + k];
      }
      const top = Math.max(...scores);
      let total = 0;
      for (let k = 0; k < K; k++) {
        scores[k] = Math.exp(scores[k] - top);
        total += scores[k];
      }
      for (let k = 0; k < K; k++) {
        const error = (scores[k] / total - (k === answers[i] ? 1 : 0)) * labelWeight[answers[i]];
        biasSquares[k] += error * error;
        bias[k] -= (options.learningRate * error) / Math.sqrt(biasSquares[k]);
        for (const f of row) {
          const j = f * K + k;
          const step = error + options.l2 * weights[j];
          squares[j] += step * step;
          weights[j] -= (options.learningRate * step) / Math.sqrt(squares[j]);
        }
      }
    }
  }
  const features: Record<string, number[]> = {};
  for (const [feature, id] of [...ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    features[feature] = labels.map((_, k) => roundForFile(weights[id * K + k]));
  }
  return { labels, logPrior: [...bias].map(roundForFile), features };
}

/** A step through 0..n-1 that visits every message once an epoch in a fixed, well-mixed order. */
function coprimeStride(n: number): number {
  let stride = 7919;
  while (n > 1 && gcd(stride, n) !== 1) stride += 2;
  return stride;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
