/**
 * kb:check's content warnings (issue 14): an entry without a source a clinician can review, two entries
 * sharing a near-identical question (the bot can only pick one), and a word an entry has only misspelt
 * (the matcher then depends on the typo being folded into the right word).
 */

import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import { TextNormaliser } from '../../faq/TextNormaliser';
import type { CheckFinding } from './CheckFinding';
import type { QuestionLine } from './checkQuestions';

/** Line of one field of entry `entryIndex` in the file. */
export type FieldLine = (entryIndex: number, field: string) => number | undefined;

export function missingSources(kb: KnowledgeBase, lineOf: FieldLine): CheckFinding[] {
  return kb.entries.flatMap((entry, e) =>
    entry.source === undefined
      ? [
          {
            severity: 'warning' as const,
            entryId: entry.id,
            line: lineOf(e, 'id'),
            message: `entry "${entry.id}": no "source": name the article or public guideline (NHS, NICE, AAOS…) its answer is based on, so a clinician can review it`,
          },
        ]
      : [],
  );
}

/**
 * Questions of different entries that say the same once matching has normalised them (case, stop words,
 * word endings, synonyms and word order do not count): "What causes sciatica?" and "sciatica causes".
 */
export function nearIdenticalQuestions(kb: KnowledgeBase, lineOf: QuestionLine, normaliser = TextNormaliser.default): CheckFinding[] {
  const seen = new Map<string, { entryId: string; question: string; line?: number }>();
  const findings: CheckFinding[] = [];
  kb.entries.forEach((entry, e) => {
    entry.questions.forEach((question, q) => {
      const tokens = [...new Set(normaliser.tokens(question))].sort();
      if (tokens.length === 0) return;
      const key = tokens.join(' ');
      const line = lineOf(e, q);
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, { entryId: entry.id, question, line });
      else if (earlier.entryId !== entry.id && earlier.question.toLowerCase().trim() !== question.toLowerCase().trim()) {
        findings.push({
          severity: 'warning',
          entryId: entry.id,
          line,
          message: `entry "${entry.id}": the question "${question}" says the same as "${earlier.question}" in entry "${earlier.entryId}" (line ${earlier.line}): keep it in the one entry that answers it`,
        });
      }
    });
  });
  return findings;
}

/** A word an entry's questions have only misspelt: the right spelling is nowhere in the entry. */
export function misspeltOnly(kb: KnowledgeBase, lineOf: QuestionLine, normaliser = TextNormaliser.default): CheckFinding[] {
  const folds = kb.typoFolds;
  const findings: CheckFinding[] = [];
  kb.entries.forEach((entry, e) => {
    const own = new Set(
      [...entry.questions, entry.title ?? '', entry.answer].flatMap((text) => normaliser.words(text)).map((word) => normaliser.stem(word)),
    );
    const reported = new Set<string>();
    entry.questions.forEach((question, q) => {
      for (const word of normaliser.words(question)) {
        const target = folds.get(normaliser.stem(word));
        if (target === undefined || own.has(target) || reported.has(word)) continue;
        reported.add(word);
        findings.push({
          severity: 'warning',
          entryId: entry.id,
          line: lineOf(e, q),
          message: `entry "${entry.id}": "${word}" appears only misspelt in this entry (read as "${target}…"): add a question with the word spelled right`,
        });
      }
    });
  });
  return findings;
}
