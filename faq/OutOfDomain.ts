/**
 * Whether a message is about something no FAQ entry covers: another body part, condition or species
 * (knowledge/out-of-domain.json, reviewed by a clinician). Matching scores only lower a message for
 * words the FAQ has never seen, so "can a cortisone injection help my knee" scored as a cortisone
 * question; this decides before scoring. A body part or condition counts only when the message names
 * nothing on the sciatic nerve's path ("pain from my buttock to my knee" stays a sciatica question);
 * a species always counts.
 */

import domainData from '../knowledge/out-of-domain.json';
import type { QuestionWords } from './Lexicon';
import type { TextNormaliser } from './TextNormaliser';

export interface DomainLists {
  readonly bodyParts: readonly string[];
  readonly conditions: readonly string[];
  readonly species: readonly string[];
  readonly sciaticaWords: readonly string[];
  /** Sayings in which a listed word names nothing ("everyone and their dog"): left out before the search. */
  readonly idioms: readonly string[];
}

export class OutOfDomain {
  static readonly default = new OutOfDomain(domainData);

  private readonly elsewhere: ReadonlySet<string>;
  private readonly species: ReadonlySet<string>;
  private readonly sciatica: ReadonlySet<string>;
  /** The sayings' expression over any letters; parsed on first use (~13 ms: a message that is not ASCII, rare). */
  private readonly idiomsSource: string | undefined;
  private idioms: RegExp | undefined;
  /** The same sayings for text of ASCII characters alone (see withoutIdioms); undefined when one is not ASCII. */
  private readonly asciiIdioms: RegExp | undefined;

