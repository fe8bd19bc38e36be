/**
 * A second opinion on the FAQ matcher's decision: a naive Bayes model (language/NaiveBayes) of how
 * patients word each entry's questions, learned by `npm run kb:train` from faq.json's questions and the
 * development sets into knowledge/faq-classifier.json. It reads the wording patients use that no synonym
 * table lists, so it also proposes: its own likeliest entries join the matcher's candidates, ranked by the
 * two opinions together (matcher score + the net's probability), so "did you mean" and the first three
 * are no longer bounded by the matcher's own list. On the answer:
 *  - both agree, or the message nearly restates one of the answer's questions (restatementAt): it stands;
 *  - the net is all but certain of another entry (overruleAt), or sure of one the matcher also lists among
 *    its candidates (overruleListedAt): that entry is answered;
 *  - they disagree and neither is decisive (the net doubts the answer, or is sure of another reading while
 *    the matcher's score is below its own sure bar): "did you mean" with both, or no answer when the net
 *    reads the message as out of scope;
 *  - the matcher could not decide: the net answers when it is sure (answerAt); a "did you mean" the net
 *    reads as out of scope becomes no answer, any other offers the first candidates of both together.
 * It speaks only for the FAQ it was trained with: after an edit it is silent until `npm run kb:train`
 * (kb:check says so), so a staff edit is never second-guessed by a model of the old wording.
 */
import { createHash } from 'node:crypto';
import { fromPackageRoot } from '../config/environment';
import { readModelFile } from '../language/ModelFile';
import { EVERYDAY_WORDS, NaiveBayesScorer, type ReadModel, type SparseNaiveBayesModel, type TrainingFile } from '../language/NaiveBayes';
import { TextCleanup } from '../language/TextCleanup';
import type { FaqDecision, ScoredEntry } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';

/** The label of messages no entry covers. */
export const OUT_OF_SCOPE = 'none';
/** From the package root, so the built bot (dist/) reads the same file as the sources. */
export const FAQ_CLASSIFIER_FILE = fromPackageRoot('knowledge/faq-classifier.json');
/** Question words and the like: every entry's questions have them. */
export const FAQ_STOPWORDS: ReadonlySet<string> = new Set([...EVERYDAY_WORDS, 'do', 'does', 'can', 'what', 'how', 'should', 'you']);

export interface FaqClassifierModel extends SparseNaiveBayesModel {
  readonly source: string;
  /** sha256 of the FAQ entries it was trained with (entriesFingerprint): with any other FAQ it stays silent. */
  readonly entries: string;
  readonly trainedOn: readonly TrainingFile[];
  /** The net doubts the matcher's answer from this probability of another reading, when the answer is not among its first three. */
  readonly holdBackAt: number;
  /** The net is sure of another reading: with the matcher below its sure bar, neither is decisive. */
  readonly disagreeAt: number;
  /** A matcher answer scoring this high nearly restates one of its entry's questions: the net leaves it alone. */
  readonly restatementAt: number;
  /** The net answers its own entry over the matcher's answer. */
  readonly overruleAt: number;
  /** The net answers its own entry over the matcher's answer when the matcher also lists that entry among its candidates. */
  readonly overruleListedAt: number;
  /** The net answers where the matcher could not decide. */
  readonly answerAt: number;
}

let shipped: FaqClassifier | undefined;

