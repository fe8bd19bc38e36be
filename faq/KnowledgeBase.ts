/**
 * One loaded, validated faq.json: its entries, a content version for traces, and the decision
 * "answer / did you mean / none" for a patient's message. Immutable: a reload builds a new instance,
 * so the matcher's index is built exactly once per version.
 */
import { createHash } from 'node:crypto';
import { decideFromCandidates } from './decideFromCandidates';
import { FaqClassifier } from './FaqClassifier';
import type { FaqDecision, ScoredEntry } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';
import { FaqMatcher } from './FaqMatcher';
import { DEFAULT_FAQ_MATCHER_OPTIONS, type FaqMatcherOptions } from './FaqMatcherOptions';
import { OutOfDomain } from './OutOfDomain';
import { questionFocus } from './QuestionFocus';
import { TextNormaliser } from './TextNormaliser';

/** A content word weighs at least this share of the rarest word's weight (everyday and common words weigh less). */
const TOPIC_WORD_SHARE = 0.6;

export class KnowledgeBase {
  readonly entries: readonly FaqEntry[];
  /**
   * sha256 (first 16 hex digits) of the entries and of the matching data (stop words, synonyms):
   * the same message against the same version always gets the same decision.
   */
  readonly version: string;
  private readonly byId: ReadonlyMap<string, FaqEntry>;
  /** Each entry's position, as the matcher numbers entries. */
  private readonly positionOf: ReadonlyMap<string, number>;
  private readonly matcher: FaqMatcher;
  /** Out-of-domain words some questions use, and the entries using them (OutOfDomain.coverage). */
  private readonly domainCoverage: ReadonlyMap<string, ReadonlySet<string>>;
  /** The second opinion, when it was trained with these very entries; null: the matcher alone. */
  private readonly net: FaqClassifier | null;

  /** Expects validated entries: use parseKnowledgeBase / loadKnowledgeBase, which check them first. */
  constructor(
    entries: readonly FaqEntry[],
    readonly options: FaqMatcherOptions = DEFAULT_FAQ_MATCHER_OPTIONS,
    private readonly normaliser: TextNormaliser = TextNormaliser.default,
    private readonly domain: OutOfDomain = OutOfDomain.default,
    /** The second opinion (FaqClassifier); null: the matcher alone. */
    net: FaqClassifier | null = FaqClassifier.shipped(),
  ) {
    this.entries = Object.freeze(entries.map(frozenCopy));
    this.byId = new Map(this.entries.map((e) => [e.id, e]));
    this.positionOf = new Map(this.entries.map((e, i) => [e.id, i]));
    this.version = createHash('sha256').update(JSON.stringify(this.entries)).update(normaliser.fingerprint).digest('hex').slice(0, 16);
    this.matcher = new FaqMatcher(this.entries, options, normaliser);
    this.net = net?.knows(this.entries) ? net : null;
    this.domainCoverage = this.matcher.outOfDomainCoverage(domain);
  }

  /** Question words the matcher reads as misspellings of another word (stem → stem): see kb:check. */
  get typoFolds(): ReadonlyMap<string, string> {
    return this.matcher.typoFolds;
  }

  /**
   * How much more `message`'s topic words belong to entry `to` than to entry `from` (FaqMatcher.topicLean;
   * 0 when either id is unknown): a follow-up naming a neighbouring topic leans to it (see FollowUp).
   */
  topicLean(message: string, from: string, to: string): number {
    const a = this.positionOf.get(from);
    const b = this.positionOf.get(to);
    if (a === undefined || b === undefined) return 0;
    return this.matcher.topicLean(message.slice(0, this.options.maxMessageLength), a, b, TOPIC_WORD_SHARE);
  }

  /** How many of `message`'s words the FAQ has never seen (FaqMatcher.unknownWords). */
  unknownWords(message: string): number {
    return this.matcher.unknownWords(message.slice(0, this.options.maxMessageLength));
  }

  /** Whether the second opinion reviews this FAQ's decisions (it was trained with these very entries). */
  get secondOpinion(): boolean {
    return this.net !== null;
  }

  /** Whether an answer was given with low confidence (FaqMatcherOptions.unsureAnswerBelow): kb:unanswered lists it. */
  isUnsure(decision: FaqDecision): boolean {
    return decision.kind === 'answer' && (decision.candidates[0]?.score ?? 0) < this.options.unsureAnswerBelow;
  }

  entry(id: string): FaqEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * "answer", "did you mean" or "none" for a patient's message (see decideFromCandidates for the rule,
   * and FaqClassifier for the second opinion that reviews it).
   * `candidates` always holds the top `maxCandidates`, for the trace.
   */
  decide(message: string): FaqDecision {
    const { options } = this;
    const cap = options.maxMessageLength;
    const whole = this.matcher.match(message.slice(0, cap), options.maxCandidates);
    const found = questionFocus(message);
    const focus = found !== undefined && this.matcher.hasTopicWord(found.slice(0, cap), TOPIC_WORD_SHARE) ? found : undefined;
    const candidates =
      focus === undefined
        ? whole
        : bestOfBoth(whole, this.matcher.match(focus.slice(0, cap), options.maxCandidates), options.maxCandidates);
    // A listed word the best match's own questions use is covered: "a pillow between my knees" is a sleep question.
    const best = candidates[0]?.id ?? '';
    const covered = (word: string) => this.domainCoverage.get(word)?.has(best) === true;
    const outOfDomain = this.domain.findInMessage(message.slice(0, cap), found?.slice(0, cap), this.normaliser, covered);
    if (outOfDomain !== undefined) {
      return { kind: 'none', candidates, outOfDomain };
    }
    const decision = decideFromCandidates(candidates, options, (id) => this.mustEntry(id));
    if (this.net === null) return decision;
    // The question alone restates an entry's question only when it names what tells the likely entries
    // apart: "is that a sciatica thing?" names only what all of a sciatica practice's entries share.
    const first = candidates[0]?.score ?? 0;
    const wholeFirst = whole.find((c) => c.id === candidates[0]?.id)?.score ?? 0;
    const restatement =
      focus !== undefined &&
      first > wholeFirst &&
      !this.matcher.hasTopicWord(
        focus.slice(0, cap),
        TOPIC_WORD_SHARE,
        whole.map((c) => c.id),
      )
        ? wholeFirst
        : first;
    return this.net.review(decision, message, (id) => this.byId.get(id), options.sureThreshold, options.maxCandidates, restatement);
  }

  private mustEntry(id: string): FaqEntry {
    const entry = this.byId.get(id);
    if (entry === undefined) throw new Error(`matcher returned unknown entry id "${id}"`);
    return entry;
  }
}

/** Each entry's better score of the two readings (whole message, its question), best first. */
function bestOfBoth(a: readonly ScoredEntry[], b: readonly ScoredEntry[], limit: number): ScoredEntry[] {
  const best = new Map<string, number>();
  for (const { id, score } of [...a, ...b]) best.set(id, Math.max(score, best.get(id) ?? 0));
  return [...best]
    .map(([id, score]) => ({ id, score }))
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}

/** Copies before freezing, so the caller's objects are left as they were. */
function frozenCopy(entry: FaqEntry): FaqEntry {
  return Object.freeze({
    ...entry,
    questions: Object.freeze([...entry.questions]),
    ...(entry.followUps === undefined ? {} : { followUps: Object.freeze([...entry.followUps]) }),
  });
}
