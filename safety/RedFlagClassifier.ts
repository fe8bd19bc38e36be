/**
 * The fail-safe net behind the reviewed rules: a logistic regression (language/LogisticRegression) of how
 * patients word emergencies, urgent signs and crisis, learned from the labelled corpora (test/data/red-flags-*
 * and the spent held-out sets; everyday chat and the FAQ sets as everyday messages) by `npm run safety:train`
 * into knowledge/red-flag-classifier.json. It has the naive Bayes file shape, so `NaiveBayesScorer` scores it.
 * Rules come first and explain themselves; the net only adds an escalation the rules missed when it is
 * confident (`escalate`, per label), and marks a message as risky (no sales pitch) from `riskAt`. It never
 * sets a rule's finding aside, and leans only on cue concepts that count where they stand. Features: the cleaned message's word lemmas and neighbouring pairs, so
 * the model depends on the clean-up and lemmas only, not on the rules file.
 */
import { EVERYDAY_WORDS, type NaiveBayesModel, NaiveBayesScorer, type ReadModel, type TrainingFile } from '../language/NaiveBayes';
import { isWordCode } from './PatientWords';
import type { Urgency } from './SafetyAssessment';

export type ClassifierLabel = Urgency | 'none';
export const CLASSIFIER_LABELS: readonly ClassifierLabel[] = ['emergency', 'urgent', 'crisis', 'none'];

/** The trained model as the file holds it. */
export interface ClassifierModel extends NaiveBayesModel {
  readonly source: string;
  readonly review: { readonly by: string | null; readonly date: string | null };
  /** Which corpus files it was trained on, with their line counts and SHA-256 (a test checks they still match). */
  readonly trainedOn: readonly TrainingFile[];
  /** When the net may escalate to each label; a label left out is never escalated by the net. */
  readonly escalate: Readonly<Partial<Record<Urgency, NetEscalation>>>;
  readonly riskAt: number;
  /**
   * Below this probability of every risk label the net doubts an emergency or urgent rule's finding: the message
   * is read as if no rule had completed (asked about, or cleared without a sales pitch). Crisis findings never.
   */
  readonly doubtBelow?: number;
}

/** The net may escalate to a label only from probability `at`, and only when the rules saw one of `cues`. */
export interface NetEscalation {
  /** Concepts of the rules file of which the message must hold one. */
  readonly cues: readonly string[];
  readonly at: number;
  /** From here (below `at`) the net asks the direct crisis question: crisis only. */
  readonly askAt?: number;
  /** From here the net escalates even when the rules saw no cue: wording no concept list names yet. */
  readonly withoutCueAt?: number;
}

/** Words too common to tell the labels apart. */
export const RED_FLAG_STOPWORDS = EVERYDAY_WORDS;
/** How many words a repetition has at least (isRepetition). */
const REPEATED_WORDS = 50;

/** `sure`: past the label's no-cue bar, so sure that no clarifying question should come first. */
export type NetAdvice =
  | { readonly kind: 'escalate'; readonly urgency: Urgency; readonly sure: boolean }
  | { readonly kind: 'ask' }
  | { readonly kind: 'risky' };

export interface ClassifierVerdict {
  /** The likeliest label other than none, and its probability. */
  readonly label: Urgency;
  readonly probability: number;
}

export class RedFlagClassifier {
  private readonly scorer: NaiveBayesScorer;

  constructor(private readonly model: ReadModel<ClassifierModel>) {
    this.scorer = new NaiveBayesScorer(model, RED_FLAG_STOPWORDS);
  }

  /**
   * What the net adds to a message the rules did not escalate, given the concepts that count in it: an
   * escalation, the direct crisis question, a risky mark (no pitch), or nothing. `figurative`: the message
   * holds a reviewed idiom ("take everything in my stride"), which the net cannot read, so it escalates only
   * on a cue concept then.
   */
  advise(cleaned: string, concepts: { has(concept: string): boolean }, figurative = false): NetAdvice | undefined {
    const { label, probability } = this.judge(cleaned);
    const m = this.model;
    // The repetition test reads every word of the message, the net at most 400: it waits for a lean to a risk.
    if (probability < m.riskAt || isRepetition(cleaned)) return undefined;
    const escalation = m.escalate[label];
    const sure = escalation?.withoutCueAt !== undefined && probability >= escalation.withoutCueAt;
    if (sure && !figurative) return { kind: 'escalate', urgency: label, sure };
    if (escalation?.cues.some((c) => concepts.has(c))) {
      if (probability >= escalation.at) return { kind: 'escalate', urgency: label, sure };
      if (escalation.askAt !== undefined && probability >= escalation.askAt) return { kind: 'ask' };
    }
    // The no-pitch mark is for wording that may hide an emergency or a crisis; an age or a duration leans
    // "urgent" ("I'm 62", "about three weeks") and must not cost the booking links at the end of a check.
    return label === 'urgent' ? undefined : { kind: 'risky' };
  }

  /** Whether the net is all but sure a cleaned message holds no risk (see ClassifierModel.doubtBelow). */
  doubts(cleaned: string): boolean {
    return this.model.doubtBelow !== undefined && this.judge(cleaned).probability < this.model.doubtBelow;
  }

  /** The last message judged: one assessment asks up to three times (doubts, advise, and advise for crisis). */
  private last?: { readonly cleaned: string; readonly verdict: ClassifierVerdict };

  /** The likeliest risk label of a cleaned message and its probability. */
  judge(cleaned: string): ClassifierVerdict {
    if (this.last?.cleaned === cleaned) return this.last.verdict;
    const best = this.scorer.likeliestBut(cleaned, 'none');
    const verdict = { label: best.label as Urgency, probability: best.probability };
    this.last = { cleaned, verdict };
    return verdict;
  }
}

/** A long run of a few words repeated (filler, a paste gone wrong): no wording for the net to read. */
function isRepetition(cleaned: string): boolean {
  // 50 words need 49 characters between them: a shorter message (most) is not read.
  if (cleaned.length < 2 * REPEATED_WORDS - 1) return false;
  let words = 0;
  forEachWord(cleaned, () => {
    words++;
    return true;
  });
  if (words < REPEATED_WORDS) return false;
  // One word at a time, not an array of them, and no further than it takes a tenth of the words to be different:
  // a real story gets there within its first few dozen words.
  const different = new Set<string>();
  return forEachWord(cleaned, (from, to) => different.add(cleaned.slice(from, to)).size < words / 10);
}

/** Calls `go` with each word's start and end ([a-z0-9] runs) while it returns true; whether it always did. */
function forEachWord(text: string, go: (from: number, to: number) => boolean): boolean {
  for (let at = 0; at < text.length; at++) {
    if (!isWordCode(text.charCodeAt(at))) continue;
    let end = at + 1;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
    if (!go(at, end)) return false;
    at = end;
  }
  return true;
}
