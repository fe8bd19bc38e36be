/**
 * Whether a message is about something no FAQ entry covers: another body part, condition, species or
 * everyday topic (knowledge/out-of-domain.json, reviewed by a clinician). Matching scores only lower a message for
 * words the FAQ has never seen, so "can a cortisone injection help my knee" scored as a cortisone
 * question; this decides before scoring. What the message also names of the sciatic nerve's path can
 * override it (see search): "pain from my buttock to my knee" stays a sciatica question, "gout in my
 * big toe" does not.
 */

import domainData from '../knowledge/out-of-domain.json';
import type { QuestionWords } from './Lexicon';
import { TextNormaliser } from './TextNormaliser';

/** Words of one kind, with where a clinician can check them ("NHS Health A to Z"). */
export interface WordFamily {
  readonly id: string;
  readonly source: string;
  /** Lower case, singular; an entry of several words ("restless legs") is a phrase. */
  readonly words: readonly string[];
}

export interface DomainLists {
  readonly bodyParts: readonly WordFamily[];
  /** Diagnoses elsewhere (gout, shingles): only sciatica itself or the spine's words override them. */
  readonly conditions: readonly WordFamily[];
  /** Everyday complaints that also describe or come with sciatica ("a zap when I cough"): overridden like a body part. */
  readonly complaints: readonly string[];
  readonly species: readonly WordFamily[];
  /** People named after animals they work with ("sheep farmer", "dog walker"): no animal is meant. */
  readonly speciesPeople: readonly string[];
  /** Words for sciatica itself: they override a body part or condition named beside them. */
  readonly sciaticaWords: readonly string[];
  /** The spine, its discs and nerves: they override like sciaticaWords unless another part of the spine is named. */
  readonly spineWords: readonly string[];
  /** Parts of the spine off the nerve's path ("upper back", "neck"): a body part elsewhere, never the path. */
  readonly spineElsewhere: readonly string[];
  /** The places the nerve runs through (back, buttock, leg, foot): they override a body part, not a condition. */
  readonly pathWords: readonly string[];
  /** Everyday topics no entry covers, mostly phrases ("book a flight", "wrong number"): overridden like a body part. */
  readonly everydayTopics: readonly WordFamily[];
  /** Sayings in which a listed word names nothing ("everyone and their dog"): left out before the search. */
  readonly idioms: readonly string[];
}

export class OutOfDomain {
  static readonly default = new OutOfDomain(domainData, TextNormaliser.default);

  private readonly bodyParts: ReadonlySet<string>;
  private readonly conditions: ReadonlySet<string>;
  private readonly complaints: ReadonlySet<string>;
  private readonly topics: ReadonlySet<string>;
  private readonly species: ReadonlySet<string>;
  private readonly speciesPeople: ReadonlySet<string>;
  private readonly sciatica: ReadonlySet<string>;
  private readonly spine: ReadonlySet<string>;
  private readonly path: ReadonlySet<string>;
  /** The lists' entries of several words, by their first word ("restless legs", "upper back"). */
  private readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** The sayings' expression over any letters; parsed on first use (~13 ms: a message that is not ASCII, rare). */
  private readonly idiomsSource: string | undefined;
  private idioms: RegExp | undefined;
  /** The same sayings for text of ASCII characters alone (see withoutIdioms); undefined when one is not ASCII. */
  private readonly asciiIdioms: RegExp | undefined;

