/**
 * The trace contracts read by the Emulator and evaluation tools. A turn returns its traces in its
 * TurnOutcome; TurnDelivery sends them on the Emulator only.
 *  - FaqMatch: one per turn that consults the knowledge base; scores are the matcher's 0..1, higher
 *    is better; `answerId` is null when nothing was answered (fallback, "did you mean").
 *  - RedFlag: one per escalation, with the ids of the rules that fired (none for a clarifying question).
 */
import type { ScoredEntry } from '../faq/FaqDecision';
import type { Urgency } from '../safety/SafetyAssessment';

interface TraceContract<Value> {
  readonly name: string;
  readonly label: string;
  readonly valueType: string;
  /** Only carries the value's type. */
  readonly value?: Value;
}

export const FAQ_MATCH: TraceContract<{ query: string; answerId: string | null; candidates: readonly ScoredEntry[] }> = Object.freeze({
  name: 'FaqMatch',
  label: 'FAQ match',
  valueType: 'https://sciatica-bot/schemas/faq-match',
});

export const RED_FLAG: TraceContract<{ urgency: Urgency; flags: readonly string[] }> = Object.freeze({
  name: 'RedFlag',
  label: 'Red flag',
  valueType: 'https://sciatica-bot/schemas/red-flag',
});

/** A trace as a turn returns it; TurnDelivery makes it a `trace` activity. */
export interface Trace {
  readonly name: string;
  readonly label: string;
  readonly valueType: string;
  readonly value: unknown;
}

export function trace<Value>(contract: TraceContract<Value>, value: Value): Trace {
  return { name: contract.name, label: contract.label, valueType: contract.valueType, value };
}
