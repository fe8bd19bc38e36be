/**
 * What a change to the red-flag rules did to every labelled text we hold: each text's outcome before and after, and
 * the texts whose outcome moved, sorted into gained, lost, fewer and more false alarms. A change that loses a line
 * is not ready, whatever a held-out set says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RedFlagDetector } from '../../safety/RedFlagDetector';
import { isCaught, outcomeOf } from './evaluateRedFlags';

/** A text's label ("emergency" | "urgent" | "crisis" | "clarify" | "none") and what the detector made of it. */
export interface TextOutcome {
  readonly expected: string;
  readonly outcome: string;
}

export type Movement = 'gained' | 'lost' | 'fewer false alarms' | 'more false alarms' | 'moved';

export interface OutcomeChange {
  readonly text: string;
  readonly expected: string;
  readonly before: string;
  readonly after: string;
  readonly movement: Movement;
}

const RISK = new Set(['emergency', 'urgent', 'crisis']);
/** How far an outcome goes: a false alarm that goes less far is fewer, one that goes further is more. */
const REACH: Record<string, number> = { none: 0, clarify: 1, urgent: 2, emergency: 3, crisis: 3 };

/** Every distinct labelled text in the .jsonl files under `dataDir`, held-out sets left unread; FAQ labels count as "none". */
export function labelledTexts(dataDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'heldout') walk(path);
      } else if (name.endsWith('.jsonl')) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          const { text, expected } = JSON.parse(line) as { text?: unknown; expected?: unknown };
          if (typeof text !== 'string') continue;
          const label = typeof expected === 'string' && (RISK.has(expected) || expected === 'clarify') ? expected : 'none';
          texts.set(text, label);
        }
      }
    }
  };
  walk(dataDir);
  return texts;
}

export function outcomesOf(detector: RedFlagDetector, texts: ReadonlyMap<string, string>): Map<string, TextOutcome> {
  const outcomes = new Map<string, TextOutcome>();
  for (const [text, expected] of texts) outcomes.set(text, { expected, outcome: outcomeOf(detector.assess(text)) });
  return outcomes;
}

function movementOf(expected: string, before: string, after: string): Movement {
  if (RISK.has(expected)) {
    if (isCaught(expected, after) && !isCaught(expected, before)) return 'gained';
    if (isCaught(expected, before) && !isCaught(expected, after)) return 'lost';
    return 'moved';
  }
  if (expected === 'none') return REACH[after] < REACH[before] ? 'fewer false alarms' : 'more false alarms';
  return 'moved';
}

/** The texts in both runs whose outcome changed. */
export function compareRuns(before: ReadonlyMap<string, TextOutcome>, after: ReadonlyMap<string, TextOutcome>): OutcomeChange[] {
  const changes: OutcomeChange[] = [];
  for (const [text, now] of after) {
    const then = before.get(text);
    if (then === undefined || then.outcome === now.outcome) continue;
    changes.push({
      text,
      expected: now.expected,
      before: then.outcome,
      after: now.outcome,
      movement: movementOf(now.expected, then.outcome, now.outcome),
    });
  }
  return changes;
}

/** One JSON array per line: label, outcome, text. */
export function formatRun(outcomes: ReadonlyMap<string, TextOutcome>): string {
  return [...outcomes].map(([text, { expected, outcome }]) => `${JSON.stringify([expected, outcome, text])}\n`).join('');
}

export function parseRun(lines: string): Map<string, TextOutcome> {
  const outcomes = new Map<string, TextOutcome>();
  for (const line of lines.split('\n')) {
    if (line.trim() === '') continue;
    const [expected, outcome, text] = JSON.parse(line) as [string, string, string];
    outcomes.set(text, { expected, outcome });
  }
  return outcomes;
}