  /** `normaliser` reads the lists' entries of several words as it reads messages ("book a flight" → book, flight). */
  constructor(lists: DomainLists, normaliser: TextNormaliser) {
    const sayings = lists.idioms.map((idiom) => idiom.replace(/[^\p{L}\p{N}]+/gu, '[^\\p{L}\\p{N}]+'));
    this.idiomsSource = sayings.length === 0 ? undefined : `(?<![\\p{L}])(?:${sayings.join('|')})(?![\\p{L}])`;
    const ascii = lists.idioms.every((idiom) => /^[a-z0-9]*$/i.test(idiom.replace(/[^\p{L}\p{N}]+/gu, '')));
    const asciiSayings = lists.idioms.map((idiom) => idiom.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '[^a-z0-9]+'));
    this.asciiIdioms = sayings.length === 0 || !ascii ? undefined : new RegExp(`(?<![a-z])(?:${asciiSayings.join('|')})(?![a-z])`, 'g');
    const words = (families: readonly WordFamily[]) => families.flatMap((family) => family.words);
    this.bodyParts = new Set(words(lists.bodyParts));
    this.topics = new Set(words(lists.everydayTopics));
    this.conditions = new Set(words(lists.conditions));
    this.complaints = new Set(lists.complaints);
    this.species = new Set(words(lists.species));
    this.speciesPeople = new Set(lists.speciesPeople);
    this.sciatica = new Set(lists.sciaticaWords);
    this.spine = new Set(lists.spineWords);
    this.path = new Set(lists.pathWords);
    const phrases = new Map<string, Phrase[]>();
    const kinds: [readonly string[], Phrase['kind']][] = [
      [lists.spineElsewhere, 'region'],
      [words(lists.bodyParts), 'body'],
      [lists.complaints, 'body'],
      [words(lists.conditions), 'condition'],
      [words(lists.species), 'species'],
      [words(lists.everydayTopics), 'body'],
    ];
    for (const [list, kind] of kinds) {
      for (const entry of list) {
        if (!entry.includes(' ') && kind !== 'region') continue;
        const parts = normaliser.words(entry);
        if (parts.length === 0) continue;
        phrases.set(parts[0], [...(phrases.get(parts[0]) ?? []), { entry, parts, kind }]);
      }
    }
    this.phrases = phrases;
  }

  /**
   * For each listed word some FAQ question uses, the entries using it. Out of domain means no entry
   * covers it: "a pillow between my knees" is still answered when its best match is the entry that asks
   * it, while "can a cortisone injection help my knee" is not a cortisone question.
   */
  coverage(questions: QuestionWords, entryIdOfQuestion: (question: number) => string): Map<string, Set<string>> {
    // Each distinct question word is looked up once; only the few listed ones are traced to their questions.
    const listed = questions.words.map((word) => this.listed(word));
    const opensPhrase = questions.words.map((word) => this.phrases.has(word));
    const covered = new Map<string, Set<string>>();
    const cover = (word: string, q: number) => {
      if (!covered.has(word)) covered.set(word, new Set());
      covered.get(word)?.add(entryIdOfQuestion(q));
    };
    for (let q = 0; q + 1 < questions.start.length; q++) {
      const [from, to] = [questions.start[q], questions.start[q + 1]];
      for (let j = from; j < to; j++) {
        const word = listed[questions.items[j]];
        if (word !== undefined) cover(word, q);
        if (!opensPhrase[questions.items[j]]) continue;
        const phrase = this.phraseAt(
          Array.from(questions.items.subarray(from, to), (id) => questions.words[id]),
          j - from,
        );
        if (phrase !== undefined) cover(phrase.entry, q);
      }
    }
    return covered;
  }

  /** Whether `listed` (as find() returns it) is a condition: one a patient may have beside sciatica ("if I'm diabetic"). */
  isCondition(listed: string): boolean {
    return this.conditions.has(listed);
  }

  /** The out-of-domain word (as listed) the message is about, or undefined when it may be a sciatica question. */
  find(text: string, normaliser: TextNormaliser, covered: Covered = NONE_COVERED): string | undefined {
    return this.search(text, normaliser, false, covered);
  }

  /**
   * find() for a message whose question was found in a longer story (QuestionFocus): the question first;
   * then, when the question does not speak of the writer ("what helps it?", "would ice help him?"), the
   * whole message, because what it asks about was named in the story ("our spaniel…", "my daughter has
   * Osgood-Schlatter…"). There a species gives way to sciatica or the writer's own back or leg: "I was
   * walking the dog when my back went… how long will it take to heal?" is about sciatica; a condition
   * gives way like a body part (the story's "my husband has dementia" is not the question). A question in
   * the first person ("what should I do?") keeps to itself, unless it leans on what the story named
   * ("carpal tunnel… how do I sleep with it?", "the farm collie is stiff… should I be walking her more?").
   */
  findInMessage(
    message: string,
    focus: string | undefined,
    normaliser: TextNormaliser,
    covered: Covered = NONE_COVERED,
  ): string | undefined {
    if (focus === undefined) return this.find(message, normaliser, covered);
    const inQuestion = this.find(focus, normaliser, covered);
    if (inQuestion !== undefined) return inQuestion;
    if (FIRST_PERSON.test(focus) && !LEANS_BACK.test(focus)) return undefined;
    return this.search(message, normaliser, true, covered);
  }

  /**
   * The out-of-domain word of `text`. Words for sciatica itself override a body part or condition; the
   * spine's words ("disc", "nerve") too, unless another part of the spine is named ("a disc in my neck");
   * the places the nerve runs through ("back", "toe") override only a body part: "pain from my buttock to
   * my knee" is sciatica, "gout in my big toe" is gout. In a `story` (the whole message, read for a question
   * that leans on it) a condition gives way like a body part, and a species gives way to sciatica itself or
   * the writer's own back or leg ("walking the dog when my back went"), not the animal's ("our Labrador
   * drags his back leg"); elsewhere a species always counts.
   */
  private search(text: string, normaliser: TextNormaliser, story: boolean, covered: Covered): string | undefined {
    const literal = this.withoutIdioms(text);
    const words = normaliser.words(literal);
    let found: { word: string; kind: Phrase['kind'] }[] = [];
    let sciatica = false;
    let spine = false;
    let path = false;
    for (let i = 0; i < words.length; i++) {
      const phrase = this.phraseAt(words, i);
      if (phrase !== undefined) {
        if (phrase.kind === 'species' && !story && !covered(phrase.entry)) return phrase.entry;
        found.push({ word: phrase.entry, kind: phrase.kind });
        i += phrase.parts.length - 1;
        continue;
      }
      const word = words[i];
      const one = singular(word);
      const species = this.speciesPeople.has(words[i + 1] ?? '') ? undefined : listedIn(this.species, word, one);
      if (species !== undefined && !story && !covered(species)) return species;
      if (species !== undefined) found.push({ word: species, kind: 'species' });
      sciatica ||= listedIn(this.sciatica, word, one) !== undefined;
      spine ||= listedIn(this.spine, word, one) !== undefined;
      path ||= listedIn(this.path, word, one) !== undefined;
      const body = listedIn(this.bodyParts, word, one) ?? listedIn(this.complaints, word, one) ?? listedIn(this.topics, word, one);
      const listed = body ?? listedIn(this.conditions, word, one);
      if (listed !== undefined && !onlyInCompounds(word, literal))
        found.push({ word: listed, kind: body !== undefined ? 'body' : 'condition' });
    }
    const nerveNamed = sciatica || (spine && !found.some(({ kind }) => kind === 'region'));
    found = found.filter(({ kind }) =>
      kind === 'species' ? !sciatica && !this.writerOwnsPath(literal) : kind === 'condition' && !story ? !nerveNamed : !nerveNamed && !path,
    );
    return found.find(({ word }) => !covered(word))?.word;
  }

  /** The listed entry of several words, or part of the spine off the nerve's path, that starts at `words[i]`. */
  private phraseAt(words: readonly string[], i: number): Phrase | undefined {
    return this.phrases
      .get(words[i])
      ?.find(({ parts }) =>
        parts.every((part, k) => words[i + k] !== undefined && (words[i + k] === part || singular(words[i + k]) === part)),
      );
  }

  /** Whether the writer names their own back, leg or nerve: "my back", "my left leg", "I've got sciatica". */
  private writerOwnsPath(text: string): boolean {
    const words = text.toLowerCase().replace(APOSTROPHES, '').match(WORDS) ?? [];
    return words.some(
      (word, i) =>
        [this.sciatica, this.spine, this.path].some((list) => listedIn(list, word, singular(word)) !== undefined) &&
        words.slice(Math.max(0, i - OWNER_REACH), i).some((w) => WRITER.has(w)),
    );
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
    return [word, one].find((w) =>
      [this.species, this.bodyParts, this.conditions, this.complaints, this.topics].some((list) => list.has(w)),
    );
  }
}

