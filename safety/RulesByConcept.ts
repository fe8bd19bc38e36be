/**
 * The rules a message may complete, from the concepts it names: a rule needs a concept of each of its groups,
 * so only rules whose first group holds a named concept are worth trying. Most messages name a few concepts of
 * a hundred rules; checking every rule's groups cost more than the few that remain.
 */
import type { ConceptRule } from './RedFlagRules';

export class RulesByConcept<R extends ConceptRule> {
  /** Concept -> positions (ascending) of the rules whose first group holds it. */
  private readonly positions = new Map<string, number[]>();

  constructor(private readonly rules: readonly R[]) {
    rules.forEach((rule, position) => {
      for (const concept of new Set(rule.all[0] ?? [])) {
        const list = this.positions.get(concept) ?? [];
        list.push(position);
        this.positions.set(concept, list);
      }
    });
  }

  /** The rules to try for a message naming `concepts`, in the rules file's order (the priority of its flags). */
  naming(concepts: Iterable<string>): R[] {
    const found = new Set<number>();
    for (const concept of concepts) for (const position of this.positions.get(concept) ?? []) found.add(position);
    return [...found].sort((a, b) => a - b).map((position) => this.rules[position]);
  }
}
