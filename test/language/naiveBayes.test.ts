import { expect } from 'chai';
import { EVERYDAY_WORDS, NaiveBayesScorer } from '../../language/NaiveBayes';

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
  });
});
