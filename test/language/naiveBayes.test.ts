import { expect } from 'chai';
import {
  EVERYDAY_WORDS,
  type NaiveBayesModel,
  NaiveBayesScorer,
  type SparseNaiveBayesModel,
  trainNaiveBayes,
} from '../../language/NaiveBayes';

describe('naive Bayes scoring (both learned nets)', () => {
  const model = {
    labels: ['crisis', 'none'],
    logPrior: [Math.log(0.2), Math.log(0.8)],
    features: { hopeless: [Math.log(0.5), Math.log(0.01)], back: [Math.log(0.01), Math.log(0.3)] },
  };
  const scorer = new NaiveBayesScorer(model, EVERYDAY_WORDS);

  it('ranks the labels by probability', () => {
    const [top, next] = scorer.rank('i feel hopeless');
    expect(top.label).to.equal('crisis');
    expect(top.probability + next.probability).to.be.closeTo(1, 1e-12);
  });

  it('reads a word that is also a name of every JavaScript object ("constructor") as an unknown word, not as NaN', () => {
    const plain = scorer.rank('i feel hopeless');
    const withConstructor = scorer.rank('i feel hopeless constructor');
    expect(withConstructor).to.deep.equal(plain);
    // Asked again, from what the scorer remembers of each feature: the same.
    expect(scorer.rank('i feel hopeless constructor')).to.deep.equal(plain);
    expect(scorer.rank('i feel hopeless')).to.deep.equal(plain);
  });

  it('names the likeliest label but one as the ranking lists it, the earlier label among equals', () => {
    const three = new NaiveBayesScorer(
      { labels: ['emergency', 'crisis', 'none'], logPrior: [Math.log(0.25), Math.log(0.25), Math.log(0.5)], features: {} },
      EVERYDAY_WORDS,
    );
    expect(three.likeliestBut('anything', 'none')).to.deep.equal(three.rank('anything').find((r) => r.label !== 'none'));
    expect(three.likeliestBut('anything', 'none').label).to.equal('emergency');
    for (const text of ['i feel hopeless', 'my back', 'hello']) {
      expect(scorer.likeliestBut(text, 'none')).to.deep.equal(scorer.rank(text).find((r) => r.label !== 'none'));
    }
  });
});

describe('naive Bayes training (the FAQ net): only the features each label saw', () => {
  const texts = [
    { cleaned: 'does stretching help sciatica', label: 'stretching' },
    { cleaned: 'which stretches help my back', label: 'stretching' },
    { cleaned: 'how long does sciatica last', label: 'healing-time' },
    { cleaned: 'when will the leg pain go', label: 'healing-time' },
    { cleaned: 'best pizza in town', label: 'none' },
  ];
  const labels = ['stretching', 'healing-time', 'none'];
  const sparse = trainNaiveBayes(texts, labels, EVERYDAY_WORDS);

  /** The same model with a number for every feature and label, as naive Bayes files were written before. */
  function dense(model: SparseNaiveBayesModel): NaiveBayesModel {
    const features = Object.fromEntries(
      Object.entries(model.features).map(([feature, seen]) => [feature, model.labels.map((label, k) => seen[label] ?? model.unseen[k])]),
    );
    return { labels: model.labels, logPrior: model.logPrior, features };
  }

  it('keeps a feature only for the labels that saw it, and one smoothed value per label for the rest', () => {
    expect(Object.keys(sparse.features.stretch)).to.deep.equal(['stretching']);
    expect(Object.keys(sparse.features.sciatica)).to.deep.equal(['stretching', 'healing-time']);
    // Laplace: a feature seen once is twice as likely as an unseen one for the same label, twice three times.
    expect(sparse.features.sciatica['healing-time'] - sparse.unseen[1]).to.be.closeTo(Math.log(2), 1e-3);
    expect(sparse.features.stretch.stretching - sparse.unseen[0]).to.be.closeTo(Math.log(3), 1e-3);
  });

  it('ranks every message as the dense model with the same numbers does', () => {
    const fromSparse = new NaiveBayesScorer(sparse, EVERYDAY_WORDS);
    const fromDense = new NaiveBayesScorer(dense(sparse), EVERYDAY_WORDS);
    for (const text of ['does stretching help', 'how long will sciatica last', 'pizza for my back', 'constructor', 'nothing known here']) {
      const a = fromSparse.rank(text);
      const b = fromDense.rank(text);
      expect(
        a.map((r) => r.label),
        text,
      ).to.deep.equal(b.map((r) => r.label));
      for (const [i, r] of a.entries()) expect(r.probability, text).to.be.closeTo(b[i].probability, 1e-12);
    }
  });
});

describe('the likeliest labels of a model with many labels', () => {
  // Labels 'b' and 'c' are the same model: they tie on every message.
  const model = {
    labels: ['a', 'b', 'c', 'd'],
    logPrior: [Math.log(0.1), Math.log(0.3), Math.log(0.3), Math.log(0.3)],
    unseen: [-3, -3, -3, -4],
    features: { hip: { a: -1, d: -2 }, knee: { b: -1, c: -1 }, back: { a: -2, b: -1.5, c: -1.5, d: -1 } },
  };
  const scorer = new NaiveBayesScorer(model, EVERYDAY_WORDS);

  it('gives the first labels of the full ranking, ties in label order, and any wanted label', () => {
    for (const text of ['hip', 'knee', 'back', 'knee and back', 'nothing known']) {
      const ranked = scorer.rank(text);
      for (const n of [1, 2, 3]) {
        const { first, of } = scorer.leading(text, n, ['d']);
        expect(first, `${text}, ${n}`).to.deep.equal(ranked.slice(0, n));
        expect(of.get('d')).to.equal(ranked.find((r) => r.label === 'd')?.probability);
      }
    }
  });
});
