/**
 * The red-flag safety check, run on every patient message before anything else. A pure function of the
 * text and the reviewed data (knowledge/red-flags.json): no I/O, no state between messages.
 *
 *   clean-up (language/TextCleanup)  ->  words, spelling, lemmas (PatientWords)
 *   ->  concepts (ConceptLexicon; a weight told twice, WeightChange; an age, PatientAge; words inside an idiom
 *       are none)  ->  rules: every concept group of a
 *       rule found within `window` words of one sentence, in any order  ->  context (ContextLayer):
 *       negated, past, hypothetical, a story, a joke, someone else's and already cared for?
 *
 * Priority: an attempt in progress (advice "crisisNow") > emergency (with the crisis line too when crisis words
 * came with it: advice "emergencyAndCrisis") > crisis > urgent; an emergency or urgent finding the net is all but
 * sure holds no risk is read as if no rule had completed, and an urgent one gives way to the net's emergency or
 * crisis in the same words. With no rule: the
 * learned net's emergency (or a crisis it is sure of), then the direct crisis question for crisis words in
 * a joke, a story or a loss, then the clarifying question about a risk concept that counts, then the net's
 * cue-backed crisis or its question. Risk concepts set aside by the context layer, and wording the net
 * leans to crisis or emergency, are still reported, so nobody adds a sales pitch to such a message.
 */
import { Spelling } from '../language/Spelling';
import { TextCleanup } from '../language/TextCleanup';
import { ConceptLexicon, type ConceptMention } from './ConceptLexicon';
import { ConceptSentences } from './ConceptSentences';
import { type ConceptWords, ContextLayer, type Reading, type Span } from './ContextLayer';
import { MentionReadings } from './MentionReadings';
import { PatientAge } from './PatientAge';
import { PatientWords, type Word, WordReader } from './PatientWords';
import { RedFlagClassifier } from './RedFlagClassifier';
import type { ClarifyRule, ConceptRule, RedFlagRule, RedFlagRules } from './RedFlagRules';
import { RulesByConcept } from './RulesByConcept';
import type { ReplyLanguage, SafetyAssessment, Urgency } from './SafetyAssessment';
import { WeightChange, weightsIn } from './WeightChange';

const DEFAULT_WINDOW = 10;
/** The flag (and risk word) of the learned net, as the trace and the audit show it. */
const LEARNED_FLAG = 'learned';
const RANK: Readonly<Record<Urgency, number>> = { emergency: 3, crisis: 2, urgent: 1 };
/** Readings of a message-wide rule's other concepts that let them join its anchor. */
const STANDS: ReadonlySet<Reading> = new Set<Reading>(['counts', 'joke', 'story', 'longAgo']);
/** The wording for crisis words and an emergency in one message (knowledge/red-flags.json `escalations`). */
const EMERGENCY_AND_CRISIS = 'emergencyAndCrisis';

interface Found<R extends ConceptRule> {
  readonly rule: R;
  readonly aboutSomeoneElse: boolean;
  readonly language: ReplyLanguage;
  /** Crisis words in a joke, a story, an ordinary goodbye, a loss, or an attempt years ago and over: no
   * escalation, but the direct question instead of an all-clear. */
  readonly doubted?: true;
}

type Hit = Found<RedFlagRule>;

/** The concepts a weight told twice, the later lower, is a mention of (the weight-loss rule's). */
const WEIGHT_CONCEPTS = { loss: 'weightLost', unit: 'weightUnit' } as const;
/** The concept an age under or over the screening's limits is a mention of (the new-pain-at-that-age rule's). */
const AGE_CONCEPT = 'ageAtRisk';

