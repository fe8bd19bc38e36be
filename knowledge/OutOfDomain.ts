/**
 * Whether a message is about something no FAQ entry covers: another body part, condition or species
 * (knowledge/out-of-domain.json, reviewed by a clinician). Matching scores only lower a message for
 * words the FAQ has never seen, so "can a cortisone injection help my knee" scored as a cortisone
 * question; this decides before scoring. A body part or condition counts only when the message names
 * nothing on the sciatic nerve's path ("pain from my buttock to my knee" stays a sciatica question);
 * a species always counts.
 */
import domainData from './out-of-domain.json';
import type { TextNormaliser } from './TextNormaliser';

export interface DomainLists {
  readonly bodyParts: readonly string[];
  readonly conditions: readonly string[];
  readonly species: readonly string[];
  readonly sciaticaWords: readonly string[];
}

export class OutOfDomain {
  static readonly default = new OutOfDomain(domainData);

  private readonly elsewhere: ReadonlySet<string>;
  private readonly species: ReadonlySet<string>;
  private readonly sciatica: ReadonlySet<string>;

  constructor(lists: DomainLists) {
    this.elsewhere = new Set([...lists.bodyParts, ...lists.conditions]);
    this.species = new Set(lists.species);
    this.sciatica = new Set(lists.sciaticaWords);
  }

  /**
   * The same lists without the words some FAQ question uses: out of domain means no entry covers it,
   * so "a pillow between my knees" stays a question for the entry that asks it.
   */
  coveredBy(questionWords: Iterable<string>): OutOfDomain {
    const covered = new Set<string>();
    for (const word of questionWords) covered.add(word).add(singular(word));
    const keep = (list: ReadonlySet<string>) => [...list].filter((word) => !covered.has(word));
    return new OutOfDomain({ bodyParts: keep(this.elsewhere), conditions: [], species: keep(this.species), sciaticaWords: [...this.sciatica] });
  }

  /** The out-of-domain word the message is about, or undefined when it may be a sciatica question. */
  find(text: string, normaliser: TextNormaliser): string | undefined {
    let other: string | undefined;
    let onThePath = false;
    for (const word of normaliser.words(text)) {
      const one = singular(word);
      if (this.species.has(word) || this.species.has(one)) return word;
      onThePath ||= this.sciatica.has(word) || this.sciatica.has(one);
      if (other === undefined && (this.elsewhere.has(word) || this.elsewhere.has(one))) other = word;
    }
    return onThePath ? undefined : other;
  }
}

/** "knees" → "knee", "teeth" stays (listed as is), "migraines" → "migraine". */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
