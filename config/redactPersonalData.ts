/**
 * Removes what could identify a patient from free text before it is written to a log: email
 * addresses, phone numbers and other long numbers (card, insurance, health-service numbers).
 * Used by the transcript log, logged error messages and the unanswered-questions log.
 *
 * Short numbers stay ("8/10", "for 3 weeks", "I'm 62", "since 2019"): they carry the clinical
 * meaning and identify no one. Over-redaction is the safe side: a date written "2024-01-15" has
 * eight digits and is removed too.
 *
 * Every pattern is anchored on a boundary (lookbehind), so a 200,000-character message costs one
 * linear pass, not one pass per starting position.
 */
export const REDACTED_EMAIL = '[email]';
export const REDACTED_PHONE = '[phone]';
export const REDACTED_NUMBER = '[number]';

const EMAIL = /(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Digits joined by at most three spaces, dots, dashes or brackets: "+1 (555) 010-2030", "943 476 5919". */
const DIGIT_GROUPS = /(?<![\w+])\+?\(?\d(?:[\s().-]{0,3}\d)*/g;

/** Seven to fifteen digits is the length of a phone number (E.164 allows at most 15). */
const PHONE_DIGITS = { min: 7, max: 15 };
const LONG_RUN = /\d{6}/;

function redactDigits(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  if (digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) return REDACTED_PHONE;
  if (digits > PHONE_DIGITS.max || LONG_RUN.test(match)) return REDACTED_NUMBER;
  return match;
}

export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, REDACTED_EMAIL).replace(DIGIT_GROUPS, redactDigits);
}