export class RedFlagDetector {
  private readonly lexicon: ConceptLexicon;
  private readonly weightChange: WeightChange;
  private readonly age: PatientAge;
  private readonly context: ContextLayer;
  private readonly words: WordReader;
  /** Warning-sign concepts and those of the clarify rules: a message with one never gets a sales pitch. */
  private readonly riskConcepts: ReadonlySet<string>;
  /** The risk concepts and those that only withhold the booking pitch: what a clear message reports it named. */
  private readonly pitchWithheld: ReadonlySet<string>;
  private readonly classifier?: RedFlagClassifier;
  /** The clarify rule the net's "ask" uses: the direct crisis question. */
  private readonly crisisCheck?: ClarifyRule;
  /** Concepts of the crisis rules: the context layer reads them as it reads crisis (see ContextLayer). */
  private readonly crisisConcepts: ReadonlySet<string>;
  /** The concepts the net leans on (its cues): only their mentions need a context reading. */
  private readonly netCues: ReadonlySet<string>;
  private readonly redFlagRules: RulesByConcept<RedFlagRule>;
  private readonly clarifyRules: RulesByConcept<ClarifyRule>;

  constructor(
    private readonly rules: RedFlagRules,
    private readonly cleanup: TextCleanup = TextCleanup.default,
  ) {
    this.redFlagRules = new RulesByConcept(rules.rules);
    this.clarifyRules = new RulesByConcept(rules.clarify);
    const clean = (text: string) => cleanup.clean(text);
    this.lexicon = new ConceptLexicon(rules.concepts, cleanup);
    this.weightChange = new WeightChange(rules.context.weightDropKg, WEIGHT_CONCEPTS);
    for (const concept of [...Object.values(WEIGHT_CONCEPTS), AGE_CONCEPT])
      if (!Object.hasOwn(rules.concepts, concept)) throw new Error(`red-flag rules: the concept '${concept}' is missing`);
    const medicineTalk = Object.entries(rules.concepts)
      .filter(([, concept]) => concept.medicineTalk)
      .map(([id]) => id);
    this.context = new ContextLayer(rules.context, clean, new Set(medicineTalk));
    const { ageConcernUnder, ageConcernOver } = rules.screening.thresholds;
    this.age = new PatientAge(ageConcernUnder, ageConcernOver, this.context.otherPeople, AGE_CONCEPT);
    this.words = new WordReader(new Spelling([...this.lexicon.vocabulary, ...this.context.vocabulary]), this.context.clauseWords);
    const marked = (flag: 'warningSign' | 'withholdsPitch') =>
      Object.entries(rules.concepts)
        .filter(([, concept]) => concept[flag])
        .map(([id]) => id);
    this.riskConcepts = new Set([...marked('warningSign'), ...rules.clarify.flatMap((rule) => rule.all.flat())]);
    this.pitchWithheld = new Set([...this.riskConcepts, ...marked('withholdsPitch')]);
    if (rules.classifier) this.classifier = new RedFlagClassifier(rules.classifier);
    this.crisisCheck = rules.clarify.find((rule) => rule.urgency === 'crisis');
    this.crisisConcepts = new Set(rules.rules.filter((rule) => rule.urgency === 'crisis').flatMap((rule) => rule.all.flat()));
    this.netCues = new Set(Object.values(rules.classifier?.escalate ?? {}).flatMap((escalation) => escalation.cues));
  }

