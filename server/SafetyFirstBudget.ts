/**
 * Turn budgets that never leave a patient without safety advice. Everyday messages share one
 * budget; a message over it that may describe a red flag gets a larger budget of its own (a
 * patient in trouble may write fast, but a flood of red-flag wording must not buy unlimited
 * turns), and beyond that one the refusal carries the safety advice itself.
 */
import type { RedFlagCheck } from '../bot/framework/RedFlagCheck';
import type { RateDecision } from './RateLimiter';

export interface TurnRefusal {
  readonly retryAfterSeconds: number;
  /** Set when the refused message may describe a red flag: the advice to show instead of a turn. */
  readonly safetyAdvice?: string;
}

/** Turns a red-flag message's check into the advice for its refusal. */
export type SafetyAdvice = (check: RedFlagCheck) => string;

/** What the HTTP endpoints need from the safety stage. */
export interface SafetyGate {
  /** A check of this text, run when first asked, then handed to the turn. */
  check(text: string): RedFlagCheck;
  readonly advice: SafetyAdvice;
}

/**
 * `everyday` is the everyday budget's decision; `redFlagAllowance` is asked (and the message
 * checked for red flags, once) only when that budget is spent.
 */
export function refusalFor(
  everyday: RateDecision,
  check: RedFlagCheck,
  redFlagAllowance: () => RateDecision,
  advice: SafetyAdvice,
): TurnRefusal | undefined {
  if (everyday.allowed) return undefined;
  if (!check.mayBeRedFlag) return { retryAfterSeconds: everyday.retryAfterSeconds };
  const allowance = redFlagAllowance();
  return allowance.allowed ? undefined : { retryAfterSeconds: allowance.retryAfterSeconds, safetyAdvice: advice(check) };
}
