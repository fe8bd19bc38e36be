/**
 * An age as patients give it ("I'm 58", "my 16 year old son", "aged 63", "Call centre worker, 52.", "63yo",
 * "tengo 70 años"): new back pain under or over the screening's age limits is a warning sign (NICE CKS), and
 * patients give the number, not the words "over 50". Such an age is read as a mention of the age concept where it
 * stands, so the rule that needs it and the context layer (someone else's, a question) read it like any wording.
 * Numbers that measure something else (a pain score, minutes, weeks, kilograms) are not ages.
 */
import type { ConceptMention } from './ConceptLexicon';
import type { Word } from './PatientWords';

/** Words after "N years" that make it an age, and single words that do on their own ("yo", "años"). */
const YEARS = new Set(['year', 'years', 'yr', 'yrs', 'y']);
const OLD = new Set(['old', 'o', 'of']);
const AGE_WORDS = new Set(['yo', 'yos', 'anos', 'años']);
/** "63yo", "16yrs": an age run into its unit. */
const JOINED_AGE = /^(\d{1,3})(yo|yrs?|y)$/;
/** Words right before a number that make it the writer's (or a named person's) age. */
const SAYS_AGE = new Set(['aged', 'age', 'im', 'am', 'turned', 'turning', 'tengo', 'tiene', 'edad']);
/** The plausible span of a human age: anything else is a count or a measure. */
const OLDEST = 110;
/** A number alone in its clause ("Student, 19, getting…") is an age only from this value: "pain, 8" is a score. */
const YOUNGEST_ALONE = 10;

export class PatientAge {
  /**
   * `under`, `over`: ages outside which new back pain is a warning sign (red-flags.json `screening.thresholds`);
   * `people`: words for the people a writer reports about ("my son is 15"); `concept`: the concept an age at
   * risk is read as.
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
      const age = this.ageAt(words, i);
      if (age !== undefined && (age.years < this.under || age.years > this.over))
        mentions.push({ concept: this.concept, from: i, to: i + age.length, language: 'en' });
    }
    return mentions;
  }

  private ageAt(words: readonly Word[], i: number): { years: number; length: number } | undefined {
    const text = words[i].text;
    const code = text.charCodeAt(0);
    if (code < 48 || code > 57) return undefined; // most words are not numbers: a plain test first
    const joined = JOINED_AGE.exec(text);
    if (joined) return plausible(Number(joined[1]), 1);
    if (!/^\d{1,3}$/.test(text)) return undefined;
    const years = Number(text);
    const next = words[i + 1]?.text ?? '';
    // "16 year old", "58 y o", "63 years of age", "70 años"
    if (YEARS.has(next) && OLD.has(words[i + 2]?.text ?? '')) return plausible(years, 3);
    if (AGE_WORDS.has(next)) return plausible(years, 2);
    const before = words[i - 1]?.text ?? '';
    // "I'm 14 and…", "aged 63"; "is 15" only after a person ("my son is 15"): "the pain is 8" is a score.
    const said = SAYS_AGE.has(before) || (before === 'is' && this.people.has(words[i - 2]?.text ?? ''));
    if (said && !sameClause(words[i], words[i + 1])) return plausible(years, 1);
    if (said && !MEASURES.has(next) && !/^\d/.test(next)) return plausible(years, 1);
    // "Call centre worker, 52." — a number that is a clause of its own.
    const alone = !sameClause(words[i - 1], words[i]) && !sameClause(words[i], words[i + 1]);
    return alone && years >= YOUNGEST_ALONE ? plausible(years, 1) : undefined;
  }
}

/** Units and words that make the number after "I'm" a measure, not an age ("I'm 9 weeks pregnant", "8 out of 10"). */
const MEASURES = new Set([
  ...['second', 'seconds', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days'],
  ...['week', 'weeks', 'wk', 'wks', 'month', 'months', 'year', 'years', 'yr', 'yrs', 'times', 'time', 'out', 'of'],
  ...['kg', 'kgs', 'kilo', 'kilos', 'stone', 'st', 'lb', 'lbs', 'pound', 'pounds', 'foot', 'feet', 'ft', 'inch', 'inches'],
  ...['cm', 'm', 'mg', 'percent', 'per', 'am', 'pm', 'oclock', 'miles', 'mile', 'km', 'degrees', 'tablets', 'pills', 'sessions'],
  ...['dias', 'semanas', 'meses', 'horas', 'minutos', 'kilos', 'veces'],
]);

function sameClause(a: Word | undefined, b: Word | undefined): boolean {
  return a !== undefined && b !== undefined && a.sentence === b.sentence && a.clause === b.clause;
}

function plausible(years: number, length: number): { years: number; length: number } | undefined {
  return years > 0 && years <= OLDEST ? { years, length } : undefined;
}