  assess(message: string): SafetyAssessment {
    const cleaned = this.cleanup.clean(message);
    const text = new PatientWords(cleaned, this.words);
    const idioms = this.context.idiomSpans(text.words);
    const weights = weightsIn(text.words);
    const found = this.weightChange.withoutSmallLosses(
      text.words,
      weights,
      this.withoutYielded([...this.lexicon.find(text.words), ...this.weightChange.find(text.words, weights), ...this.age.find(text.words)]),
    );
    const mentions = idioms.length === 0 ? found : found.filter((m) => !idioms.some((i) => i.from <= m.from && i.to >= m.to));
    // Words inside any concept are not context cues ("cannot" in "cannot feel" negates nothing), unless a longer
    // negation opens with them ("nothing numb", "nada de problemas"): the phrase is meant, not the concept.
    const cues = mentions.filter((m) => !this.context.opensLongerNegation(text.words, m));
    const covered = new MessageConcepts(text.words.length, cues, this.riskConcepts);
    const readings = new MentionReadings(this.context, text, covered);
    const byConcept = new Map<string, ConceptMention[]>();
    for (const m of mentions) {
      let list = byConcept.get(m.concept);
      if (list === undefined) {
        list = [];
        byConcept.set(m.concept, list);
      }
      list.push(m);
    }
    // In word order (a weight told twice comes after the lexicon's mentions): the rules search them so.
    for (const list of byConcept.values()) if (!inStartOrder(list)) list.sort((a, b) => a.from - b.from);
    const hits: Hit[] = [];
    let doubt: Hit | undefined;
    for (const rule of this.redFlagRules.naming(byConcept.keys())) {
      const hit = this.find(rule, byConcept, text, readings);
      if (hit?.doubted) doubt ??= hit;
      else if (hit) hits.push(hit);
    }
    const finding = hits.length > 0 && !this.netDoubts(hits, cleaned) ? escalation(hits) : undefined;
    // An emergency told beside a crisis only the net reads ("on the edge of the car park roof. Can't feel my legs")
    // gets the crisis line too, as a crisis rule beside it would.
    if (finding?.advice === 'emergency' && this.netIsSureOfCrisis(cleaned, byConcept, text, readings))
      return { ...finding, advice: EMERGENCY_AND_CRISIS };
    if (finding !== undefined && finding.urgency !== 'urgent') return finding;
    // The net cannot read an idiom, nor a medicine cut down with care ("weaning myself off ... the plan"), which it
    // takes for giving up: it escalates those only on a cue concept that counts.
    const unreadable = idioms.length > 0 || this.context.caresForMedicine(text.words);
    const unruled = this.withoutRuleFinding(cleaned, mentions, byConcept, text, readings, unreadable, doubt);
    // An urgent finding does not end the reading: the net may know an emergency or a crisis in the same words
    // ("dad, 81, only gets a trickle all night" is new pain at his age and retention), and the graver advice goes out.
    if (finding === undefined) return unruled;
    return unruled.kind === 'escalate' && RANK[unruled.urgency] > RANK.urgent ? unruled : finding;
  }

  /** What a message gets when no rule's emergency, crisis or urgent finding stands: the net, a question, or clear. */
  private withoutRuleFinding(
    cleaned: string,
    mentions: readonly ConceptMention[],
    byConcept: ReadonlyMap<string, ConceptMention[]>,
    text: PatientWords,
    readings: MentionReadings,
    unreadable: boolean,
    doubt: Hit | undefined,
  ): SafetyAssessment {
    // The learned net, for wording no rule describes (see RedFlagClassifier), leaning only on concepts
    // that count where they stand: "numb from the dentist" or "no accidents" is no emergency cue. A "lol"
    // is often embarrassment ("numb down there lol sorry tmi"), so a joke does not silence a cue; an idiom,
    // which the net cannot read, keeps it from escalating without one. An emergency comes before any
    // question (a question would only delay it), and so does crisis when the net is sure of it ("the pain
    // won. I've chosen a way out"); bare hopelessness still gets the direct question first ("I can't take
    // it anymore" is asked about, as the Columbia screener does).
    const advice = this.classifier?.advise(cleaned, this.countingConcepts(byConcept, text, readings), unreadable);
    const language: ReplyLanguage = mentions.some((m) => m.language === 'es') ? 'es' : 'en';
    if (advice?.kind === 'escalate' && (advice.urgency !== 'crisis' || advice.sure)) return learned(advice.urgency, language);
    // Crisis words in a joke or a story are asked about, before any other question.
    if (doubt && this.crisisCheck) return this.clarification(this.crisisCheck, doubt.language);
    const assessment = this.clarifyOrClear(mentions, byConcept, text, readings);
    if (assessment.kind !== 'clear') return assessment;
    if (advice?.kind === 'escalate') return learned(advice.urgency, language);
    if (advice?.kind === 'ask' && this.crisisCheck) return this.clarification(this.crisisCheck, language);
    return advice === undefined ? assessment : { kind: 'clear', riskConcepts: [...assessment.riskConcepts, LEARNED_FLAG] };
  }

