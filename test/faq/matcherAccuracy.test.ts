/**
 * The matcher on its own against test/data/faq-labelled.jsonl: 192 in-scope messages (each with the entry
 * a clinician expects) and 58 out-of-scope ones, written by someone who never saw faq.json's questions.
 * Its lines must never be copied or paraphrased into faq.json, or this stops measuring anything.
 *
 * In the bot, greetings, thanks and "book" are routed before the matcher; here every line goes to the
 * matcher, so the numbers are the matcher's own. Accuracy counts strictly (evaluateKnowledgeBase, the
 * same evaluator as `npm run kb:eval`): only `answer` with the expected id is right; a did-you-mean that
 * offers it is reported, not counted.
 *
 * Honesty about the numbers: the answer bar and the re-ranking weight were chosen on these same 250
 * lines, so the headline is in-sample. `npm run kb:eval -- --split-half` recalibrates the bar on random
 * halves and scores the other half; expect the product to do about that well on new messages.
 */
import { join } from 'node:path';
import { expect } from 'chai';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { evaluateKnowledgeBase, readLabelledSet } from '../../staff/evaluation/evaluateKnowledgeBase';

/** What the product needs. */
const PRODUCT_ACCURACY = 0.9;
const PRODUCT_REJECTION = 0.9;
/**
 * What the matcher honestly reaches, as regression floors a point below: 181/192 answered right (94.3%,
 * with the FaqClassifier's second opinion, which is never trained on this set) and 57/58 rejected (98.3%).
 * Raise them when the numbers go up; never lower them to pass.
 */
const MIN_ACCURACY = 0.93;
const MIN_REJECTION = 0.96;

const labelled = readLabelledSet(join(__dirname, '..', 'data', 'faq-labelled.jsonl'));

// The numbers and every miss with its best candidates: `npm run kb:eval -- --misses` (not printed here).
describe('FAQ matcher accuracy (held-out labelled set)', () => {
  const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));
  const result = evaluateKnowledgeBase(kb, labelled);

  it('has the labelled set it was calibrated on (192 in scope, 58 out of scope)', () => {
    expect(result.inScope).to.equal(192);
    expect(result.outOfScope).to.equal(58);
    for (const { message } of result.results) {
      if (message.expected !== null) expect(kb.entry(message.expected), message.text).to.not.equal(undefined);
    }
  });

  it(`answers at least ${MIN_ACCURACY * 100}% of in-scope messages with the expected entry (target ${PRODUCT_ACCURACY * 100}%)`, () => {
    expect(result.top1Accuracy).to.be.at.least(MIN_ACCURACY);
  });

  it(`says none to at least ${MIN_REJECTION * 100}% of out-of-scope messages (target ${PRODUCT_REJECTION * 100}%)`, () => {
    expect(result.outOfScopeRejection).to.be.at.least(MIN_REJECTION);
  });

  it('never answers an out-of-scope message with certainty above the answer bar by a wide margin', () => {
    // A guard against regressions in the scorer itself: out-of-scope scores stay in the lower part.
    for (const { message, decision } of result.results) {
      if (message.expected === null) expect(decision.candidates[0]?.score ?? 0, message.text).to.be.below(0.7);
    }
  });
});

interface DevelopmentFloors {
  readonly inScope: number;
  readonly minAccuracy: number;
  readonly maxWrong: number;
  readonly minTop3: number;
  readonly minRejection: number;
}

/**
 * Regression floors for a development set: the matcher is tuned on these sets and its second opinion is
 * trained on them, so they guard against regressions and are no estimate for new messages (the held-out
 * sets under test/data/heldout/ are that; each set scored by a second opinion trained without it is
 * the honest development figure, given below).
 */
function developmentSet(title: string, file: string, floors: DevelopmentFloors): void {
  describe(`FAQ matcher accuracy (${title})`, () => {
    const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));
    const result = evaluateKnowledgeBase(kb, readLabelledSet(join(__dirname, '..', 'data', file)));

    it(`answers at least ${floors.minAccuracy * 100}% right and at most ${floors.maxWrong * 100}% wrong`, () => {
      expect(result.inScope).to.equal(floors.inScope);
      expect(result.top1Accuracy).to.be.at.least(floors.minAccuracy);
      expect(result.wrongAnswerRate).to.be.at.most(floors.maxWrong);
    });

    it(`has the right entry among its first three candidates at least ${floors.minTop3 * 100}% of the time`, () => {
      expect(result.top3Accuracy).to.be.at.least(floors.minTop3);
    });

    it(`says none to at least ${floors.minRejection * 100}% of its out-of-scope messages`, () => {
      expect(result.outOfScopeRejection).to.be.at.least(floors.minRejection);
    });
  });
}

/**
 * Development set D (test/data/faq-dev-d.jsonl): 360 in-scope messages, 12 per entry of the 30, and 80
 * out of scope, written blind in patients' voices (stories, typos, idioms, UK/US words, non-native
 * English, fragments). First run: top-1 70.3%, wrong answers 9.2%, out-of-scope rejection 85.0%. Now
 * 98.9% / 0.3% / 100% with top-3 100%; scored by a second opinion trained without it 94.2% / 1.7% / 95.0%.
 */
developmentSet('development set D', 'faq-dev-d.jsonl', {
  inScope: 360,
  minAccuracy: 0.96,
  maxWrong: 0.02,
  minTop3: 0.98,
  minRejection: 0.96,
});

/**
 * Development set E (test/data/faq-dev-e.jsonl): 600 in scope, 20 per entry, and 120 out of scope, written
 * blind by someone who never saw faq.json. First run (docs/heldout-results.md): top-1 85.0%, wrong 3.5%,
 * top-3 95.8%, out of scope 85.0%. Now 99.0% / 0.3% / 100% / 97.5%; scored by a second opinion trained
 * without it 92.7% / 1.8% / 99.0% / 96.7%.
 */
developmentSet('development set E', 'faq-dev-e.jsonl', {
  inScope: 600,
  minAccuracy: 0.97,
  maxWrong: 0.01,
  minTop3: 0.99,
  minRejection: 0.94,
});
