/**
 * Finds the reviewed concepts (knowledge/red-flags.json `concepts`) in a message's words. An entry is a
 * phrase of words, each matched as written or in any inflection of it ("wet myself" finds "wetting
 * myself"; "feet" does not find "foot", so an entry can insist on a plural); `*` in a phrase
 * skips up to one word and `**` up to three ("no * control" finds "no bladder control"). Entries are
 * cleaned like messages, so a reviewer may write "can't" and it finds "cant", "cannot" and "can not"; an entry
 * in the future with "will" also finds "going to" ("won't be around" finds "not going to be around").
 * Work per word is bounded by the entries starting with that word and the next: linear in the message.
 */
import type { TextCleanup } from '../language/TextCleanup';
import type { Word } from './PatientWords';
import { phraseSteps } from './PhraseSteps';

export interface ConceptMention {
  readonly concept: string;
  /** Word indexes [from, to). */
  readonly from: number;
  readonly to: number;
  readonly language: string;
}

/**
 * A mention as found, made by a class, not an object literal: a long message's mentions all outlive a
 * young-generation collection, and V8 then makes a literal's objects in the old generation (see PatientWords).
 */
class FoundMention implements ConceptMention {
  constructor(
    readonly concept: string,
    readonly from: number,
    readonly to: number,
    readonly language: string,
  ) {}
}

interface Step {
  /** The word as written in the entry: a message word matches it in that form or as its inflection. */
  readonly form: string;
  /** Words that may be skipped before this step. */
  readonly skip: number;
}

interface Entry {
  readonly concept: string;
  readonly language: string;
  readonly steps: readonly Step[];
}

/**
 * The entries starting with one word. Most also need a given word right after it: those are filed by
 * that word, so a common first word ("no", "not", "cannot": a hundred entries each) costs a lookup of
 * the next word's forms, not a try of every entry. `order` keeps the rules file's order among them.
 */
interface FirstWord {
  /** Entries of one word, or whose second word may come after skipped ones. */
  readonly loose: OrderedEntry[];
  readonly byNextForm: Map<string, NextWord>;
}

/** The entries that need one next word: on their own, and with the loose ones in order (built once, at start). */
interface NextWord {
  readonly own: OrderedEntry[];
  withLoose: readonly OrderedEntry[];
}

interface OrderedEntry {
  readonly entry: Entry;
  readonly order: number;
}

/** A concept's phrases per language, as the rules file has them. */
export type ConceptEntries = Readonly<Record<string, { readonly en: readonly string[]; readonly es?: readonly string[] }>>;

const LANGUAGES = ['en', 'es'] as const;

export class ConceptLexicon {
  private readonly byFirstForm = new Map<string, FirstWord>();
  private entries = 0;
  /** Every word an entry uses: the spelling corrector's vocabulary. */
  readonly vocabulary = new Set<string>();

  /** `concepts`: concept id -> language -> phrases. */
  constructor(concepts: ConceptEntries, cleanup: TextCleanup) {
    for (const [concept, byLanguage] of Object.entries(concepts)) {
      for (const language of LANGUAGES) {
        for (const phrase of byLanguage[language] ?? []) {
          for (const variant of futureForms(cleanup.clean(phrase))) this.add({ concept, language, steps: this.compile(variant) });
        }
      }
    }
    for (const first of this.byFirstForm.values())
      for (const next of first.byNextForm.values()) next.withLoose = merged(first.loose, next.own);
  }

  /**
   * Every mention of every concept, in word order (overlaps allowed: each concept is its own reading).
   * Where several entries of one concept start at a word, the longest counts ("no puede hablar bien" over
   * "no puede hablar"), so the context layer reads the words after the whole phrase.
   */
  find(words: readonly Word[]): ConceptMention[] {
    const mentions: ConceptMention[] = [];
    // A local: V8 reads a field again at every turn of a loop that writes to an array.
    const { byFirstForm } = this;
    for (let i = 0; i < words.length; i++) {
      /** Where this word's mentions start in `mentions` (a few at most: searched, not filed). */
      const atThisWord = mentions.length;
      for (const form of words[i].forms) {
        const first = byFirstForm.get(form);
        if (first === undefined) continue;
        for (const { entry } of candidates(first, words, i)) {
          const to = matchFrom(entry.steps, words, i);
          if (to < 0) continue;
          const earlier = indexOfConcept(mentions, atThisWord, entry.concept);
          const mention = new FoundMention(entry.concept, i, to, entry.language);
          if (earlier < 0) mentions.push(mention);
          else if (to > mentions[earlier].to) mentions[earlier] = mention;
        }
      }
    }
    return mentions;
  }