  /** Whether the net would escalate the message as crisis on its own (see withoutRuleFinding). */
  private netIsSureOfCrisis(
    cleaned: string,
    byConcept: ReadonlyMap<string, ConceptMention[]>,
    text: PatientWords,
    readings: MentionReadings,
  ): boolean {
    const advice = this.classifier?.advise(cleaned, this.countingConcepts(byConcept, text, readings));
    return advice?.kind === 'escalate' && advice.urgency === 'crisis';
  }

  /**
   * Whether the net, all but sure the message holds no risk, doubts the rules' emergency or urgent finding: the
   * writer names a warning sign in a setting no context list describes ("my 6 year old still wets the bed", "I'm
   * having a heart attack at the price of parking"). The message is then read as if no rule had completed. A
   * crisis finding is never doubted.
   */
  private netDoubts(hits: readonly Hit[], cleaned: string): boolean {
    return this.classifier !== undefined && hits.every((hit) => hit.rule.urgency !== 'crisis') && this.classifier.doubts(cleaned);
  }

  private find<R extends ConceptRule>(
    rule: R,
    byConcept: ReadonlyMap<string, ConceptMention[]>,
    text: PatientWords,
    readings: MentionReadings,
  ): Found<R> | undefined {
    // Most messages name no concept of most rules: that is settled before any list is built.
    if (!rule.all.every((group) => group.some((concept) => byConcept.has(concept)))) return undefined;
    const groups = rule.all.map((group) => inWordOrder(group, byConcept));
    const window = rule.window ?? DEFAULT_WINDOW;
    const wholeMessage = rule.scope === 'message';
    const options = { historyCounts: rule.history === 'counts', crisis: rule.urgency === 'crisis' };
    let doubted: Found<R> | undefined;
    const stands = (m: ConceptMention) => STANDS.has(readings.alone(m, options));
    for (const anchor of groups[0]) {
      const sentence = text.words[anchor.from].sentence;
      const chosen = [anchor];
      for (let g = 1; g < groups.length; g++) {
        const group = groups[g];
        // A message-wide rule's other concepts must stand as reports ("No fever yet" is no fever; crisis words in
        // a joke or a story still join, for the anchor's reading to ask about); a sentence rule's are read with its span.
        const best = wholeMessage ? nearestWhere(group, anchor.from, stands) : nearestInSentence(group, anchor.from, text.words, sentence);
        if (!best) break;
        chosen.push(best);
      }
      if (chosen.length < groups.length) continue;
      const span = spanOf(chosen);
      if (groups.length > 1 && !wholeMessage && span.to - span.from > window) continue;
      // A body site or other part denied where it stands denies the combination, though the rule's reading
      // follows its finding ("not numb anywhere near my privates, the tingling is just in my foot").
      const finding = rule.finding ?? chosen.length - 1;
      if (!wholeMessage && chosen.some((m, i) => i !== finding && readings.negated(m, options))) continue;
      // A message-wide rule is read where its first concept stands: the span between its concepts may hold
      // anything, even someone else ("tomo prednisona ... por el lupus ... me duele la columna").
      const where = wholeMessage ? anchor : span;
      const reading = readings.read(where, wholeMessage ? anchor : chosen[finding], options);
      const language = chosen.some((m) => m.language === 'es') ? 'es' : 'en';
      if (rule.urgency === 'crisis' && (reading === 'joke' || reading === 'story' || reading === 'longAgo')) {
        doubted ??= { rule, aboutSomeoneElse: false, language, doubted: true };
        continue;
      }
      const pastAndOver = reading === 'longAgo' && rule.urgency !== 'crisis';
      if (reading !== 'counts' && !pastAndOver) continue;
      // A history told once as long ago and over is that history wherever the message names it ("previous cancer
      // ... testicular cancer in 1998, discharged in 2008").
      if (
        rule.pastNeeds &&
        (pastAndOver || this.toldAsOver(groups[0], readings)) &&
        !this.reported(rule.pastNeeds, byConcept, text, readings, 'writer')
      )
        continue;
      if (rule.unlessReported && this.reported(rule.unlessReported, byConcept, text, readings, 'writer')) continue;
      if (this.context.aboutAnAnimalOrThing(text.words, text.sentences, where)) continue;
      const aboutSomeoneElse = this.context.aboutSomeoneElse(text.words, text.sentences, where);
      // Someone's death by suicide, told as a loss, is no risk to report: the writer is asked, gently.
      if (aboutSomeoneElse && rule.urgency === 'crisis' && this.context.isBereavement(text.words, where)) {
        doubted ??= { rule, aboutSomeoneElse, language, doubted: true };
        continue;
      }
      // A young child wetting or soiling is still learning to be dry.
      if (aboutSomeoneElse && rule.normalInYoungChildren && this.context.aboutAYoungChild(text.words, text.sentences, where)) continue;
      // Someone else already admitted or in A&E is being seen to: no advice to call for them.
      if (aboutSomeoneElse && rule.urgency !== 'crisis' && this.context.careIsReached(text.words, text.sentences, where)) continue;
      // Someone else's fever or cancer is a red flag only when their back is what the message is about.
      if (aboutSomeoneElse && rule.someoneElseNeeds && !this.reported(rule.someoneElseNeeds, byConcept, text, readings, 'someoneElse'))
        continue;
      return { rule, aboutSomeoneElse, language };
    }
    return doubted;
  }

