/**
 * The evaluation behind `npm run kb:eval` (and the numbers the matcher's accuracy test reports):
 * top-1 accuracy, out-of-scope rejection, did-you-mean rate and the confusions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { FaqDecision } from '../../faq/FaqDecision';
import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import { evaluateKnowledgeBase, readLabelledSet } from '../../staff/evaluation/evaluateKnowledgeBase';
import { entryOf, faqText, fixtureDoc } from './faqFixture';
import { runStaffTool } from './runStaffTool';

/** A knowledge base whose decisions the test dictates, so every count is known in advance. */
function scripted(decisions: Record<string, FaqDecision>): KnowledgeBase {
  return { decide: (text: string) => decisions[text] } as unknown as KnowledgeBase;
}
const entry = (id: string) => ({ id, questions: [], answer: id });
const answer = (id: string): FaqDecision => ({ kind: 'answer', entry: entry(id), candidates: [] });
const didYouMean = (...ids: string[]): FaqDecision => ({ kind: 'didYouMean', suggestions: ids.map(entry), candidates: [] });
const none: FaqDecision = { kind: 'none', candidates: [] };

describe('evaluateKnowledgeBase', () => {
  it('counts strictly: only a direct answer with the expected entry is right', () => {
    const kb = scripted({ a: answer('x'), b: answer('y'), c: didYouMean('x', 'z'), d: none, e: none, f: answer('x') });
    const result = evaluateKnowledgeBase(kb, [
      { text: 'a', expected: 'x' },
      { text: 'b', expected: 'x' },
      { text: 'c', expected: 'x' },
      { text: 'd', expected: 'x' },
      { text: 'e', expected: null },
      { text: 'f', expected: null },
    ]);
    expect(result).to.deep.include({ inScope: 4, answeredCorrectly: 1, didYouMean: 1, suggestedCorrectly: 1, outOfScope: 2, rejected: 1 });
    expect([result.top1Accuracy, result.outOfScopeRejection, result.didYouMeanRate]).to.deep.equal([0.25, 0.5, 0.25]);
    expect(result.confusions).to.deep.equal([
      { text: 'b', answered: 'y', expected: 'x' },
      { text: 'f', answered: 'x', expected: null },
    ]);
  });

  it('reports wrong answers (worse than none) and whether the right entry was among the first 3 candidates', () => {
    const scored = (kind: 'answer' | 'none', ids: string[]): FaqDecision => {
      const candidates = ids.map((id, i) => ({ id, score: 0.9 - i / 10 }));
      return kind === 'answer' ? { kind, entry: entry(ids[0]), candidates } : { kind, candidates };
    };
    const kb = scripted({
      a: scored('answer', ['y', 'z', 'x']),
      b: scored('none', ['y', 'x']),
      c: scored('answer', ['x']),
      d: scored('answer', ['y', 'z', 'w', 'x']),
    });
    const result = evaluateKnowledgeBase(
      kb,
      ['a', 'b', 'c', 'd'].map((text) => ({ text, expected: 'x' })),
    );
    expect(result).to.deep.include({
      inScope: 4,
      answeredCorrectly: 1,
      wrongAnswers: 2,
      inTop3: 3,
      wrongAnswerRate: 0.5,
      top3Accuracy: 0.75,
    });
  });

  it('reads a labelled JSONL set and names the line of a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labelled-'));
    try {
      writeFileSync(join(dir, 'ok.jsonl'), '{"text": "a", "expected": "x"}\n\n{"text": "b", "expected": null}\n');
      expect(readLabelledSet(join(dir, 'ok.jsonl'))).to.deep.equal([
        { text: 'a', expected: 'x' },
        { text: 'b', expected: null },
      ]);
      writeFileSync(join(dir, 'bad.jsonl'), '{"text": "a", "expected": "x"}\n{"text": "b"}\n');
      expect(() => readLabelledSet(join(dir, 'bad.jsonl'))).to.throw(/bad\.jsonl line 2: expected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm run kb:eval --compare shows an edit's effect: the numbers before → after and the confusion it fixed", async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'kb-eval-'));
    try {
      // The booking entry's own cost questions (and the answer's word "prices", which the matcher also
      // reads) are taken out of both, so the edit is what adds one.
      const withoutCostQuestions = () => {
        const doc = fixtureDoc();
        const booking = entryOf(doc, 'booking');
        booking.questions = booking.questions.filter((question) => !/cost|price|expensive|fee/i.test(question));
        booking.answer = booking.answer.replace(/Prices[^.]*\./, '');
        return doc;
      };
      const before = withoutCostQuestions();
      const after = withoutCostQuestions();
      entryOf(after, 'booking').questions.push('what does a session cost');
      writeFileSync(join(dir, 'before.json'), faqText(before));
      writeFileSync(join(dir, 'after.json'), faqText(after));
      writeFileSync(
        join(dir, 'labelled.jsonl'),
        [
          '{"text": "how much do the sessions cost", "expected": "booking"}',
          '{"text": "what stretches help sciatica", "expected": "stretching"}',
          '{"text": "best pizza in town", "expected": null}',
        ].join('\n'),
      );
      const run = await runStaffTool('kbEval.ts', [
        join(dir, 'labelled.jsonl'),
        '--faq',
        join(dir, 'after.json'),
        '--compare',
        join(dir, 'before.json'),
      ]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/top-1 accuracy +50\.0 % \(1\/2\) {2}→ {2}100\.0 % \(2\/2\)/);
      expect(run.stdout).to.match(/out-of-scope rejection +100\.0 % \(1\/1\) {2}→ {2}100\.0 % \(1\/1\)/);
      expect(run.stdout).to.contain('Fixed by the edit:\n  "how much do the sessions cost" → healing-time, expected booking');
      expect(run.stdout).to.contain('New with the edit: none');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