/** An entry of several words, or a part of the spine off the nerve's path ('region': a body part the spine's words do not override). */
interface Phrase {
  readonly entry: string;
  readonly parts: readonly string[];
  readonly kind: 'region' | 'body' | 'condition' | 'species';
}

/** Whether the FAQ covers a listed word after all (the best match's own questions use it: OutOfDomain.coverage). */
type Covered = (listed: string) => boolean;
const NONE_COVERED: Covered = () => false;

const ASCII = /^[\x00-\x7f]*$/;
const APOSTROPHES = /['’‘`´]/g;
const WORDS = /[\p{L}\p{N}]+/gu;
/** The writer, up to OWNER_REACH words before what they own: "my (right) leg", "I (have) sciatica". */
const WRITER = new Set(['my', 'i', 'im', 'ive', 'id', 'me', 'mine']);
const OWNER_REACH = 3;
/** Words by which a question leans on what the story named: "how do I sleep with it?" is about the story's wrist, "walking her more" about its collie. */
const LEANS_BACK = /\b(?:it|this|that|them|those|he|him|his|she|her|they)\b/i;
/** Words by which a question speaks of its writer. */
const FIRST_PERSON = /\b(?:i|me|my|mine|myself|im)\b/i;

/**
 * Whether `word` occurs in `text` only inside hyphenated compounds: "hands-on treatment", "a knee-jerk
 * reaction", "heart-breaking" name no hand, knee or heart. A word the clean-up wrote differently
 * ("elbow's" read as "elbows") is not in a compound.
 */
function onlyInCompounds(word: string, text: string): boolean {
  if (!text.includes('-')) return false;
  const plain = text.normalize('NFKD').replace(APOSTROPHES, '');
  const joined = new RegExp(`(?<=\\p{L}-)${word}(?!\\p{L})|(?<!\\p{L})${word}(?=-\\p{L})`, 'iu');
  const alone = new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])`, 'iu');
  return joined.test(plain) && !alone.test(plain);
}

/** `word` or its singular `one` as `list` has it, or undefined. */
function listedIn(list: ReadonlySet<string>, word: string, one: string): string | undefined {
  return list.has(word) ? word : list.has(one) ? one : undefined;
}

/** "knees" → "knee", "teeth" stays (listed as is), "migraines" → "migraine". */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