  /** A cleaned phrase's steps (PhraseSteps; a star inside a word is dropped). */
  private compile(phrase: string): Step[] {
    const steps = phraseSteps(phrase).map(({ word, skip }) => ({ form: word.includes('*') ? word.replaceAll('*', '') : word, skip }));
    if (steps.length === 0) throw new Error(`phrase "${phrase}" has no words`);
    for (const { form } of steps) this.vocabulary.add(form);
    return steps;
  }

  private add(entry: Entry): void {
    let first = this.byFirstForm.get(entry.steps[0].form);
    if (first === undefined) {
      first = { loose: [], byNextForm: new Map() };
      this.byFirstForm.set(entry.steps[0].form, first);
    }
    const ordered = { entry, order: this.entries++ };
    const next = entry.steps[1];
    if (next === undefined || next.skip > 0) {
      first.loose.push(ordered);
    } else {
      const entries = first.byNextForm.get(next.form) ?? { own: [], withLoose: [] };
      entries.own.push(ordered);
      first.byNextForm.set(next.form, entries);
    }
  }
}

/** Two lists each in the rules file's order, as one in that order (no entry is in both). */
function merged(a: readonly OrderedEntry[], b: readonly OrderedEntry[]): OrderedEntry[] {
  const out: OrderedEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].order < b[j].order ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The index of `concept`'s mention from `from` on, or -1. */
function indexOfConcept(mentions: readonly ConceptMention[], from: number, concept: string): number {
  for (let k = from; k < mentions.length; k++) if (mentions[k].concept === concept) return k;
  return -1;
}

/** The phrase, and its "going to" future when it says "will" ("will not be here" -> "not going to be here"). */
function futureForms(phrase: string): string[] {
  if (!/\bwill\b/.test(phrase)) return [phrase];
  return [phrase, phrase.replace(/\bwill not\b/g, 'not going to').replace(/\bwill\b/g, 'going to')];
}

/**
 * The entries starting with `first` that the word after `i` allows, in the rules file's order (of two
 * equally long matches of a concept the first is reported, so the order must not change with the filing).
 */
function candidates(first: FirstWord, words: readonly Word[], i: number): readonly OrderedEntry[] {
  const next = words[i + 1];
  if (next === undefined || next.sentence !== words[i].sentence || first.byNextForm.size === 0) return first.loose;
  let one: NextWord | undefined;
  /** Only when two of the next word's forms have entries (rare): their lists merged. */
  let several: OrderedEntry[] | undefined;
  for (const form of next.forms) {
    const entries = first.byNextForm.get(form);
    if (entries === undefined) continue;
    if (one === undefined) one = entries;
    else several = [...(several ?? one.withLoose), ...entries.own];
  }
  if (several !== undefined) return several.sort(byOrder);
  return one === undefined ? first.loose : one.withLoose;
}

function byOrder(a: OrderedEntry, b: OrderedEntry): number {
  return a.order - b.order;
}

/**
 * One past the last word of the entry matched at `start` (same sentence), or -1. Its first word matches: the
 * entry was looked up by one of that word's forms.
 */
function matchFrom(steps: readonly Step[], words: readonly Word[], start: number): number {
  const sentence = words[start].sentence;
  let i = start + 1;
  for (let s = 1; s < steps.length; s++) {
    const step = steps[s];
    let found = -1;
    for (let k = i; k <= i + step.skip; k++) {
      if (matchesAt(step, words, k, sentence)) {
        found = k;
        break;
      }
    }
    if (found < 0) return -1;
    i = found + 1;
  }
  return i;
}

/** A plain function, not a closure: this runs for every word of every message. */
function matchesAt(step: Step, words: readonly Word[], i: number, sentence: number): boolean {
  return i < words.length && words[i].sentence === sentence && words[i].forms.includes(step.form);
}
