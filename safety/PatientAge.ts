/**
 * Ages as patients give them ("I'm 58", "my 16 year old son", "aged 63", "Call centre worker, 52.", "63yo",
 * "tengo 70 años", "my 8 month old"). One reading serves both users: the age rule (new back pain under or over the
 * screening's age limits is a warning sign, NICE CKS, and patients give the number, not the words "over 50") and the
 * context layer (a young child's wetting; "my 3 year old" names a person). Numbers that measure something else (a
 * pain score, minutes, weeks, kilograms) are not ages.
 */
import type { ConceptMention } from './ConceptLexicon';
import { isDigit, type Word } from './PatientWords';

/** An age in years (0 for "8 months old") and how many words it takes. */
export interface AgeGiven {
  readonly years: number;
  readonly length: number;
}

/** "N years old", "N y o", "N years of age". */
const YEARS = new Set(['year', 'years', 'yr', 'yrs', 'y']);
const OLD = new Set(['old', 'o', 'of']);
const MONTHS = new Set(['month', 'months', 'mo', 'meses']);
/** Words after a number that make it an age on their own ("15yo", "70 años", "3 añitos" cleaned). */
const AGE_WORDS = new Set(['yo', 'yos', 'ano', 'anos', 'años', 'anito', 'anitos']);
/** "63yo", "16yrs": an age run into its unit. */
const JOINED_AGE = /^(\d{1,3})(yo|yrs?|y)$/;
/** Words right before a number that make it an age ("I'm 14", "aged 63", "he's 3"). */
const SAYS_AGE = new Set(['aged', 'age', 'im', 'am', 'hes', 'shes', 'turned', 'turning', 'tengo', 'tiene', 'edad']);
/** Of those, the ones the writer uses of themselves. */
const WRITER_SAYS = new Set(['im', 'am', 'tengo']);
/** "at 72": an age only from this value ("woke at 3", "at 20 past" are times); the screening's upper limit is above it. */
const OLDEST_AT_FROM = 40;
/**
 * "57M", "45F": an age run into the writer's sex, read only where it stands alone in its clause or opens the message
 * ("59m new back pain"); "took 45m" is minutes.
 */
const AGE_AND_SEX = /^(\d{1,3})(m|f)$/;
/** The plausible span of a human age: anything else is a count or a measure. */
const OLDEST = 110;
/** A number alone in its clause ("Student, 19, getting…") is an age only from this value: "pain, 8" is a score. */
const YOUNGEST_ALONE = 10;

/**
 * The age the number at word `at` gives, or undefined. `people`: words for the people a writer reports about, so
 * "my son is 15" is an age and "the pain is 8" is not.
 */
export function ageAt(words: readonly Word[], at: number, people: ReadonlySet<string>): AgeGiven | undefined {
  const text = words[at].text;
  if (!isDigit(text.charCodeAt(0))) return undefined; // most words are not numbers: a plain test first
  const joined = JOINED_AGE.exec(text);
  if (joined) return plausible(Number(joined[1]), 1);
  const withSex = AGE_AND_SEX.exec(text);
  if (withSex)
    return (at === 0 || standsAlone(words, at)) && Number(withSex[1]) >= YOUNGEST_ALONE ? plausible(Number(withSex[1]), 1) : undefined;
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const years = Number(text);
  const next = words[at + 1]?.text ?? '';
  if (YEARS.has(next) && OLD.has(words[at + 2]?.text ?? '')) return plausible(years, 3);
  if (AGE_WORDS.has(next)) return plausible(years, 2);
  const before = words[at - 1]?.text ?? '';
  const said =
    SAYS_AGE.has(before) ||
    (before === 'is' && people.has(words[at - 2]?.text ?? '')) ||
    // "mum's 81" (cleaned "mums 81"), "first back pain at 72"
    (before.endsWith('s') && people.has(before.slice(0, -1))) ||
    (before === 'at' && years >= OLDEST_AT_FROM);
  // A baby's age in months: "8 months old", "de 8 meses", "she's 8 months" (never the writer's: "I'm 3 months into physio").
  if (MONTHS.has(next) && (words[at + 2]?.text === 'old' || before === 'de' || (said && !WRITER_SAYS.has(before))))
    return { years: 0, length: words[at + 2]?.text === 'old' ? 3 : 2 };
  if (said && (!sameClause(words[at], words[at + 1]) || (!MEASURES.has(next) && !/^\d/.test(next)))) return plausible(years, 1);
  // "Call centre worker, 52." — a number that is a clause of its own; "57 and first time ever with back pain".
  const opens = !sameClause(words[at - 1], words[at]) && next === 'and';
  return (standsAlone(words, at) || opens) && years >= YOUNGEST_ALONE ? plausible(years, 1) : undefined;
}

export class PatientAge {
  /**
   * `under`, `over`: ages outside which new back pain is a warning sign (red-flags.json `screening.thresholds`);
   * `people`: see ageAt (the context layer's, cleaned like messages); `concept`: the concept an age at risk is read as.
   */
  constructor(
    private readonly under: number,
    private readonly over: number,
    private readonly people: ReadonlySet<string>,
    private readonly concept: string,
  ) {}

  /** Mentions of the age concept where an age under or over the limits stands. */
  find(words: readonly Word[]): ConceptMention[] {
    const mentions: ConceptMention[] = [];
    for (let i = 0; i < words.length; i++) {
      const age = ageAt(words, i, this.people);
      // A baby's age (0) is no patient's: the rule is for new back pain in the young and the old.
      if (age !== undefined && age.years > 0 && (age.years < this.under || age.years > this.over))
        mentions.push({ concept: this.concept, from: i, to: i + age.length, language: 'en' });
    }
    return mentions;
  }
}

/** Units and words that make the number after "I'm" a measure, not an age ("I'm 9 weeks pregnant", "8 out of 10"). */
const MEASURES = new Set([
  ...['second', 'seconds', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days'],
  ...['week', 'weeks', 'wk', 'wks', 'month', 'months', 'year', 'years', 'yr', 'yrs', 'times', 'time', 'out', 'of'],
  ...['kg', 'kgs', 'kilo', 'kilos', 'stone', 'st', 'lb', 'lbs', 'pound', 'pounds', 'foot', 'feet', 'ft', 'inch', 'inches'],
  ...['cm', 'm', 'mg', 'percent', 'per', 'am', 'pm', 'oclock', 'miles', 'mile', 'km', 'degrees', 'tablets', 'pills', 'sessions'],
  ...['dias', 'semanas', 'meses', 'horas', 'minutos', 'veces'],
]);

function standsAlone(words: readonly Word[], at: number): boolean {
  return !sameClause(words[at - 1], words[at]) && !sameClause(words[at], words[at + 1]);
}

function sameClause(a: Word | undefined, b: Word | undefined): boolean {
  return a !== undefined && b !== undefined && a.sentence === b.sentence && a.clause === b.clause;
}

function plausible(years: number, length: number): AgeGiven | undefined {
  return years > 0 && years <= OLDEST ? { years, length } : undefined;
}
