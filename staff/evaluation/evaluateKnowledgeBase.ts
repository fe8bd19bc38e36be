/**
 * How well a knowledge base answers a labelled set of patient messages (test/data/faq-labelled.jsonl:
 * `{"text": …, "expected": "entry-id" | null}`, null = out of scope). One implementation for
 * `npm run kb:eval` and the matcher's accuracy test, so staff and CI see the same numbers.
 */
import { readFileSync } from 'node:fs';
import type { FaqDecision } from '../../faq/FaqDecision';
import type { KnowledgeBase } from '../../faq/KnowledgeBase';

export interface LabelledMessage {
  readonly text: string;
  /** The entry that should answer it, or null when the bot should say it has no answer. */
  readonly expected: string | null;
}

/** A message answered with the wrong entry (or answered at all, when out of scope). */
export interface Confusion {
  readonly text: string;
  readonly answered: string;
  readonly expected: string | null;
}

/** One labelled message and what the knowledge base decided. */
export interface EvaluatedMessage {
  readonly message: LabelledMessage;
  readonly decision: FaqDecision;
  /** Strictly right: the expected entry answered directly, or "none" for an out-of-scope message. */
  readonly right: boolean;
}

export interface Evaluation {
  readonly results: readonly EvaluatedMessage[];
  readonly inScope: number;
  /** In-scope messages answered directly with the expected entry. */
  readonly answeredCorrectly: number;
  /** In-scope messages that got "did you mean", and those among them that offered the expected entry. */
  readonly didYouMean: number;
  readonly suggestedCorrectly: number;
  readonly outOfScope: number;
  /** Out-of-scope messages that got the honest "no answer". */
  readonly rejected: number;
  /** Messages answered with the wrong entry, or answered at all when out of scope. */
  readonly confusions: readonly Confusion[];
  /** In-scope messages answered with another entry (worse than no answer). */
  readonly wrongAnswers: number;
  /** In-scope messages whose expected entry is among the first 3 candidates, whatever was decided. */
  readonly inTop3: number;
  /** answeredCorrectly / inScope: a did-you-mean does not count as right. */
  readonly top1Accuracy: number;
  /** rejected / outOfScope. */
  readonly outOfScopeRejection: number;
  /** didYouMean / inScope. */
  readonly didYouMeanRate: number;
  /** wrongAnswers / inScope. */
  readonly wrongAnswerRate: number;
  /** inTop3 / inScope. */
  readonly top3Accuracy: number;
}

export function evaluateKnowledgeBase(kb: KnowledgeBase, messages: readonly LabelledMessage[]): Evaluation {
  const results = messages.map((message): EvaluatedMessage => {
    const decision = kb.decide(message.text);
    const right =
      message.expected === null ? decision.kind === 'none' : decision.kind === 'answer' && decision.entry.id === message.expected;
    return { message, decision, right };
  });
  const inScope = results.filter((r) => r.message.expected !== null);
  const outOfScope = results.filter((r) => r.message.expected === null);
  const suggested = inScope.filter((r) => r.decision.kind === 'didYouMean');
  const confusions = results.flatMap(({ message, decision }) =>
    decision.kind === 'answer' && decision.entry.id !== message.expected
      ? [{ text: message.text, answered: decision.entry.id, expected: message.expected }]
      : [],
  );
  const answeredCorrectly = inScope.filter((r) => r.right).length;
  const wrongAnswers = inScope.filter((r) => r.decision.kind === 'answer' && !r.right).length;
  const inTop3 = inScope.filter((r) => r.decision.candidates.slice(0, 3).some((c) => c.id === r.message.expected)).length;
  const rejected = outOfScope.filter((r) => r.right).length;
  return {
    results,
    inScope: inScope.length,
    answeredCorrectly,
    didYouMean: suggested.length,
    suggestedCorrectly: suggested.filter(
      (r) => r.decision.kind === 'didYouMean' && r.decision.suggestions.some((entry) => entry.id === r.message.expected),
    ).length,
    outOfScope: outOfScope.length,
    rejected,
    confusions,
    wrongAnswers,
    inTop3,
    top1Accuracy: ratio(answeredCorrectly, inScope.length),
    outOfScopeRejection: ratio(rejected, outOfScope.length),
    didYouMeanRate: ratio(suggested.length, inScope.length),
    wrongAnswerRate: ratio(wrongAnswers, inScope.length),
    top3Accuracy: ratio(inTop3, inScope.length),
  };
}

/** Reads a JSONL labelled set; a bad line throws with its line number. */
export function readLabelledSet(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, number]) => {
      let value: Partial<LabelledMessage>;
      try {
        value = JSON.parse(line) as Partial<LabelledMessage>;
      } catch (err) {
        throw new Error(`${path} line ${number}: not valid JSON (${(err as Error).message})`);
      }
      if (typeof value.text !== 'string' || !(value.expected === null || typeof value.expected === 'string')) {
        throw new Error(`${path} line ${number}: expected {"text": "…", "expected": "entry-id" or null}`);
      }
      return { text: value.text, expected: value.expected };
    });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
