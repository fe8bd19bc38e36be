/**
 * Removes what could identify a patient from free text before it is written to a log: email
 * addresses, phone numbers and other long numbers (card, insurance, SSN and NHS numbers), dates
 * with a year (a date of birth), street addresses, US ZIP codes and UK postcodes, and names that
 * follow "my name is" (any spelling) or "I'm" / "I am" / "this is" (capitalised words only: "I'm
 * worried" stays). Used by the transcript log, logged error messages and the unanswered-questions log.
 *
 * Short numbers stay ("8/10", "for 3 weeks", "I'm 62", "since 2019"): they carry the clinical
 * meaning and identify no one. Over-redaction is the safe side: "14/03/2025" goes as a date,
 * "10000 steps" as a ZIP code and "2 miles down the road" as an address.
 *
 * Every pattern is anchored on a boundary (lookbehind) and its repetitions are bounded or cannot
 * overlap, so a 200,000-character message costs one linear pass per pattern.
 */
export const REDACTED_EMAIL = '[email]';
export const REDACTED_PHONE = '[phone]';
export const REDACTED_NUMBER = '[number]';
export const REDACTED_DATE = '[date]';
export const REDACTED_ADDRESS = '[address]';
export const REDACTED_POSTCODE = '[postcode]';
export const REDACTED_NAME = '[name]';

const EMAIL = /(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** 14/03/1958, 14-3-58, 14.03.1958; 14th March 1958, 14 of march, 1958; March 14th, 1958. */
const DATES = [
  /(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/-])/g,
  new RegExp(`(?<![\\w])\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?${MONTH}\\.?,?[ \\t]+\\d{4}(?!\\d)`, 'gi'),
  new RegExp(`(?<![\\w])${MONTH}\\.?[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4}(?!\\d)`, 'gi'),
];

/** Digits joined by at most three spaces, dots, dashes or brackets: "+1 (555) 010-2030", "943 476 5919". */
const DIGIT_GROUPS = /(?<![\w+])\+?\(?\d(?:[\s().-]{0,3}\d)*/g;

/** Seven to fifteen digits is the length of a phone number (E.164 allows at most 15). */
const PHONE_DIGITS = { min: 7, max: 15 };
const LONG_RUN = /\d{6}/;

/** A house number, up to three words, and a street word: "27 Larkspur Road", "1600 Pennsylvania Ave". */
const STREET =
  '(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|court|ct|way|place|pl|crescent|cres|boulevard|blvd|terrace|grove|gardens|square|sq|row|mews|parkway|highway|hwy)';
const ADDRESS = new RegExp(`(?<![\\w])\\d{1,5}[A-Za-z]?,?(?:[ \\t]+[A-Za-z'’-]{1,40}){1,3}?[ \\t]+${STREET}\\b\\.?`, 'gi');

const ZIP = /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/g;
/** UK postcodes: "LS6 2QT", "SW1A 1AA", "m1 1ae". */
const POSTCODE = /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]*\d[A-Za-z]{2}(?![A-Za-z0-9])/g;

/** The words after a cue that may be a name; the replacer decides how many of them are. */
const NAME_CUE =
  /(?<![\p{L}'’])(my name is|my name's|my name’s|my names|name's|name’s|i'm called|i’m called|i am called|i'm|i’m|i am|this is)((?:[ \t]+[\p{L}][\p{L}'’-]{0,40}){1,3})/giu;
const STRONG_CUE = /name|called/i;
/** Words that end a name, or show the words after "I'm" were not one. */
const NOT_A_NAME = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'so',
  'i',
  'im',
  'my',
  'me',
  'it',
  'is',
  'in',
  'on',
  'at',
  'to',
  'of',
  'from',
  'with',
  'for',
  'have',
  'has',
  'had',
  'not',
  'very',
  'really',
  'still',
  'also',
  'just',
  'aged',
  'age',
  'years',
  'year',
  'old',
  'here',
  'there',
  'what',
  'how',
  'when',
  'why',
  'where',
  'who',
  'can',
  'could',
  'would',
  'will',
  'do',
  'does',
  'did',
  'please',
  'thanks',
  'thank',
]);

function redactDigits(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  if (digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) return REDACTED_PHONE;
  if (digits > PHONE_DIGITS.max || LONG_RUN.test(match)) return REDACTED_NUMBER;
  return match;
}

function redactName(match: string, cue: string, words: string): string {
  const strong = STRONG_CUE.test(cue);
  const list = words.trim().split(/[ \t]+/);
  let length = 0;
  while (length < list.length && !NOT_A_NAME.has(list[length].toLowerCase()) && (strong || /^\p{Lu}/u.test(list[length]))) length++;
  if (length === 0) return match;
  return [`${cue} ${REDACTED_NAME}`, ...list.slice(length)].join(' ');
}

export function redactPersonalData(text: string): string {
  let redacted = text.replace(EMAIL, REDACTED_EMAIL);
  for (const date of DATES) redacted = redacted.replace(date, REDACTED_DATE);
  return redacted
    .replace(ADDRESS, REDACTED_ADDRESS)
    .replace(DIGIT_GROUPS, redactDigits)
    .replace(ZIP, REDACTED_POSTCODE)
    .replace(POSTCODE, REDACTED_POSTCODE)
    .replace(NAME_CUE, redactName);
}
