/**
 * A second opinion on the FAQ matcher's decision: a naive Bayes model (language/NaiveBayes) of how
 * patients word each entry's questions, learned by `npm run kb:train` from faq.json's questions and the
 * development sets into knowledge/faq-classifier.json. The matcher decides; the net only
 *  - holds back an answer it finds implausible (not among its first three, while it is sure of another
 *    reading): "did you mean" with both instead, or no answer when it reads the message as out of scope;
 *  - answers where the matcher could not decide, when it is sure and its entry is among the matcher's own
 *    first three candidates.
 * It speaks only for the FAQ it was trained with: after an edit it is silent until `npm run kb:train`
 * (kb:check says so), so a staff edit is never second-guessed by a model of the old wording.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../config/environment';
import { EVERYDAY_WORDS, type NaiveBayesModel, rankLabels, type TrainingFile } from '../language/NaiveBayes';
import { TextCleanup } from '../language/TextCleanup';
import type { FaqDecision } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';

/** The label of messages no entry covers. */
export const OUT_OF_SCOPE = 'none';
/** From the package root, so the built bot (dist/) reads the same file as the sources. */
export const FAQ_CLASSIFIER_FILE = fromPackageRoot('knowledge/faq-classifier.json');
/** Question words and the like: every entry's questions have them. */
export const FAQ_STOPWORDS: ReadonlySet<string> = new Set([...EVERYDAY_WORDS, 'do', 'does', 'can', 'what', 'how', 'should', 'you']);

export interface FaqClassifierModel extends NaiveBayesModel {
  readonly source: string;
  /** sha256 of the FAQ entries it was trained with (entriesFingerprint): with any other FAQ it stays silent. */
  readonly entries: string;
  readonly trainedOn: readonly TrainingFile[];
  /** Hold back the matcher's answer when the net is this sure of another reading. */
  readonly holdBackAt: number;
  /** Answer from the net when it is this sure and the matcher had its entry among its first three. */
  readonly answerAt: number;
}

let shipped: FaqClassifier | undefined;

/** The fingerprint of a FAQ's entries the model records: an edited FAQ turns the net off until it is retrained. */
export function entriesFingerprint(entries: readonly FaqEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

export class FaqClassifier {
  constructor(private readonly model: FaqClassifierModel) {}

  /** Whether it was trained with these entries (and so may review decisions over them). */
  knows(entries: readonly FaqEntry[]): boolean {
    return entriesFingerprint(entries) === this.model.entries;
  }

  /** The model shipped beside the FAQ, read once. */
  static shipped(): FaqClassifier {
    shipped ??= new FaqClassifier(JSON.parse(readFileSync(FAQ_CLASSIFIER_FILE, 'utf8')) as FaqClassifierModel);
    return shipped;
  }

  /** The matcher's decision, reviewed as the class comment says. */
  review(decision: FaqDecision, message: string, entry: (id: string) => FaqEntry | undefined): FaqDecision {
    const ranked = rankLabels(this.model, TextCleanup.default.clean(message), FAQ_STOPWORDS);
    const top = ranked[0];
    if (decision.kind === 'answer') {
      if (top.probability <= this.model.holdBackAt || ranked.slice(0, 3).some((r) => r.label === decision.entry.id)) return decision;
      const other = entry(top.label);
      if (top.label === OUT_OF_SCOPE || other === undefined) return { kind: 'none', candidates: decision.candidates };
      return { kind: 'didYouMean', suggestions: [other, decision.entry], candidates: decision.candidates };
    }
    if (decision.kind === 'none' && decision.outOfDomain !== undefined) return decision;
    const chosen = top.label === OUT_OF_SCOPE ? undefined : entry(top.label);
    if (chosen === undefined || top.probability <= this.model.answerAt || !decision.candidates.slice(0, 3).some((c) => c.id === top.label))
      return decision;
    return { kind: 'answer', entry: chosen, candidates: decision.candidates };
  }
}
