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
 * What the matcher honestly reaches, as regression floors: 178/192 answered right (92.7%, with the
 * FaqClassifier's second opinion, which is never trained on this set) and 55/58 rejected (94.8%).
 * Raise them when the numbers go up; never lower them to pass.
 */
const MIN_ACCURACY = 0.92;
const MIN_REJECTION = 0.94;

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

/**
 * Development set D (test/data/faq-dev-d.jsonl): 360 in-scope messages, 12 per entry of the 30, and 80
 * out of scope, written blind in patients' voices (stories, typos, idioms, UK/US words, non-native
 * English, fragments). Its first run, before any change it guided: top-1 70.3%, wrong answers 9.2%,
 * out-of-scope rejection 85.0%. The matcher has since been tuned on it, so these are regression floors,
 * not an estimate for new messages (the held-out sets under test/data/heldout/ are that).
 */
describe('FAQ matcher accuracy (development set D)', () => {
  const MIN_DEV_D_ACCURACY = 0.78;
  const MAX_DEV_D_WRONG = 0.05;
  const MIN_DEV_D_REJECTION = 0.92;
  const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));
  const result = evaluateKnowledgeBase(kb, readLabelledSet(join(__dirname, '..', 'data', 'faq-dev-d.jsonl')));

  it(`answers at least ${MIN_DEV_D_ACCURACY * 100}% right and at most ${MAX_DEV_D_WRONG * 100}% wrong`, () => {
    expect(result.inScope).to.equal(360);
    expect(result.top1Accuracy).to.be.at.least(MIN_DEV_D_ACCURACY);
    expect(result.wrongAnswerRate).to.be.at.most(MAX_DEV_D_WRONG);
  });

  it(`says none to at least ${MIN_DEV_D_REJECTION * 100}% of its out-of-scope messages`, () => {
    expect(result.outOfScopeRejection).to.be.at.least(MIN_DEV_D_REJECTION);
  });
});
