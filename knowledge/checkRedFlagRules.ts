/**
 * kb:check also runs the safety engineer's loader over the red-flag rules file, because a bad rules
 * file stops the bot from starting: better to hear it from the check than from the deploy.
 * The loader's message already names the rule and field; this adds the line where that rule starts.
 */
import { readFileSync } from 'node:fs';
import type { CheckFinding } from './CheckFinding';
import { jsonValueLines } from './jsonLocations';
import { loadRedFlagRules } from '../safety/RedFlagRules';

export function checkRedFlagRules(path: string): CheckFinding[] {
  try {
    loadRedFlagRules(path);
    return [];
  } catch (err) {
    const message = (err as Error).message;
    const ruleId = /rule '([^']+)'/.exec(message)?.[1];
    return [{ severity: 'error', message, entryId: ruleId, line: ruleId === undefined ? undefined : ruleLine(path, ruleId) }];
  }
}

/** The line of the rule (or clarify rule, or screening question) with this id. */
function ruleLine(path: string, ruleId: string): number | undefined {
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
  for (const [pointer, list] of [['/rules', data.rules], ['/clarify', data.clarify], ['/screening/questions', screening]] as const) {
    if (!Array.isArray(list)) continue;
    const index = list.findIndex((item) => (item as { id?: unknown } | null)?.id === ruleId);
    if (index >= 0) return lines.get(`${pointer}/${index}`);
  }
  return undefined;
}
