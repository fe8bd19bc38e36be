/**
 * The full check behind `npm run kb:check`: everything the loader refuses (reused from
 * parseKnowledgeBase, so the check and the running bot never disagree), then what the loader lets
 * through but patients would notice — long answers, broken links, unknown {placeholders}, the same
 * question twice, questions the bot answers with another entry, entries without a source, near-identical
 * questions in two entries, words an entry has only misspelt. Every finding carries a line number.
 */

import { jsonValueLines, parseJsonText } from '../../faq/jsonLocations';
import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import { KnowledgeBaseError } from '../../faq/KnowledgeBaseError';
import { parseKnowledgeBase } from '../../faq/loadKnowledgeBase';
import type { CheckFinding } from './CheckFinding';
import { byLine } from './CheckFinding';
import { checkAnswer } from './checkAnswer';
import { missingSources, misspeltOnly, nearIdenticalQuestions } from './checkEntryContent';
import { duplicateQuestions, selfRetrieval } from './checkQuestions';

export interface KnowledgeBaseCheckResult {
  readonly findings: readonly CheckFinding[];
  /** The knowledge base the bot would build from the file; undefined when the bot would refuse it. */
  readonly knowledgeBase?: KnowledgeBase;
}

/**
 * `placeholders` are the values the bot fills in (ClinicReplies.placeholders) and `moreHint` the end of
 * an SMS answer's first part (conversation.json), so lengths are real.
 */
export function checkKnowledgeBaseText(
  text: string,
  source: string,
  placeholders: Readonly<Record<string, string>>,
  moreHint: string,
): KnowledgeBaseCheckResult {
  const parsed = parseJsonText(text);
  if ('problem' in parsed) {
    const { line, column, advice } = parsed.problem;
    return { findings: [{ severity: 'error', message: `the file is not valid JSON at line ${line}, column ${column}: ${advice}`, line }] };
  }
  const doc = parsed.value;
  const lines = jsonValueLines(text);

  let kb: KnowledgeBase;
  try {
    kb = parseKnowledgeBase(text, source);
  } catch (err) {
    if (!(err instanceof KnowledgeBaseError)) throw err;
    return { findings: [refusal(err, doc, lines)] };
  }

  const findings: CheckFinding[] = [];
  kb.entries.forEach((entry, e) => {
    for (const { severity, problem } of checkAnswer(entry.answer, placeholders, moreHint)) {
      findings.push({ severity, entryId: entry.id, line: lines.get(`/entries/${e}/answer`), message: `entry "${entry.id}": ${problem}` });
    }
  });
  const questionLine = (e: number, q: number) => lines.get(`/entries/${e}/questions/${q}`);
  findings.push(...duplicateQuestions(kb, questionLine), ...selfRetrieval(kb, questionLine));
  findings.push(
    ...missingSources(kb, (e, field) => lines.get(`/entries/${e}/${field}`)),
    ...nearIdenticalQuestions(kb, questionLine),
    ...misspeltOnly(kb, questionLine),
  );
  if (!kb.secondOpinion) {
    findings.push({
      severity: 'warning',
      message:
        "the matcher's second opinion (knowledge/faq-classifier.json) was trained with other entries, so it is off for this file: run npm run kb:train",
    });
  }
  return { findings: findings.sort(byLine), knowledgeBase: kb };
}

/** The loader's own sentence, without the file name (printed once above), plus the line it is about. */
function refusal(err: KnowledgeBaseError, doc: unknown, lines: ReadonlyMap<string, number>): CheckFinding {
  const message = err.message.startsWith(`${err.source}: `) ? err.message.slice(err.source.length + 2) : err.message;
  const entries = (doc as { entries?: unknown }).entries;
  const list: unknown[] = Array.isArray(entries) ? entries : [];
  const numbered = /^entry (\d+)$/.exec(err.entryId ?? '');
  const matches = numbered
    ? [Number(numbered[1]) - 1]
    : list.flatMap((entry, index) => ((entry as { id?: unknown } | null)?.id === err.entryId ? [index] : []));
  if (matches.length === 0) return { severity: 'error', message, line: lines.get(err.field ? `/${err.field}` : '/entries') ?? 1 };

  // A duplicate id is reported where it appears the second time; the first is named in the message.
  const duplicate = err.field === 'id' && matches.length > 1;
  const index = duplicate ? matches[1] : matches[0];
  const lineOf = (i: number) =>
    lines.get(`/entries/${i}/${err.field ?? ''}`) ?? lines.get(`/entries/${i}/id`) ?? lines.get(`/entries/${i}`);
  const line = (err.field === 'followUps' ? unknownFollowUpLine(list, index, lines) : undefined) ?? lineOf(index);
  const also = duplicate ? ` (first at line ${lineOf(matches[0])})` : '';
  return { severity: 'error', entryId: numbered ? undefined : err.entryId, message: message + also, line };
}

/** The line of the first follow-up that names no entry: the loader says which entry, this finds the item. */
function unknownFollowUpLine(list: readonly unknown[], index: number, lines: ReadonlyMap<string, number>): number | undefined {
  const ids = new Set(list.map((entry) => (entry as { id?: unknown } | null)?.id));
  const followUps = (list[index] as { followUps?: unknown } | null)?.followUps;
  const item = Array.isArray(followUps) ? followUps.findIndex((target) => !ids.has(target)) : -1;
  return item < 0 ? undefined : lines.get(`/entries/${index}/followUps/${item}`);
}