  /**
   * The net's cue concepts with a mention the context layer lets count (crisis words read as crisis rules read
   * them), each worked out when the net asks: it asks only about a message it leans to a label for.
   */
  private countingConcepts(
    byConcept: ReadonlyMap<string, ConceptMention[]>,
    text: PatientWords,
    readings: MentionReadings,
  ): { has(concept: string): boolean } {
    const known = new Map<string, boolean>();
    const { crisisConcepts, context, netCues } = this;
    // A method, not a named arrow: tsx names each named arrow when it is made, at every message.
    return {
      has(concept) {
        let counting = known.get(concept);
        if (counting === undefined) {
          counting =
            netCues.has(concept) &&
            (byConcept.get(concept) ?? []).some((m) => {
              const crisis = crisisConcepts.has(m.concept);
              const reading = readings.alone(m, { historyCounts: crisis, crisis });
              return (reading === 'counts' || reading === 'joke') && !context.aboutAnAnimalOrThing(text.words, text.sentences, m);
            });
          known.set(concept, counting);
        }
        return counting;
      },
    };
  }

  /** Drops a mention that lies inside a mention of a concept it yields to ("legs" in "between my legs"). */
  private withoutYielded(mentions: ConceptMention[]): ConceptMention[] {
    // A mention holding m starts at most `longest` words before it: in word order, only those are looked at
    // (every mention was, for every mention of a concept that yields).
    const byStart = inStartOrder(mentions) ? mentions : [...mentions].sort((a, b) => a.from - b.from);
    let longest = 0;
    for (const m of mentions) longest = Math.max(longest, m.to - m.from);
    return mentions.filter((m) => {
      const yieldsTo = this.rules.concepts[m.concept].yieldsTo;
      if (!yieldsTo) return true;
      for (let j = startingAfter(byStart, m.from) - 1; j >= 0 && byStart[j].from >= m.from - longest; j--) {
        const o = byStart[j];
        if (yieldsTo.includes(o.concept) && o.to >= m.to) return false;
      }
      return true;
    });
  }

  /** Whether one of the mentions reads as a history long ago and over. */
  private toldAsOver(mentions: readonly ConceptMention[], readings: MentionReadings): boolean {
    return mentions.some((m) => readings.alone(m, { historyCounts: true, crisis: false }) === 'longAgo');
  }

