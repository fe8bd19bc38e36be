/**
 * A weight told twice, the later one lower ("I was 82kg in August, now 71kg", "from 14 stone to twelve and a
 * half"): patients often give the numbers, not the word "lost". It is read as a mention of the concepts the
 * weight-loss rule names (a loss and a unit) where the later weight stands, so that rule and the context layer
 * ("not dieting", "on purpose", someone else's weight) read it like any other wording.
 */
import type { ConceptMention } from './ConceptLexicon';
import { isDigit, type Word } from './PatientWords';

const KG_PER_POUND = 0.4536;
const KG_PER_STONE = 6.35;
/** Kilograms per unit, as patients write them (UK stone, US pounds). */
const KG_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ...['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramos'].map((u) => [u, 1] as const),
  ...['lb', 'lbs', 'pound', 'pounds', 'libras'].map((u) => [u, KG_PER_POUND] as const),
  ...['st', 'stone', 'stones'].map((u) => [u, KG_PER_STONE] as const),
]);
/** Number words patients use for weights in stone ("twelve and a half"). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, i) => [word, i + 1] as const),
);
/** Words right before the later weight that make it the weight now ("now 71kg", "from 14 stone to 12"). */
const NOW: ReadonlySet<string> = new Set(['now', 'to', 'today', 'currently', 'ahora', 'presently']);
/** How far apart (words) the two weights may stand. */
const REACH = 20;
/** How far before the later weight its "now" may stand ("now he is 59 kg"). */
const NOW_REACH = 4;

/** A weight the message gives (weightsIn): read once a message, for both find and withoutSmallLosses. */
export interface Weight {
  readonly kg: number;
  /** Word indexes [from, to) of the number and its unit. */
  readonly from: number;
  readonly to: number;
  /** Kilograms per unit of the weight's unit (the earlier weight's, when the later one borrows it). */
  readonly perUnit: number;
}

export class WeightChange {
  /** `dropKg`: the least fall between the two weights that counts (red-flags.json). */
  constructor(
    private readonly dropKg: number,
    private readonly concepts: { readonly loss: string; readonly unit: string },
  ) {}

  /** Mentions of a loss and its unit where a later, lower weight stands (`weights`: the message's, weightsIn). */
  find(words: readonly Word[], weights: readonly Weight[]): ConceptMention[] {
    const mentions: ConceptMention[] = [];
    for (let k = 1; k < weights.length; k++) {
      const later = weights[k];
      const earlier = weights[k - 1];
      if (later.from - earlier.to > REACH || earlier.kg - later.kg < this.dropKg || !saidAsNow(words, later.from)) continue;
      // Both where the later weight stands: its number tells the loss, and its unit (or the one it borrows) the unit.
      for (const concept of [this.concepts.loss, this.concepts.unit])
        mentions.push({ concept, from: later.from, to: later.to, language: 'en' });
    }
    return mentions;
  }

  /**
   * The mentions without a loss that is no weight lost. A loss whose own sentence gives its amount, all of it under
   * `dropKg` ("lost a bit of weight, 3 lbs maybe"), is a day's swing on the scales; a rate ("3 lbs a week") is not
   * a small amount, and a sentence that also gives a larger weight keeps its loss. A loss whose sentence gives a
   * dose and no weight ("down to 2 a day", "from 4 co-codamol a day to 2") is a medicine cut down.
   */
  withoutSmallLosses(words: readonly Word[], weights: readonly Weight[], mentions: readonly ConceptMention[]): readonly ConceptMention[] {
    const { loss, unit } = this.concepts;
    if (!mentions.some((m) => m.concept === loss)) return mentions;
    // Per sentence, not per mention: a long message names a loss word ("down") in most of its sentences.
    const withUnit = new Set(mentions.filter((m) => m.concept === unit).map((m) => words[m.from].sentence));
    const dose = new Map<number, boolean>();
    return mentions.filter((m) => {
      if (m.concept !== loss) return true;
      const sentence = words[m.from].sentence;
      const told = weights.length === 0 ? weights : weights.filter((w) => words[w.from].sentence === sentence);
      if (told.length > 0) return told.some((w) => w.kg >= this.dropKg || isRate(words, w.to));
      if (withUnit.has(sentence)) return true;
      let tellsDose = dose.get(sentence);
      if (tellsDose === undefined) {
        tellsDose = tellsADose(words, m.from);
        dose.set(sentence, tellsDose);
      }
      return !tellsDose;
    });
  }
}

/** Words between a dose's number and its rate ("4 co-codamol a day"). */
const DOSE_NOUN_REACH = 2;
const DOSE_PERIODS: ReadonlySet<string> = new Set(['day', 'night']);

