/**
 * Checks the questions of a loaded knowledge base: the same question in two entries (the bot can only
 * pick one), and self-retrieval — each entry's own questions must be answered with that entry.
 * A question the bot sends elsewhere is exactly what a patient typing it would get.
 */

import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import type { CheckFinding } from './CheckFinding';

/** Line of `/entries/<entry>/questions/<question>` in the file. */
export type QuestionLine = (entryIndex: number, questionIndex: number) => number | undefined;

/** Case, punctuation and spacing do not make a question different. */
function sameQuestionKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function duplicateQuestions(kb: KnowledgeBase, lineOf: QuestionLine): CheckFinding[] {
  const firstSeen = new Map<string, { entryId: string; line?: number }>();
  const findings: CheckFinding[] = [];
  kb.entries.forEach((entry, e) => {
    entry.questions.forEach((question, q) => {
      const key = sameQuestionKey(question);
      const line = lineOf(e, q);
      const earlier = firstSeen.get(key);
      if (earlier === undefined) {
        firstSeen.set(key, { entryId: entry.id, line });
      } else if (earlier.entryId === entry.id) {
        findings.push({
          severity: 'warning',
          entryId: entry.id,
          line,
          message: `entry "${entry.id}": the question "${question}" is listed twice in this entry (also line ${earlier.line})`,
        });
      } else {
        findings.push({
          severity: 'error',
          entryId: entry.id,
          line,
          message: `entry "${entry.id}": the question "${question}" is also in entry "${earlier.entryId}" (line ${earlier.line}): keep it in the one entry that answers it`,
        });
      }
    });
  });
  return findings;
}

export function selfRetrieval(kb: KnowledgeBase, lineOf: QuestionLine): CheckFinding[] {
  const findings: CheckFinding[] = [];
  kb.entries.forEach((entry, e) => {
    entry.questions.forEach((question, q) => {
      const decision = kb.decide(question);
      if (decision.kind === 'answer' && decision.entry.id === entry.id) return;
      const line = lineOf(e, q);
      const asked = `entry "${entry.id}": the question "${question}"`;
      if (decision.kind === 'answer') {
        findings.push({
          severity: 'error',
          entryId: entry.id,
          line,
          message: `${asked} is answered with entry "${decision.entry.id}" instead: reword it so it is clearly about this entry, or move it to "${decision.entry.id}"`,
        });
      } else if (decision.kind === 'didYouMean') {
        const offered = decision.suggestions.map((s) => `"${s.id}"`).join(', ');
        findings.push({
          severity: 'warning',
          entryId: entry.id,
          line,
          message: `${asked} gets "did you mean" (${offered}) instead of this answer: add words that only this entry uses`,
        });
      } else {
        findings.push({
          severity: 'warning',
          entryId: entry.id,
          line,
          message: `${asked} is not recognised at all: it may be too short or use only everyday words`,
        });
      }
    });
  });
  return findings;
}
