/**
 * The sentences of one message that name each concept, marked once a message and only for the concepts asked
 * about: whether a message names a rule's groups together used to gather, for every rule, the sentence of every
 * mention of every group into new sets (on a 16 KB message, hundreds of mentions for each of a dozen rules).
 */
import type { ConceptMention } from './ConceptLexicon';
import type { PatientWords } from './PatientWords';
import type { ConceptRule } from './RedFlagRules';

export class ConceptSentences {
  /** Per concept asked about, a mark per sentence of the message: 1 where it is named. */
  private readonly marks = new Map<string, Uint8Array>();

  constructor(
    private readonly byConcept: ReadonlyMap<string, readonly ConceptMention[]>,
    private readonly text: PatientWords,
  ) {}

  /** Whether the message names a concept of each of the rule's groups, in one sentence unless the rule reads the message. */
  nameTogether(rule: ConceptRule): boolean {
    const groups = rule.all;
    if (rule.scope === 'message') return groups.every((group) => group.some((concept) => this.byConcept.has(concept)));
    // Each sentence naming a concept of the first group, tried against the others' marks: plain loops, no sets.
    const { words } = this.text;
    for (const concept of groups[0])
      for (const m of this.byConcept.get(concept) ?? []) {
        const sentence = words[m.from].sentence;
        let g = 1;
        while (g < groups.length && this.namesOneOf(groups[g], sentence)) g++;
        if (g === groups.length) return true;
      }
    return false;
  }

  private namesOneOf(group: readonly string[], sentence: number): boolean {
    for (const concept of group) if (this.marksOf(concept)[sentence] === 1) return true;
    return false;
  }

  private marksOf(concept: string): Uint8Array {
    let marks = this.marks.get(concept);
    if (marks === undefined) {
      marks = new Uint8Array(this.text.sentences.length);
      for (const m of this.byConcept.get(concept) ?? []) marks[this.text.words[m.from].sentence] = 1;
      this.marks.set(concept, marks);
    }
    return marks;
  }
}
