/**
 * The FAQ re-ranking's letter-level score must stay exactly fuse.js's: LetterCloseness only does the
 * bookkeeping faster (faq/LetterCloseness.ts). Checked against Fuse.match on the real questions
 * and patients' messages, and on generated ones that reach the corners: questions longer than one
 * 32-letter chunk, messages shorter than the question, repeated letters, the question found whole.
 */
import { join } from 'node:path';
import { expect } from 'chai';
import Fuse from 'fuse.js';
import { DEFAULT_FAQ_MATCHER_OPTIONS } from '../../faq/FaqMatcherOptions';
import { LetterCloseness } from '../../faq/LetterCloseness';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { readLabelledSet } from '../../staff/evaluation/evaluateKnowledgeBase';
import { seededRandom } from '../../staff/evaluation/seededRandom';

const ROOT = join(__dirname, '..', '..');
const THRESHOLD = DEFAULT_FAQ_MATCHER_OPTIONS.rerankFuseThreshold;

function fuseScore(question: string, message: string, threshold = THRESHOLD): number {
  return Fuse.match(question.toLowerCase(), message.toLowerCase(), { ignoreLocation: true, threshold }).score;
}

function mismatches(pairs: Iterable<[string, string]>, threshold = THRESHOLD): string[] {
  const found: string[] = [];
  for (const [question, message] of pairs) {
    const ours = new LetterCloseness(question, threshold).scoreIn(message);
    const theirs = fuseScore(question, message, threshold);
    if (ours !== theirs) found.push(`${JSON.stringify(question)} in ${JSON.stringify(message)}: ${ours} ≠ fuse.js ${theirs}`);
  }
  return found;
}

describe('LetterCloseness (the re-ranking score, as fuse.js computes it)', () => {
  it("scores the FAQ's questions in patients' messages exactly as Fuse.match does", () => {
    const questions = loadKnowledgeBase(join(ROOT, 'knowledge', 'faq.json')).entries.flatMap((e) => e.questions);
    const messages = readLabelledSet(join(ROOT, 'test', 'data', 'faq-labelled.jsonl')).map((m) => m.text);
    function* pairs(): Generator<[string, string]> {
      for (const [i, message] of messages.entries()) for (let q = i % 5; q < questions.length; q += 5) yield [questions[q], message];
    }
    expect(mismatches(pairs())).to.deep.equal([]);
  });

  it('agrees on generated corners: long questions, short messages, repeats, exact and near copies', () => {
    const random = seededRandom(16);
    const letters = 'aaeeiostn rlhdcumpé';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
    function* pairs(): Generator<[string, string]> {
      for (let i = 0; i < 3000; i++) {
        const question = word(1 + Math.floor(random() * 90));
        const cut = Math.floor(random() * question.length);
        const message = [
          word(Math.floor(random() * 120)),
          `${word(5)}${question}${word(5)}`,
          `${word(8)}${question.slice(0, cut)}x${question.slice(cut + 1)}`,
          question.slice(cut),
          question.toUpperCase(),
        ][i % 5];
        yield [question, message];
      }
      yield ['', ''];
      yield ['', 'anything'];
      yield ['back pain', ''];
    }
    expect(mismatches(pairs())).to.deep.equal([]);
    expect(mismatches(pairs(), 0.3)).to.deep.equal([]);
    // The fewest edits are counted past any threshold: the threshold alone must decide what counts as found.
    expect(mismatches(pairs(), 0.8)).to.deep.equal([]);
    expect(mismatches(pairs(), 0)).to.deep.equal([]);
  });
});
