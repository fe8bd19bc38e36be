/**
 * Reads the screening's context answers from free text with recognizers-text: how long symptoms
 * have lasted, pain on a 0–10 scale, and age. Forms the recognizers get wrong are handled first:
 * "8/10" is a fraction (0.8) to them, and "about 8 out of 10" is NaN.
 */
import { recognizers } from '../language/recognizers';

const SECONDS_PER_WEEK = 7 * 24 * 3600;

/** Weeks, from "about three weeks", "2 months", "since yesterday"-style durations. */
export function parseDurationWeeks(text: string): number | undefined {
  const { recognizeDateTime, Culture } = recognizers();
  for (const result of recognizeDateTime(text, Culture.English)) {
    const values = (result.resolution as { values?: { type?: string; value?: string }[] } | undefined)?.values ?? [];
    const duration = values.find((value) => value.type === 'duration' && value.value !== undefined);
    if (duration) return Number(duration.value) / SECONDS_PER_WEEK;
  }
  return undefined;
}

export function parsePainScore(text: string): number | undefined {
  const outOfTen = /(\d{1,2}(?:\.\d+)?)\s*(?:\/|out of|outta|of)\s*10\b/i.exec(text);
  const value = outOfTen ? Number(outOfTen[1]) : firstNumber(text);
  return value !== undefined && value >= 0 && value <= 10 ? value : undefined;
}

export function parseAge(text: string): number | undefined {
  const value = firstNumber(text);
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 120 ? value : undefined;
}

function firstNumber(text: string): number | undefined {
  const { recognizeNumber, Culture } = recognizers();
  for (const result of recognizeNumber(text, Culture.English)) {
    const value = Number((result.resolution as { value?: string } | undefined)?.value);
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}

/**
 * Loading the recognizers and the first DateTime recognition cost ~0.5–0.8 s: start-up runs these
 * after the server listens, one per macrotask, so a turn arriving meanwhile waits for one step at most.
 */
export const CONTEXT_RECOGNIZERS_WARM_UP: ReadonlyArray<() => unknown> = [
  recognizers,
  () => parsePainScore('about 7'),
  () => parseAge('I am 40 years old'),
  () => parseDurationWeeks('for three weeks'),
];