  /**
   * Whether one of `concepts` is reported where it stands (not negated, asked about or explained). For someone
   * else, they must be named in the concept's own sentence ("my son has a temperature ... no one else to have
   * him. Sciatica is better" is the writer's own sciatica), and their history counts.
   */
  private reported(
    concepts: readonly string[],
    byConcept: ReadonlyMap<string, ConceptMention[]>,
    text: PatientWords,
    readings: MentionReadings,
    whose: 'writer' | 'someoneElse',
  ): boolean {
    const someoneElse = whose === 'someoneElse';
    return concepts.some((c) =>
      (byConcept.get(c) ?? []).some(
        (m) =>
          (!someoneElse || this.context.aboutSomeoneElse(text.words, text.sentences, m, 0)) &&
          readings.alone(m, { historyCounts: someoneElse, crisis: false }) === 'counts',
      ),
    );
  }

  private clarifyOrClear(
    mentions: readonly ConceptMention[],
    byConcept: ReadonlyMap<string, ConceptMention[]>,
    text: PatientWords,
    readings: MentionReadings,
  ): SafetyAssessment {
    for (const rule of this.clarifyRules.naming(byConcept.keys())) {
      const found = this.find(rule, byConcept, text, readings);
      // Someone else's bladder infection is no question for the writer; crisis words about anyone are.
      if (!found || found.doubted || (found.aboutSomeoneElse && rule.urgency !== 'crisis')) continue;
      return this.clarification(rule, found.language);
    }
    const risks = new Set(mentions.map((m) => m.concept).filter((c) => this.pitchWithheld.has(c)));
    // An emergency or crisis named whole but set aside (a question, someone's job, "the red flags") still carries
    // its risk: "is it ok to use a heat pack if I also can't feel my genitals?" gets no booking pitch.
    const sentences = new ConceptSentences(byConcept, text);
    for (const rule of this.redFlagRules.naming(byConcept.keys()))
      if (rule.urgency !== 'urgent' && sentences.nameTogether(rule))
        for (const concept of rule.all.flat()) if (byConcept.has(concept)) risks.add(concept);
    return { kind: 'clear', riskConcepts: [...risks] };
  }

  /** A clarify rule's question, in Spanish when the finding was. */
  private clarification(rule: ClarifyRule, language: ReplyLanguage): SafetyAssessment {
    const question = language === 'es' ? (this.rules.translations.es.clarify[rule.id] ?? rule.question) : rule.question;
    return { kind: 'clarify', ruleId: rule.id, question, language };
  }
}

const INSIDE = 1;
const SIGN = 2;

/** The words inside the message's concept mentions, and those inside a warning sign's: a mark per word. */
class MessageConcepts implements ConceptWords {
  /** Per word: INSIDE, with SIGN too when a warning sign's mention holds it. */
  private readonly marks: Uint8Array;

  constructor(words: number, mentions: readonly ConceptMention[], signConcepts: ReadonlySet<string>) {
    this.marks = new Uint8Array(words);
    for (const m of mentions) {
      const mark = signConcepts.has(m.concept) ? INSIDE | SIGN : INSIDE;
      for (let word = m.from; word < m.to; word++) this.marks[word] |= mark;
    }
  }

  has(word: number): boolean {
    return (this.marks[word] & INSIDE) !== 0;
  }

  isSign(word: number): boolean {
    return (this.marks[word] & SIGN) !== 0;
  }
}

/** Whether mentions are in word order (the lexicon's are; a weight told twice comes after them). */
function inStartOrder(mentions: readonly ConceptMention[]): boolean {
  for (let k = 1; k < mentions.length; k++) if (mentions[k].from < mentions[k - 1].from) return false;
  return true;
}