  constructor(lists: DomainLists) {
    const sayings = lists.idioms.map((idiom) => idiom.replace(/[^\p{L}\p{N}]+/gu, '[^\\p{L}\\p{N}]+'));
    this.idiomsSource = sayings.length === 0 ? undefined : `(?<![\\p{L}])(?:${sayings.join('|')})(?![\\p{L}])`;
    const ascii = lists.idioms.every((idiom) => /^[a-z0-9]*$/i.test(idiom.replace(/[^\p{L}\p{N}]+/gu, '')));
    const asciiSayings = lists.idioms.map((idiom) => idiom.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '[^a-z0-9]+'));
    this.asciiIdioms = sayings.length === 0 || !ascii ? undefined : new RegExp(`(?<![a-z])(?:${asciiSayings.join('|')})(?![a-z])`, 'g');
    this.elsewhere = new Set([...lists.bodyParts, ...lists.conditions]);
    this.species = new Set(lists.species);
    this.sciatica = new Set(lists.sciaticaWords);
  }

  /**
   * For each listed word some FAQ question uses, the entries using it. Out of domain means no entry
   * covers it: "a pillow between my knees" is still answered when its best match is the entry that asks
   * it, while "can a cortisone injection help my knee" is not a cortisone question.
   */
  coverage(questions: QuestionWords, entryIdOfQuestion: (question: number) => string): Map<string, Set<string>> {
    // Each distinct question word is looked up once; only the few listed ones are traced to their questions.
    const listed = questions.words.map((word) => this.listed(word));
    const covered = new Map<string, Set<string>>();
    for (let q = 0; q + 1 < questions.start.length; q++) {
      for (let j = questions.start[q]; j < questions.start[q + 1]; j++) {
        const word = listed[questions.items[j]];
        if (word === undefined) continue;
        if (!covered.has(word)) covered.set(word, new Set());
        covered.get(word)?.add(entryIdOfQuestion(q));
      }
    }
    return covered;
  }

  /** The out-of-domain word (as listed) the message is about, or undefined when it may be a sciatica question. */
  find(text: string, normaliser: TextNormaliser): string | undefined {
    return this.search(text, normaliser, false);
  }

  /**
   * find() for a message whose question was found in a longer story (QuestionFocus): the question first;
   * then, when the question does not speak of the writer ("what helps it?", "would ice help him?"), the
   * whole message, because what it asks about was named in the story ("our spaniel…", "my daughter has
   * Osgood-Schlatter…"). There a species counts only when the story names nothing on the nerve's path
   * either: "I was walking the dog when my back went… how long will it take to heal?" is about sciatica.
   * A question in the first person ("what should I do?") keeps to itself, unless it leans on what the
   * story named ("carpal tunnel… how do I sleep with it?").
   */
  findInMessage(message: string, focus: string | undefined, normaliser: TextNormaliser): string | undefined {
    if (focus === undefined) return this.find(message, normaliser);
    const inQuestion = this.find(focus, normaliser);
    if (inQuestion !== undefined || (FIRST_PERSON.test(focus) && !LEANS_BACK.test(focus))) return inQuestion;
    return this.search(message, normaliser, true);
  }

  /** The out-of-domain word of `text`; a species is overridden by the nerve's path only when `speciesOverridden`. */
  private search(text: string, normaliser: TextNormaliser, speciesOverridden: boolean): string | undefined {
    let other: string | undefined;
    let onThePath = false;
    const literal = this.withoutIdioms(text);
    for (const word of normaliser.words(literal)) {
      const one = singular(word);
      const species = this.species.has(word) ? word : this.species.has(one) ? one : undefined;
      if (species !== undefined && !speciesOverridden) return species;
      onThePath ||= this.sciatica.has(word) || this.sciatica.has(one);
      if (other === undefined && (this.elsewhere.has(word) || this.elsewhere.has(one)) && !onlyInCompounds(word, literal))
        other = this.elsewhere.has(word) ? word : one;
      other ??= species;
    }
    return onThePath ? undefined : other;
  }

  /**
   * `text` with each saying replaced by a space. On ASCII text (nearly every message) the ASCII twin of the
   * sayings' expression finds exactly the same: there a letter is [A-Za-z] and case folding is lower case.
   * V8 compiles the Unicode, case-folding one in ~80 ms, on its first use: the first FAQ question after a
   * start. The twin compiles in about a millisecond.
   */
  private withoutIdioms(text: string): string {
    if (this.idiomsSource === undefined) return text;
    if (this.asciiIdioms === undefined || !ASCII.test(text)) {
      this.idioms ??= new RegExp(this.idiomsSource, 'giu');
      return text.replace(this.idioms, ' ');
    }
    // An exec loop, not matchAll: matchAll copies the expression on every call, ~25 times the search itself.
    const sayings = this.asciiIdioms;
    const lower = text.toLowerCase();
    let out = '';
    let from = 0;
    sayings.lastIndex = 0;
    for (let saying = sayings.exec(lower); saying !== null; saying = sayings.exec(lower)) {
      out += `${text.slice(from, saying.index)} `;
      from = saying.index + saying[0].length;
    }
    return out + text.slice(from);
  }

  /** The listed form of a word (species, body part or condition), or undefined. */
  private listed(word: string): string | undefined {
    const one = singular(word);
    return [word, one].find((w) => this.species.has(w) || this.elsewhere.has(w));
  }
}

const ASCII = /^[\x00-\x7f]*$/;
/** Words by which a question leans on what the story named: "how do I sleep with it?" is about the story's wrist. */
const LEANS_BACK = /\b(?:it|this|that|them|those)\b/i;
/** Words by which a question speaks of its writer. */
const FIRST_PERSON = /\b(?:i|me|my|mine|myself|im)\b/i;

/**
 * Whether `word` occurs in `text` only inside hyphenated compounds: "hands-on treatment", "a knee-jerk
 * reaction", "heart-breaking" name no hand, knee or heart.
 */
function onlyInCompounds(word: string, text: string): boolean {
  if (!text.includes('-')) return false;
  const alone = new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])`, 'iu');
  return !alone.test(text.normalize('NFKD'));
}

/** "knees" → "knee", "teeth" stays (listed as is), "migraines" → "migraine". */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