/** Whether word `at`'s sentence gives a number so many a day or a night ("2 a day", "one at night", "4 tablets daily"). */
function tellsADose(words: readonly Word[], at: number): boolean {
  const { sentence } = words[at];
  let from = at;
  while (from > 0 && words[from - 1].sentence === sentence) from--;
  for (let i = from; i < words.length && words[i].sentence === sentence; i++) {
    if (numberAt(words, i) === undefined) continue;
    for (let k = i + 1; k <= i + 1 + DOSE_NOUN_REACH && k < words.length && words[k].sentence === sentence; k++) {
      const text = words[k].text;
      if (text === 'daily' || text === 'nightly' || ((RATE_WORDS.has(text) || text === 'at') && DOSE_PERIODS.has(words[k + 1]?.text ?? '')))
        return true;
    }
  }
  return false;
}

/** Words that make an amount a rate ("3 lbs a week", "a pound every fortnight"): no small amount. */
const RATE_WORDS: ReadonlySet<string> = new Set(['a', 'per', 'every', 'each', 'an']);
const PERIODS: ReadonlySet<string> = new Set(['day', 'week', 'fortnight', 'month']);

function isRate(words: readonly Word[], at: number): boolean {
  const next = words[at]?.text ?? '';
  return next === 'weekly' || next === 'monthly' || (RATE_WORDS.has(next) && PERIODS.has(words[at + 1]?.forms.at(-1) ?? ''));
}

function saidAsNow(words: readonly Word[], at: number): boolean {
  for (let i = Math.max(0, at - NOW_REACH); i < at; i++) if (NOW.has(words[i].text)) return true;
  return false;
}

/** Every weight in the message, in order: a number and a unit ("82kg", "14 stone 3", "twelve and a half stone"). */
export function weightsIn(words: readonly Word[]): Weight[] {
  const weights: Weight[] = [];
  for (let i = 0; i < words.length; i++) {
    // Every weight starts with a digit or a number word: most words are neither (a plain test, no regex).
    if (!isDigit(words[i].text.charCodeAt(0)) && !NUMBER_WORDS.has(words[i].text)) continue;
    const joined = /^(\d{1,3})([a-z]+)$/.exec(words[i].text);
    if (joined && KG_PER_UNIT.has(joined[2])) {
      // "81.5kg" reaches here as "81" and "5kg": the clean-up splits at the decimal point.
      const whole = joined[1].length === 1 && /^\d{1,3}$/.test(words[i - 1]?.text ?? '') ? Number(words[i - 1].text) : undefined;
      const value = whole === undefined ? Number(joined[1]) : whole + Number(joined[1]) / 10;
      const from = whole === undefined ? i : i - 1;
      const perUnit = KG_PER_UNIT.get(joined[2]) ?? 0;
      weights.push(withPart(words, { kg: value * perUnit, from, to: i + 1, perUnit }));
      continue;
    }
    const number = numberAt(words, i);
    if (number === undefined) continue;
    const unitAt = i + number.length;
    const perUnit = KG_PER_UNIT.get(words[unitAt]?.text ?? '');
    if (perUnit === undefined) {
      // "from 14 stone to twelve and a half": the later number borrows the earlier one's unit.
      const before = weights[weights.length - 1];
      if (before && i - before.to <= NOW_REACH && words[i - 1]?.text === 'to')
        weights.push({ kg: number.value * before.perUnit, from: i, to: unitAt, perUnit: before.perUnit });
      continue;
    }
    weights.push(withPart(words, { kg: number.value * perUnit, from: i, to: unitAt + 1, perUnit }));
    i = unitAt;
  }
  return weights;
}

/** "14 stone 3": the pounds after a weight in stone. */
function withPart(words: readonly Word[], weight: Weight): Weight {
  if (weight.perUnit !== KG_PER_STONE) return weight;
  const pounds = /^\d{1,2}$/.test(words[weight.to]?.text ?? '') ? Number(words[weight.to].text) : undefined;
  return pounds === undefined ? weight : { ...weight, kg: weight.kg + pounds * KG_PER_POUND, to: weight.to + 1 };
}

/** A number at word `i`: digits (a decimal split by the clean-up: "12 5"), or a word, with "and a half". */
function numberAt(words: readonly Word[], i: number): { value: number; length: number } | undefined {
  const text = words[i].text;
  let value: number | undefined;
  let length = 1;
  if (/^\d{1,3}$/.test(text)) {
    value = Number(text);
    if (/^\d$/.test(words[i + 1]?.text ?? '') && KG_PER_UNIT.has(words[i + 2]?.text ?? '')) {
      value += Number(words[i + 1].text) / 10;
      length = 2;
    }
  } else value = NUMBER_WORDS.get(text);
  if (value === undefined) return undefined;
  if (words[i + length]?.text === 'and' && words[i + length + 1]?.text === 'a' && words[i + length + 2]?.text === 'half') {
    value += 0.5;
    length += 3;
  }
  return { value, length };
}