/** The index of the first mention (of a list in word order) starting after word `at`. */
function startingAfter(sorted: readonly ConceptMention[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].from <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A rule group's mentions in word order: each concept's own list is, so only a group naming several is merged. */
function inWordOrder(group: readonly string[], byConcept: ReadonlyMap<string, ConceptMention[]>): readonly ConceptMention[] {
  let only: ConceptMention[] | undefined;
  let merged: ConceptMention[] | undefined;
  for (const concept of group) {
    const list = byConcept.get(concept);
    if (list === undefined) continue;
    if (only === undefined) only = list;
    else merged = [...(merged ?? only), ...list];
  }
  return merged?.sort((a, b) => a.from - b.from) ?? only ?? [];
}

/**
 * The mention starting nearest to `at` in sentence `sentence` (in a list sorted by start, binary search; the
 * earlier of two as near). A sentence's mentions are one contiguous run, so the nearest is a neighbour of `at`.
 */
function nearestInSentence(
  sorted: readonly ConceptMention[],
  at: number,
  words: readonly Word[],
  sentence: number,
): ConceptMention | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].from < at) low = mid + 1;
    else high = mid;
  }
  let best: ConceptMention | undefined;
  for (let k = Math.max(0, low - 1); k <= Math.min(sorted.length - 1, low + 1); k++) {
    const m = sorted[k];
    if (words[m.from].sentence === sentence && (best === undefined || Math.abs(m.from - at) < Math.abs(best.from - at))) best = m;
  }
  return best;
}

/**
 * The mention starting nearest to `at` that `stands` (the first in the list of those as near), in a list sorted
 * by start: searched outward from `at`, so only the mentions nearer than it are read (a long message names a
 * concept many times, and a reading is most of a rule's work).
 */
function nearestWhere(sorted: readonly ConceptMention[], at: number, stands: (m: ConceptMention) => boolean): ConceptMention | undefined {
  let right = startingAfter(sorted, at - 1);
  let left = right - 1;
  while (left >= 0 || right < sorted.length) {
    const leftGap = left >= 0 ? at - sorted[left].from : Number.POSITIVE_INFINITY;
    const rightGap = right < sorted.length ? sorted[right].from - at : Number.POSITIVE_INFINITY;
    // As near on both sides: the left ones first (earlier in the list); mentions starting at one word, in list order.
    if (leftGap <= rightGap) {
      let first = left;
      while (first > 0 && sorted[first - 1].from === sorted[left].from) first--;
      for (let k = first; k <= left; k++) if (stands(sorted[k])) return sorted[k];
      left = first - 1;
    } else {
      const from = sorted[right].from;
      for (; right < sorted.length && sorted[right].from === from; right++) if (stands(sorted[right])) return sorted[right];
    }
  }
  return undefined;
}

/** The words from the first mention's start to the last one's end. */
function spanOf(mentions: readonly ConceptMention[]): Span {
  let from = mentions[0].from;
  let to = mentions[0].to;
  for (const m of mentions) {
    if (m.from < from) from = m.from;
    if (m.to > to) to = m.to;
  }
  return { from, to };
}

/** The net's escalation (see assess). */
function learned(urgency: Urgency, language: ReplyLanguage): SafetyAssessment {
  return { kind: 'escalate', urgency, flags: [`${LEARNED_FLAG}-${urgency}`], advice: urgency, language, aboutSomeoneElse: false };
}

function escalation(hits: readonly Hit[]): SafetyAssessment & { kind: 'escalate' } {
  const now = hits.find((h) => h.rule.advice === 'crisisNow');
  const top = now ?? hits.reduce((a, b) => (RANK[b.rule.urgency] > RANK[a.rule.urgency] ? b : a));
  // Crisis words beside an emergency: the emergency's urgency and number, and the crisis line too (an emergency
  // reply alone would leave the thoughts unanswered).
  const both = !now && top.rule.urgency === 'emergency' && hits.some((h) => h.rule.urgency === 'crisis');
  const same = hits.filter((h) => h.rule.urgency === top.rule.urgency);
  return {
    kind: 'escalate',
    urgency: top.rule.urgency,
    flags: hits.map((h) => h.rule.id),
    advice: both ? EMERGENCY_AND_CRISIS : (top.rule.advice ?? top.rule.urgency),
    language: hits.some((h) => h.language === 'es') ? 'es' : 'en',
    aboutSomeoneElse: same.every((h) => h.aboutSomeoneElse),
  };
}
