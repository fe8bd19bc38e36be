/**
 * The matcher on its own against test/data/faq-labelled.jsonl: 192 in-scope messages (each with the entry
 * a clinician expects) and 58 out-of-scope ones, written by someone who never saw faq.json's questions.
 * Its lines must never be copied into faq.json, or this stops measuring anything.
 *
 * In the bot, greetings, thanks and "book" are routed before the matcher; here every line goes to the
 * matcher, so the numbers are the matcher's own. Accuracy counts strictly: only `answer` with the expected
 * id is right; a did-you-mean that offers it is reported, not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { FaqDecision } from '../../knowledge/FaqDecision';
import { loadKnowledgeBase } from '../../knowledge/loadKnowledgeBase';

interface Labelled {
  readonly text: string;
  readonly expected: string | null;
}

/** What the product needs. */
const PRODUCT_ACCURACY = 0.9;
const PRODUCT_REJECTION = 0.9;
/**
 * What the matcher honestly reaches, as regression floors: 171/192 answered right (89.1%, short of the
 * product's 90%) and 53/58 rejected (91.4%). Raise them when the numbers go up; never lower them to pass.
 */
const MIN_ACCURACY = 0.89;
const MIN_REJECTION = 0.9;

const labelled: Labelled[] = readFileSync(join(__dirname, '..', 'data', 'faq-labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Labelled);

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
const outcome = (d: FaqDecision) =>
  d.kind === 'answer' ? d.entry.id : d.kind === 'didYouMean' ? `did you mean ${d.suggestions.map((s) => s.id).join(' / ')}` : 'none';

describe('FAQ matcher accuracy (held-out labelled set)', () => {
  const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));
  const results = labelled.map((line) => ({ line, decision: kb.decide(line.text) }));
  const inScope = results.filter((r) => r.line.expected !== null);
  const outOfScope = results.filter((r) => r.line.expected === null);
  const answered = inScope.filter((r) => r.decision.kind === 'answer' && r.decision.entry.id === r.line.expected);
  const rejected = outOfScope.filter((r) => r.decision.kind === 'none');
  const suggested = inScope.filter((r) => r.decision.kind === 'didYouMean');
  const suggestedRight = suggested.filter(
    (r) => r.decision.kind === 'didYouMean' && r.decision.suggestions.some((s) => s.id === r.line.expected),
  );

  before(() => {
    console.log(
      `FAQ matcher: top-1 accuracy ${percent(answered.length, inScope.length)} (${answered.length}/${inScope.length}), ` +
        `out-of-scope rejection ${percent(rejected.length, outOfScope.length)} (${rejected.length}/${outOfScope.length}), ` +
        `did-you-mean ${percent(suggested.length, inScope.length)} ` +
        `(${suggested.length} in-scope, expected entry offered in ${suggestedRight.length})`,
    );
    const accuracy = answered.length / inScope.length;
    const rejection = rejected.length / outOfScope.length;
    if (accuracy < PRODUCT_ACCURACY || rejection < PRODUCT_REJECTION) {
      console.log(`  (below the product target of ${PRODUCT_ACCURACY * 100}% / ${PRODUCT_REJECTION * 100}%)`);
    }
    for (const { line, decision } of results) {
      const right = line.expected === null ? decision.kind === 'none' : decision.kind === 'answer' && decision.entry.id === line.expected;
      if (right) continue;
      const top = decision.candidates.slice(0, 3).map((c) => `${c.id} ${c.score.toFixed(2)}`).join(', ');
      console.log(`  expected ${line.expected ?? 'none'} → ${outcome(decision)}  "${line.text}"  [${top}]`);
    }
  });

  it('has the labelled set it was calibrated on (192 in scope, 58 out of scope)', () => {
    expect(inScope).to.have.length(192);
    expect(outOfScope).to.have.length(58);
    for (const r of inScope) expect(kb.entry(r.line.expected ?? ''), r.line.text).to.not.equal(undefined);
  });

  it(`answers at least ${MIN_ACCURACY * 100}% of in-scope messages with the expected entry (target ${PRODUCT_ACCURACY * 100}%)`, () => {
    expect(answered.length / inScope.length).to.be.at.least(MIN_ACCURACY);
  });

  it(`says none to at least ${MIN_REJECTION * 100}% of out-of-scope messages`, () => {
    expect(rejected.length / outOfScope.length).to.be.at.least(MIN_REJECTION);
  });

  it('never answers an out-of-scope message with certainty above the answer bar by a wide margin', () => {
    // A guard against regressions in the scorer itself: out-of-scope scores stay in the lower part.
    for (const r of outOfScope) expect(r.decision.candidates[0]?.score ?? 0, r.line.text).to.be.below(0.7);
  });
});
