/**
 * Every tunable number of FAQ matching and of the answer / did-you-mean / none decision, in one frozen
 * object. Calibrated on test/data/faq-labelled.jsonl (written without seeing faq.json), whose test
 * (test/knowledge/matcherAccuracy.test.ts) prints what they achieve: change them only together with it.
 *
 * Why the did-you-mean band is narrow: on that set the scores just below the answer bar (0.36–0.44)
 * belonged mostly to out-of-scope messages ("how to stop hiccups", "best cure for a cold"), so a band
 * there would have offered sciatica topics for hiccups while rescuing almost no real question. Wrong
 * answers, when they happen, win by a wide margin, so a wider margin only turned right answers into
 * did-you-means. What is left: near-ties (within answerMargin) become "did you mean".
 */
import type { FuzzyOptions } from './FuzzyVocabulary';

export interface FaqMatcherOptions {
  /** Answer directly when the best entry scores at least this (0..1)… */
  readonly answerThreshold: number;
  /** …and beats the runner-up by at least this much; otherwise it is a "did you mean". */
  readonly answerMargin: number;
  /** Below this the message is out of scope (`none`); from here up to the answer bar, "did you mean". */
  readonly suggestThreshold: number;
  /** How many entries a "did you mean" offers at most (2–3 fit on a phone). */
  readonly maxSuggestions: number;
  /** A suggestion after the first must score at least this fraction of the first one. */
  readonly suggestionRatio: number;
  /** How many scored entries every decision carries for the trace. */
  readonly maxCandidates: number;
  /** Longer messages are cut before matching; the bot also caps what it accepts. */
  readonly maxMessageLength: number;

  /** Added to every word's idf, as a fraction of the rarest word's: common topic words still count. */
  readonly idfFloor: number;
  /** Everyday words (stopwords.json "weakWords") count this fraction of their weight. */
  readonly weakWordWeight: number;
  /** Weight of a message word the knowledge base has never seen, as a fraction of the rarest word's. */
  readonly unknownWordWeight: number;
  /** A typo-corrected word counts this much per edit (0.8 → one typo keeps 80 % of the word's weight). */
  readonly typoPenalty: number;
  /** Exponent balancing "how much of the message is explained" against "how much of the question is". */
  readonly messageCoverageExponent: number;
  /** Share of the entry score coming from all of an entry's questions together, not just the best one. */
  readonly entryBagWeight: number;
  /** Only this many entries (those with the best single question) get the whole-entry part of the score. */
  readonly maxEntriesScored: number;
  /** Budget of postings walked to find candidates (rarest words first); matters from ~1,000 entries on. */
  readonly maxPostingsForCandidates: number;
  readonly fuzzy: FuzzyOptions;
  readonly fuseWeight: number;
  readonly fuseEntries: number;
  readonly fuseQuestionsPerEntry: number;
  readonly fuseThreshold: number;
  readonly fuseText: 'raw' | 'words';
  readonly fuseDirection: 'messageInQuestion' | 'questionInMessage' | 'both';
}

export const DEFAULT_FAQ_MATCHER_OPTIONS: FaqMatcherOptions = Object.freeze({
  answerThreshold: 0.44,
  answerMargin: 0.01,
  suggestThreshold: 0.44,
  maxSuggestions: 3,
  suggestionRatio: 0.75,
  maxCandidates: 5,
  maxMessageLength: 500,

  idfFloor: 0.25,
  weakWordWeight: 0.5,
  unknownWordWeight: 1.2,
  typoPenalty: 0.85,
  messageCoverageExponent: 0.4,
  entryBagWeight: 0.6,
  maxEntriesScored: 200,
  maxPostingsForCandidates: 2000,
  fuzzy: Object.freeze({ minLengthForOneEdit: 5, minLengthForTwoEdits: 8, cacheSize: 5000 }),
  fuseWeight: 0,
  fuseEntries: 5,
  fuseQuestionsPerEntry: 2,
  fuseThreshold: 0.6,
  fuseText: 'words',
  fuseDirection: 'messageInQuestion',
});