/** The fingerprint of a FAQ's entries the model records: an edited FAQ turns the net off until it is retrained. */
export function entriesFingerprint(entries: readonly FaqEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

export class FaqClassifier {
  private readonly scorer: NaiveBayesScorer;
  /** Its settings; the features live on in the scorer's index only. */
  private readonly model: Omit<FaqClassifierModel, 'features'>;

  /** `model`: its file, or the build's compact copy of it (language/ModelFile). */
  constructor(model: ReadModel<FaqClassifierModel>) {
    this.scorer = new NaiveBayesScorer(model, FAQ_STOPWORDS);
    const { features: _, seen: __, ...settings } = model as FaqClassifierModel & { seen?: unknown };
    this.model = settings;
  }

  /** Whether it was trained with these entries (and so may review decisions over them). */
  knows(entries: readonly FaqEntry[]): boolean {
    return entriesFingerprint(entries) === this.model.entries;
  }

  /** The model shipped beside the FAQ, read once. */
  static shipped(): FaqClassifier {
    shipped ??= new FaqClassifier(readModelFile<FaqClassifierModel>(FAQ_CLASSIFIER_FILE));
    return shipped;
  }

  /**
   * The matcher's decision reviewed as the class comment says; `matcherSure` is the matcher's own sure bar
   * (FaqMatcherOptions.sureThreshold), `maxCandidates` how many candidates the decision carries.
   */
  review(
    decision: FaqDecision,
    message: string,
    entry: (id: string) => FaqEntry | undefined,
    matcherSure: number,
    maxCandidates: number,
    restatement: number,
  ): FaqDecision {
    // The net's likeliest entries it may propose, and its probability of each of the matcher's candidates.
    const { first: ranked, of } = this.scorer.leading(
      TextCleanup.default.clean(message),
      Math.max(maxCandidates + 1, 3),
      decision.candidates.map((c) => c.id),
    );
    const candidates = withProposals(decision.candidates, ranked, of, maxCandidates);
    const [top] = ranked;
    const net = top.label === OUT_OF_SCOPE ? undefined : entry(top.label);
    const { model } = this;
    if (decision.kind === 'answer') {
      const answered = decision.entry;
      const score = decision.candidates[0]?.score ?? 0;
      if (top.label === answered.id || restatement >= model.restatementAt) return { ...decision, candidates };
      if (net !== undefined && top.probability >= model.overruleAt) return { kind: 'answer', entry: net, candidates };
      // Both opinions hold the net's entry: the matcher lists it among its own candidates.
      const listed = decision.candidates.some((c) => c.id === top.label && c.score > 0);
      if (net !== undefined && listed && top.probability >= model.overruleListedAt) return { kind: 'answer', entry: net, candidates };
      const doubts = top.probability >= model.holdBackAt && !ranked.slice(0, 3).some((r) => r.label === answered.id);
      const bothUnsure = top.probability >= model.disagreeAt && score < matcherSure;
      if (!doubts && !bothUnsure) return { ...decision, candidates };
      return net === undefined ? { kind: 'none', candidates } : { kind: 'didYouMean', suggestions: [net, answered], candidates };
    }
    if (decision.kind === 'none' && decision.outOfDomain !== undefined) return decision;
    if (net !== undefined && top.probability >= model.answerAt) return { kind: 'answer', entry: net, candidates };
    if (decision.kind === 'didYouMean' && net === undefined && top.probability >= model.holdBackAt) return { kind: 'none', candidates };
    if (decision.kind !== 'didYouMean') return { ...decision, candidates };
    // Offer the first candidates of both opinions together: as many as the matcher would, and at least two.
    const offered = candidates.slice(0, Math.max(decision.suggestions.length, 2)).flatMap((c) => entry(c.id) ?? []);
    return { kind: 'didYouMean', suggestions: offered, candidates };
  }
}

/**
 * The matcher's candidates with the net's likeliest entries joined, ranked by both opinions together
 * (score + the net's probability); each keeps its matcher score (0 when the matcher did not list it) and
 * carries the net's probability.
 */
function withProposals(
  candidates: readonly ScoredEntry[],
  ranked: readonly { label: string; probability: number }[],
  net: ReadonlyMap<string, number>,
  limit: number,
): ScoredEntry[] {
  const proposed = ranked.filter((r) => r.label !== OUT_OF_SCOPE).slice(0, limit);
  const scores = new Map(candidates.map((c) => [c.id, c.score]));
  for (const { label } of proposed) if (!scores.has(label)) scores.set(label, 0);
  return [...scores.keys()]
    .sort((a, b) => (scores.get(b) ?? 0) + (net.get(b) ?? 0) - ((scores.get(a) ?? 0) + (net.get(a) ?? 0)))
    .slice(0, limit)
    .map((id) => ({ id, score: scores.get(id) ?? 0, net: roundedProbability(net.get(id) ?? 0) }));
}

/** Four decimals are enough for a trace and keep it readable. */
function roundedProbability(p: number): number {
  return Math.round(p * 1e4) / 1e4;
}
