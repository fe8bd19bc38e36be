import type { FaqEntry } from './FaqEntry';

/** An entry and how well it matched a message: 0..1, higher is better. */
export interface ScoredEntry {
  readonly id: string;
  readonly score: number;
  /** The second opinion's probability for it (FaqClassifier), when the net reviewed the decision. */
  readonly net?: number;
}

/** What the knowledge base concluded about one message. `candidates` are the top few after all ranking. */
export type FaqDecision =
  | { readonly kind: 'answer'; readonly entry: FaqEntry; readonly candidates: readonly ScoredEntry[] }
  | { readonly kind: 'didYouMean'; readonly suggestions: readonly FaqEntry[]; readonly candidates: readonly ScoredEntry[] }
  | {
      readonly kind: 'none';
      readonly candidates: readonly ScoredEntry[];
      /** The other body part, condition, species or everyday topic the message is about (OutOfDomain), when that is why. */
      readonly outOfDomain?: string;
    };
