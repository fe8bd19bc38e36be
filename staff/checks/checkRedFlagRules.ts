/**
 * kb:check also runs the safety engineer's loader over the red-flag rules file, because a bad rules
 * file stops the bot from starting: better to hear it from the check than from the deploy. It also
 * names every rule, word list and wording a clinician has not reviewed yet.
 * The loader's message already names the rule and field; this adds the line where that rule starts.
 */
import { readFileSync } from 'node:fs';
import { jsonValueLines } from '../../faq/jsonLocations';
import { loadRedFlagRules, unreviewed } from '../../safety/RedFlagRules';
import type { CheckFinding } from './CheckFinding';

export function checkRedFlagRules(path: string): CheckFinding[] {
  try {
    const pending = unreviewed(loadRedFlagRules(path));
    if (pending.length === 0) return [];
    // A warning, not an error: the file is valid, but each item needs a clinician's name and date before go-live.
    return [
      {
        severity: 'warning',
        message: `${pending.length} parts of the red-flag rules are not yet reviewed by a clinician (their review.by and review.date are empty): ${pending.join(', ')}`,
      },
    ];
  } catch (err) {
    const message = (err as Error).message;
    const ruleId = /rule '([^']+)'/.exec(message)?.[1];
    // A duplicate is the second rule with the id; anything else is about the first (the only) one.
    const line = ruleId === undefined ? undefined : ruleLine(path, ruleId, /duplicate/i.test(message));
    return [{ severity: 'error', message, entryId: ruleId, line }];
  }
}

/** The line of the rule (or clarify rule, or screening question) with this id. */
function ruleLine(path: string, ruleId: string, last: boolean): number | undefined {
  let text: string;
  let data: Record<string, unknown>;
  try {
    text = readFileSync(path, 'utf8');
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const lines = jsonValueLines(text);
  const screening = (data.screening as { questions?: unknown } | undefined)?.questions;
  for (const [pointer, list] of [
    ['/rules', data.rules],
    ['/clarify', data.clarify],
    ['/screening/questions', screening],
  ] as const) {
    if (!Array.isArray(list)) continue;
    const hasId = (item: unknown) => (item as { id?: unknown } | null)?.id === ruleId;
    const matches = list.flatMap((item, i) => (hasId(item) ? [i] : []));
    const index = last ? matches.at(-1) : matches[0];
    if (index !== undefined) return lines.get(`${pointer}/${index}/id`);
  }
  return undefined;
}
