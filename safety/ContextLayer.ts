/**
 * One context layer for every rule (in the spirit of NegEx and ConText): given where a rule's concepts
 * were found, decides whether that is a report that counts. A mention does not count when it is
 *  - negated: a negation cue shortly before it, with no scope terminator or new subject between, or a
 *    "fine"-type word shortly after it in its clause ("bladder is fine");
 *  - historical, resolved, or lifelong and unchanged: a cue in its clause ("years ago", "since birth",
 *    "no change"), a resolution in its sentence ("cleared up"), or either in what follows and speaks of it
 *    ("but that's been since my knee op", "Grand now.") — unless the rule's history counts (a cancer
 *    history, a past attempt: then told as long ago and over it reads `longAgo`);
 *  - denied afterwards: a bare "No." to its question, or "I don't have any of that" (never crisis words);
 *  - hypothetical or general: "what if", "signs of" before it, or "if" in a question, or a question that
 *    names nobody ("can sciatica cause numbness?");
 *  - a joke ("lol", "laughing"), or explained by something ordinary in its sentence (a diet, the gym).
 * Crisis rules are set aside only when negated ("I'm not suicidal"), an accident, or thoughts now over; said as
 * a joke, in a story (a film, the news), beside an ordinary reason for a goodbye (a move, a holiday), or an
 * attempt years ago and over, they read 'joke', 'story' or 'longAgo', which the detector answers with the
 * direct question, never an all-clear. Idioms ("slept like the dead") hide their own words from the concepts.
 * Hedges ("I think", "maybe") change nothing: a hedged report still counts.
 * Experiencer: whoever is named nearest before the mention (the writer, or someone else).
 */
import type { ConceptMention } from './ConceptLexicon';
import { ageAt } from './PatientAge';
import type { Sentence, Word } from './PatientWords';
import { type PhraseStep, phraseSteps } from './PhraseSteps';

export interface ContextCues {
  readonly negation: readonly string[];
  readonly pseudoNegation: readonly string[];
  readonly negatedAfter: readonly string[];
  readonly negationWindow: number;
  readonly terminators: readonly string[];
  readonly historical: readonly string[];
  readonly resolved: readonly string[];
  readonly lifelong: readonly string[];
  readonly hypothetical: readonly string[];
  readonly questionStarters: readonly string[];
  readonly selfWords: readonly string[];
  readonly otherPeople: readonly string[];
  /** Pets and other animals: their symptoms are no red flag for a human clinic. */
  readonly animals: readonly string[];
  /** Things that fall down or fail ("the tent collapsed"): right before a mention, they are its subject, not a person. */
  readonly things: readonly string[];
  readonly humour: readonly string[];
  readonly reportingQuestions: readonly string[];
  readonly aboutTheTopic: readonly string[];
  /** Where a general statement comes from ("my sister says", "I read", "a video on WhatsApp"). */
  readonly informationSources: readonly string[];
  /** How such a statement names a sign's danger ("is a red flag", "go straight to hospital"). */
  readonly warnsOf: readonly string[];
  /** The writer saying a warning is about them ("mine is numb", "I have that", "sounds like me"). */
  readonly ownedUp: readonly string[];
  /** The writer's job in care or health ("I'm a continence nurse", "I work in a care home"). */
  readonly careJobs: readonly string[];
  /** What such work does with a sign ("deal with", "residents are", "we use"): before a mention, it is the job's, not a report. */
  readonly atWork: readonly string[];
  /** The people such work is with ("patient", "resident"): named between a work verb and a mention, still the job's. */
  readonly peopleAtWork: readonly string[];
  readonly accidental: readonly string[];
  /** A medicine taken with care: cut down, come off, its safe dose asked ("weaning off", "how many should I take"). */
  readonly medicineCare: readonly string[];
  readonly ordinaryCause: readonly string[];
  readonly conjunctions: readonly string[];
  readonly negatedRightAfter: readonly string[];
  /** Films, books, news, research: a story about someone, not a report ("a documentary about a man who took his own life"). */
  readonly media: readonly string[];
  /** Care already reached ("admitted", "in A&E"): someone else's emergency is being seen to. */
  readonly careReached: readonly string[];
  /** Someone's death by suicide, told as a loss ("my dad took his own life when I was 15"). */
  readonly bereavement: readonly string[];
  /** Ordinary reasons for a goodbye or a last day (a move, a holiday, retirement, recovery). */
  readonly departure: readonly string[];
  /** Figures of speech whose own words are no concept ("slept like the dead", "take it all in my stride"). */
  readonly idioms: readonly string[];
  /** A denial that points back at what was just named ("I don't have any of that", "none of that"). */
  readonly deniedBack: readonly string[];
  /** Words that open a clause about what was just said ("that's been since 2019", "it's been solid since"). */
  readonly anaphors: readonly string[];
  /** A bare answer that denies a question just asked ("Fever? No."). */
  readonly answersNo: readonly string[];
  /** Words right before an ordinary cause that deny it ("without dieting", "not on a diet"). */
  readonly causeDenied: readonly string[];
  /** Words right after an ordinary cause that make it an injury ("after a deadlift injury"): no ordinary explanation. */
  readonly causeInjured: readonly string[];
  /** What opens an example given to a question ("What are the warning signs? Like numbness down there?"). */
  readonly examples: readonly string[];
  /** What opens a condition ("if", "in case"): inside a general question it asks, it does not report. */
  readonly conditionals: readonly string[];
  /** Nouns that make the concept before them a name ("stroke ward", "cauda equina cases", "continence nurse"). */
  readonly namingNouns: readonly string[];
  /** Children too young to be dry ("toddler"); a child of five or under is one too ("my 3 year old"). */
  readonly youngChildren: readonly string[];
  /** Words that turn what follows from the mention to everything else ("otherwise all fine"). */
  readonly otherwise: readonly string[];
  /** An embarrassed or timed report: a "lol" beside it is nerves, not a joke ("embarrassing lol", "started this morning"). */
  readonly inEarnest: readonly string[];
  /** What tells a symptom as coming after a cause, not explained by it ("at the gym and now he can't..."). */
  readonly afterwards: readonly string[];
  /** What tells a past report as current again ("used to self harm as a teen, started again"): no longer history. */
  readonly resumed: readonly string[];
  /** A start hours or days ago ("since I woke up", "since Monday"): a lifelong cue beside it tells no old state ("been like that since this morning"). */
  readonly recentOnset: readonly string[];
  /** Verbs that give a clause its own statement: a negation before a conjunction does not reach past one. */
  readonly finiteVerbs: readonly string[];
  /** Words after which a clause of the writer's own opens a report inside a question ("is it normal that my…"). */
  readonly reportOpeners: readonly string[];
  /** Verbs that tell a present state after "if my …" ("is swollen", "feels dead"), not a possible change ("goes", "gets"). */
  readonly presentState: readonly string[];
  /** A recent span that opens like a past cue ("in the past couple of months"): lately, not long ago. */
  readonly recentSpans: readonly string[];
  /** Words that put a condition in the present ("if I'm currently having chemo"): the writer's state, not a what-if. */
  readonly presentMarkers: readonly string[];
  /** What opens a short answer of the writer's own to the general question just asked ("Mine is like that", "I've had them"). */
  readonly ownAnswers: readonly string[];
  /** A weight told twice, the later lower by at least this (kg), is weight lost (safety/WeightChange). */
  readonly weightDropKg: number;
}

/** Words that may stand between a subject and its verb ("the roof has just collapsed"). */
const SUBJECT_TO_VERB: ReadonlySet<string> = new Set([
  'has',
  'had',
  'have',
  's',
  'is',
  'was',
  'just',
  'completely',
  'totally',
  'all',
  'half',
  'partly',
  'finally',
  'then',
]);
/** He or she: they stand for whoever was named before, a pet included. */
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her', 'his', 'hes', 'shes']);
/** How far after a mention a passed-on warning names the danger ("... with a bad back go straight to hospital"). */
const WARNING_REACH = 10;
/** How far before a mention a work verb may stand ("deal with retention, catheters and incontinence"). */
const WORK_REACH = 8;
/** How far (words) context is read around a mention: bounded, so each reading costs constant time. */
const LOOK_BACK = 25;
/** A next sentence this short, naming no symptom, may say the mention is over ("Grand now."). */
const SHORT_SENTENCE = 6;
/** How many words a recent span ("for the first time since") reaches back to void the past cue after it. */
const RECENT_SPAN_REACH = 5;
/** An anaphor this early in a clause makes it about what was just said ("had it since", "but that's"). */
const ANAPHOR_REACH = 3;
/** A bare answer's first clause, at most ("No.", "No I didn't,"). */
const BARE_ANSWER = 4;
const NO_WORDS: ReadonlySet<string> = new Set();

/** Which words of the message belong to a concept, and which of those to a warning sign (a symptom). */
export interface ConceptWords {
  has(word: number): boolean;
  isSign(word: number): boolean;
}

export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * `longAgo`: a past that counts (an attempt, a cancer) but lies years back and is over: for crisis the detector
 * asks; other rules count it only with what their `pastNeeds` names (new back pain).
 */
export type Reading = 'counts' | 'negated' | 'historical' | 'longAgo' | 'hypothetical' | 'joke' | 'story' | 'explained';

/**
 * Cue phrases as word lists (PhraseSteps), looked up by their first word, matched within one clause. A message
 * word matches a cue word when the word or one of its lemmas is it: a cue word in its base form matches every
 * inflection ("go away" finds "went away"), an inflected one only itself ("went away" is no "won't go away"). As in the concept lists, `*` skips up to one word and `**` up to three.
 */
class CueList {
  private readonly byFirst = new Map<string, PhraseStep[][]>();
  /** Every word a cue uses, so the spelling corrector never turns one into another word ("doms"). */
  readonly vocabulary = new Set<string>();

  constructor(phrases: readonly string[], clean: (text: string) => string) {
    for (const phrase of phrases) {
      const cue = phraseSteps(clean(phrase));
      for (const { word } of cue) this.vocabulary.add(word);
      if (cue.length === 0) continue;
      const list = this.byFirst.get(cue[0].word) ?? [];
      list.push(cue);
      this.byFirst.set(cue[0].word, list);
    }
  }

  /**
   * The message whose words `starts` describes: one message is read at a time, and its readings scan the
   * same words again and again (every mention's window, every rule's span), so whether a cue may start at a
   * word is looked up once per message, not once per scan.
   */
  private startsOf?: readonly Word[];
  /** Per word of that message: 0 not looked up yet, 1 no cue starts with any of its forms, 2 one may. */
  private starts = new Uint8Array(0);

  /** The length of a cue starting at word `i` (within [.., limit)), or 0. */
  at(words: readonly Word[], i: number, limit = words.length): number {
    if (!this.mayStartAt(words, i)) return 0;
    // Plain loops: this runs for every word around every mention.
    for (const form of words[i].forms) {
      const cues = this.byFirst.get(form);
      if (cues === undefined) continue;
      for (const cue of cues) {
        const end = cueEnd(cue, words, i, limit);
        if (end > 0) return end - i;
      }
    }
    return 0;
  }

  private mayStartAt(words: readonly Word[], i: number): boolean {
    if (words !== this.startsOf) {
      this.startsOf = words;
      if (this.starts.length < words.length) this.starts = new Uint8Array(Math.max(words.length, 2 * this.starts.length));
      else this.starts.fill(0, 0, words.length);
    }
    if (this.starts[i] === 0) {
      this.starts[i] = 1;
      for (const form of words[i].forms) if (this.byFirst.has(form)) this.starts[i] = 2;
    }
    return this.starts[i] === 2;
  }

  /** Whether a cue starts anywhere in [from, to), outside `except` (the finding's own words: "my plan is sorted"). */
  anyIn(words: readonly Word[], from: number, to: number, except?: Span): boolean {
    for (let i = from; i < to; i++) {
      if (except && i >= except.from && i < except.to) continue;
      if (this.at(words, i, to) > 0) return true;
    }
    return false;
  }
}

/** One past the last word of `cue` matched from word `i` in `i`'s clause, before `limit`; 0 when it does not match. */
function cueEnd(cue: readonly PhraseStep[], words: readonly Word[], i: number, limit: number): number {
  let clause = words[i].clause;
  let next = i + 1;
  for (let k = 1; k < cue.length; k++) {
    let found = -1;
    for (let j = next; j <= next + cue[k].skip && j < limit; j++) {
      // A clause word the cue itself holds opens its clause with no break before it ("fine now", "grand now").
      // Never past the sentence's end: "I want to die. Of boredom? No, I mean it" holds no idiom.
      if (words[j].sentence !== words[i].sentence) break;
      const opensWithCueWord = j === next && words[j].clause === clause + 1 && words[j].forms.includes(cue[k].word);
      if (words[j].clause !== clause && !opensWithCueWord) break;
      if (words[j].forms.includes(cue[k].word)) {
        found = j;
        clause = words[j].clause;
        break;
      }
    }
    if (found < 0) return 0;
    next = found + 1;
  }
  return next;
}

export class ContextLayer {
  private readonly negation: CueList;
  private readonly pseudoNegation: CueList;
  private readonly negatedAfter: CueList;
  private readonly terminators: CueList;
  private readonly historical: CueList;
  private readonly resolved: CueList;
  private readonly lifelong: CueList;
  private readonly hypothetical: CueList;
  private readonly humour: CueList;
  private readonly reportingQuestions: CueList;
  private readonly aboutTheTopic: CueList;
  private readonly careJobs: CueList;
  private readonly informationSources: CueList;
  private readonly warnsOf: CueList;
  private readonly ownedUp: CueList;
  private readonly atWork: CueList;
  private readonly peopleAtWork: ReadonlySet<string>;
  private readonly accidental: CueList;
  private readonly medicineCare: CueList;
  private readonly ordinaryCause: CueList;
  private readonly media: CueList;
  private readonly careReached: CueList;
  private readonly idioms: CueList;
  private readonly departure: CueList;
  private readonly bereavement: CueList;
  private readonly deniedBack: CueList;
  private readonly examples: CueList;
  private readonly conditionals: CueList;
  private readonly namingNouns: ReadonlySet<string>;
  private readonly youngChildren: CueList;
  private readonly otherwise: CueList;
  private readonly inEarnest: CueList;
  private readonly afterwards: CueList;
  private readonly resumed: CueList;
  private readonly recentOnset: CueList;
  private readonly finiteVerbs: ReadonlySet<string>;
  private readonly reportOpeners: ReadonlySet<string>;
  private readonly presentState: ReadonlySet<string>;
  private readonly recentSpans: CueList;
  private readonly presentMarkers: CueList;
  private readonly ownAnswers: CueList;
  /** Per message (its word array): whether a joke is taken back in it. */
  private readonly deniedJokes = new WeakMap<readonly Word[], boolean>();
  private readonly questionStarters: ReadonlySet<string>;
  private readonly selfWords: ReadonlySet<string>;
  /** Words for the people a writer reports about, cleaned like messages (PatientAge reads ages beside them too). */
  readonly otherPeople: ReadonlySet<string>;
  /** People named in more than one word ("little one", "wee one"). */
  private readonly peoplePhrases: CueList;
  private readonly animals: ReadonlySet<string>;
  private readonly things: ReadonlySet<string>;
  private readonly conjunctions: ReadonlySet<string>;
  private readonly negatedRightAfter: ReadonlySet<string>;
  private readonly anaphors: ReadonlySet<string>;
  private readonly answersNo: ReadonlySet<string>;
  private readonly causeDenied: ReadonlySet<string>;
  private readonly causeInjured: ReadonlySet<string>;

  /**
   * `medicineTalk`: concepts that name a medicine or its last dose, which a medicine cut down with care explains
   * (never thoughts of suicide, a plan or a stockpile told beside it).
   */
  constructor(
    private readonly cues: ContextCues,
    clean: (text: string) => string,
    private readonly medicineTalk: ReadonlySet<string> = new Set(),
  ) {
    const list = (phrases: readonly string[]) => new CueList(phrases, clean);
    this.negation = list(cues.negation);
    this.pseudoNegation = list(cues.pseudoNegation);
    this.negatedAfter = list(cues.negatedAfter);
    this.terminators = list(cues.terminators);
    this.historical = list(cues.historical);
    this.resolved = list(cues.resolved);
    this.lifelong = list(cues.lifelong);
    this.hypothetical = list(cues.hypothetical);
    this.humour = list(cues.humour);
    this.reportingQuestions = list(cues.reportingQuestions);
    this.aboutTheTopic = list(cues.aboutTheTopic);
    this.careJobs = list(cues.careJobs);
    this.informationSources = list(cues.informationSources);
    this.warnsOf = list(cues.warnsOf);
    this.ownedUp = list(cues.ownedUp);
    this.atWork = list(cues.atWork);
    this.accidental = list(cues.accidental);
    this.medicineCare = list(cues.medicineCare);
    this.ordinaryCause = list(cues.ordinaryCause);
    this.media = list(cues.media);
    this.careReached = list(cues.careReached);
    this.idioms = list(cues.idioms);
    this.departure = list(cues.departure);
    this.bereavement = list(cues.bereavement);
    this.deniedBack = list(cues.deniedBack);
    this.examples = list(cues.examples);
    this.conditionals = list(cues.conditionals);
    this.youngChildren = list(cues.youngChildren);
    this.otherwise = list(cues.otherwise);
    this.inEarnest = list(cues.inEarnest);
    this.afterwards = list(cues.afterwards);
    this.resumed = list(cues.resumed);
    this.recentOnset = list(cues.recentOnset);
    this.recentSpans = list(cues.recentSpans);
    this.presentMarkers = list(cues.presentMarkers);
    this.ownAnswers = list(cues.ownAnswers);
    // One word per entry, as cleaned: shorthand that expands keeps its first word ("ive" is "i", not "i have":
    // "have" or "am" as a self word made "my cousin have fever" the writer's).
    // Entries of several words ("little one") are phrases (see peoplePhrases).
    const words = (entries: readonly string[]) =>
      new Set(
        entries
          .filter((entry) => !entry.includes(' '))
          .map(
            (entry) =>
              clean(entry)
                .split(/[^a-z0-9]+/)
                .find((w) => w !== '') ?? '',
          )
          .filter((w) => w !== ''),
      );
    this.questionStarters = words(cues.questionStarters);
    this.selfWords = words(cues.selfWords);
    this.peopleAtWork = words(cues.peopleAtWork);
    this.otherPeople = words(cues.otherPeople);
    this.peoplePhrases = list(cues.otherPeople.filter((entry) => entry.includes(' ')));
    this.animals = words(cues.animals);
    this.things = words(cues.things);
    this.conjunctions = words(cues.conjunctions);
    this.negatedRightAfter = words(cues.negatedRightAfter);
    this.anaphors = words(cues.anaphors);
    this.answersNo = words(cues.answersNo);
    this.causeDenied = words(cues.causeDenied);
    this.causeInjured = words(cues.causeInjured);
    this.namingNouns = words(cues.namingNouns);
    this.finiteVerbs = words(cues.finiteVerbs);
    this.reportOpeners = words(cues.reportOpeners);
    this.presentState = words(cues.presentState);
  }

  /** Every word of every cue list and word list (people, pets: "hijo" and "perro" are words, not typos). */
  get vocabulary(): ReadonlySet<string> {
    const lists = [
      this.negation,
      this.pseudoNegation,
      this.negatedAfter,
      this.terminators,
      this.historical,
      this.resolved,
      this.lifelong,
      this.hypothetical,
      this.humour,
      this.reportingQuestions,
      this.aboutTheTopic,
      this.careJobs,
      this.informationSources,
      this.warnsOf,
      this.ownedUp,
      this.atWork,
      this.accidental,
      this.medicineCare,
      this.ordinaryCause,
      this.media,
      this.careReached,
      this.idioms,
      this.departure,
      this.bereavement,
      this.deniedBack,
      this.examples,
      this.conditionals,
      this.youngChildren,
      this.otherwise,
      this.inEarnest,
      this.afterwards,
      this.resumed,
      this.recentOnset,
      this.recentSpans,
      this.presentMarkers,
      this.ownAnswers,
    ];
    const sets = [
      this.questionStarters,
      this.selfWords,
      this.otherPeople,
      this.animals,
      this.things,
      this.conjunctions,
      this.negatedRightAfter,
      this.anaphors,
      this.answersNo,
      this.namingNouns,
      this.finiteVerbs,
      this.reportOpeners,
      this.presentState,
    ];
    return new Set([...lists.flatMap((list) => [...list.vocabulary]), ...sets.flatMap((set) => [...set])]);
  }

  /** Clause words (terminators) that also start a new clause for the history cues. */
  get clauseWords(): ReadonlySet<string> {
    return new Set(this.cues.terminators.filter((t) => !t.includes(' ')));
  }

  /**
   * `inside`: the words that belong to a concept (a cue among them is part of that concept, not context), and
   * which of them name a warning sign (a later sentence naming one is a new report, not about this mention).
   */
  /** `finding`: the mention that carries the symptom, which a negation must reach. */
  read(
    words: readonly Word[],
    sentences: readonly Sentence[],
    span: Span,
    finding: ConceptMention,
    inside: ConceptWords,
    options: { historyCounts: boolean; crisis: boolean },
  ): Reading {
    if (this.isDenied(words, sentences, span, finding, inside, options.crisis)) return 'negated';
    const sentence = sentences[words[span.from].sentence];
    if (!options.historyCounts && this.isHistorical(words, sentences, span, finding, inside, options.crisis)) return 'historical';
    const around = {
      from: Math.max(sentence.from, span.from - LOOK_BACK),
      to: Math.min(sentence.to, span.to + LOOK_BACK),
      question: sentence.question,
    };
    // Talk about the topic (a GP's question, an essay, an accident, "die of embarrassment") is no report, even of crisis.
    if (this.aboutTheTopic.anyIn(words, around.from, around.to)) return 'hypothetical';
    // A carer's or a nurse's work with the sign ("I'm a continence nurse so I deal with retention all day") is no
    // report; "I'm a care worker and I've got a temperature" is.
    if (this.isAtWork(words, sentences, span)) return 'hypothetical';
    // A concept that names a place, a job or a case ("the stroke ward", "cauda equina cases") is no report.
    if (span.to < sentence.to && words[span.to].clause === words[span.to - 1].clause && this.namingNouns.has(words[span.to].text))
      return 'hypothetical';
    // "lol, is that normal?" asks about the writer's own state: the joke does not set it aside, nor does
    // "not even joking" anywhere in the message.
    const joking =
      this.affirmed(this.humour, words, around) && !this.jokeDenied(words) && !this.reportingQuestions.anyIn(words, around.from, around.to);
    const story = this.isStory(words, sentence, span);
    // Thoughts of suicide count however they are put: never set aside as hypothetical or explained; only a
    // hurt that was an accident ("burnt myself on the oven") is no self-harm, and a medicine cut down is no
    // means gathered (its name, its last dose; "coming off my tablets so I can stockpile enough" still counts). Said as a joke, or long ago
    // ("ten years ago I attempted"), they are no emergency but no all-clear either: the detector asks.
    if (options.crisis) {
      if (
        this.accidental.anyIn(words, around.from, around.to) ||
        (this.medicineTalk.has(finding.concept) && this.medicineCare.anyIn(words, around.from, around.to))
      )
        return 'explained';
      if (joking) return 'joke';
      // A farewell or a last day with an ordinary reason beside it (a move, a holiday): asked, not escalated.
      if (story || this.departure.anyIn(words, around.from, around.to)) return 'story';
      return options.historyCounts && this.isLongAgoAndOver(words, sentence, span, finding) ? 'longAgo' : 'counts';
    }
    if (story || this.isHypothetical(words, sentences, sentence, span)) return 'hypothetical';
    if (joking) return 'joke';
    if (this.explainedByOrdinaryCause(words, around, span)) return 'explained';
    // A history that counts, told as long ago and over ("cancer in 1998, discharged in 2008"): the rule decides.
    return options.historyCounts && this.isLongAgoAndOver(words, sentence, span, finding) ? 'longAgo' : 'counts';
  }

  /** Whether the writer tells of a medicine taken with care: cut down, come off, its safe dose asked. */
  caresForMedicine(words: readonly Word[]): boolean {
    return this.medicineCare.anyIn(words, 0, words.length);
  }

  /** Whether a negation cue longer than the mention starts where it does ("nothing" of "nothing numb"). */
  opensLongerNegation(words: readonly Word[], mention: Span): boolean {
    return this.negation.at(words, mention.from) > mention.to - mention.from;
  }

  /**
   * Whether a joke is taken back anywhere in the message ("not even joking"), or the message is told in earnest
   * ("this is embarrassing lol", "started this morning"): read once a message.
   */
  private jokeDenied(words: readonly Word[]): boolean {
    let denied = this.deniedJokes.get(words);
    if (denied === undefined) {
      denied =
        this.denied(this.humour, words, { from: 0, to: words.length, question: false }) || this.inEarnest.anyIn(words, 0, words.length);
      this.deniedJokes.set(words, denied);
    }
    return denied;
  }

  /**
   * Whether the span reads 'negated' (see read): negated where it stands, or denied afterwards. Asked alone
   * when that is all a caller needs to know (a rule's other parts), it spares the rest of the reading.
   */
  isDenied(
    words: readonly Word[],
    sentences: readonly Sentence[],
    span: Span,
    finding: Span,
    inside: ConceptWords,
    crisis: boolean,
  ): boolean {
    if (this.isNegated(words, sentences[words[span.from].sentence], span, finding, inside)) return true;
    // Thoughts of suicide denied afterwards ("not that I'd do it") still count: ideation without intent is ideation.
    return !crisis && this.deniedLater(words, sentences, span, inside);
  }

  /** Where the message's idioms stand: a concept inside one is no mention ("slept like the dead"). */
  idiomSpans(words: readonly Word[]): Span[] {
    const spans: Span[] = [];
    for (let i = 0; i < words.length; i++) {
      const length = this.idioms.at(words, i);
      if (length > 0) spans.push({ from: i, to: i + length });
    }
    return spans;
  }

  /** Whether the mention is told as someone's death by suicide: a loss, not a risk to report. */
  isBereavement(words: readonly Word[], span: Span): boolean {
    return this.bereavement.anyIn(words, Math.max(0, span.from - 3), Math.min(words.length, span.to + 1));
  }

  /** Whether the message says care has been reached ("admitted", "in A&E") in the mention's sentence or the next two. */
  careIsReached(words: readonly Word[], sentences: readonly Sentence[], span: Span): boolean {
    const at = words[span.from].sentence;
    const last = sentences[Math.min(sentences.length - 1, at + 2)];
    return this.careReached.anyIn(words, sentences[at].from, last.to);
  }

  /**
   * Someone other than the writer, when the nearest person named before the mention is another person,
   * looking back `sentencesBack` sentences (0: only the mention's own sentence).
   */
  aboutSomeoneElse(words: readonly Word[], sentences: readonly Sentence[], span: Span, sentencesBack = 2): boolean {
    // The writer's possessive opening the mention says it is theirs ("all my pills", "my passwords to"), before anyone
    // named earlier; "me" or "myself" there may be someone else's words ("my boyfriend keeps texting kms").
    for (let i = span.from; i < span.to && !this.isOtherPerson(words[i]); i++) if (OWN.has(words[i].text)) return false;
    const first = lookBackFrom(words, sentences, span, sentencesBack);
    for (let i = span.from - 1; i >= first; i--) {
      const w = words[i].text;
      // Spanish "he" before a participle is "I have" ("he bajado 8 kilos"), not English "he".
      if (w === 'he' && /(ado|ido)$/.test(words[i + 1]?.text ?? '')) return false;
      if (this.isOtherPerson(words[i]) || this.peoplePhrases.at(words, i) > 0 || namedByAge(words, i, this.otherPeople)) return true;
      if (this.selfWords.has(w)) return false;
    }
    for (let i = span.from; i < span.to; i++) {
      if (this.isOtherPerson(words[i])) return true;
    }
    return false;
  }

  /**
   * Negated when a cue stands between the concepts ("legs are not weak"), when a cue before it reaches
   * the finding (the rule's symptom, not its body site: "no numbness in my groin"), or when a "fine"
   * word follows ("bladder is fine"). A cue's reach ends at a scope terminator ("but") and at a new subject after a conjunction
   * ("not opened my bowels, and I can't feel when I need to": the second clause is not negated).
   */
  private isNegated(words: readonly Word[], sentence: Sentence, span: Span, finding: Span, inside: ConceptWords): boolean {
    for (let i = span.from; i < span.to; i++) {
      if (!inside.has(i) && this.negation.at(words, i, span.to) > 0 && !this.isPseudoNegation(words, i, sentence)) return true;
    }
    if (this.negatedBefore(words, sentence, finding, inside)) return true;
    // "peeing fine": a bare "fine" right after the mention (further on it may belong to a question: "is that normal?").
    // Not when the "fine" is the writer's consent ("if I don't wake up, that's fine by me"): a pseudo-negation.
    if (span.to < sentence.to && this.negatedRightAfter.has(words[span.to].text) && !this.isPseudoNegation(words, span.to, sentence))
      return true;
    const clause = words[span.to - 1].clause;
    for (let i = span.to; i < Math.min(sentence.to, span.to + 4) && words[i].clause === clause; i++) {
      if (this.negatedAfter.at(words, i, sentence.to) > 0 && !this.isPseudoNegation(words, i, sentence)) return true;
    }
    return false;
  }

  private negatedBefore(words: readonly Word[], sentence: Sentence, part: Span, inside: ConceptWords): boolean {
    const from = Math.max(sentence.from, part.from - this.cues.negationWindow);
    for (let i = part.from - 1; i >= from; i--) {
      if (this.terminators.at(words, i, part.from) > 0) return false;
      // A new subject ends the cue's reach even right after a concept's words ("not my leg, my groin is numb").
      if (this.startsSubject(words, i + 1) && i + 1 < part.from) return false;
      // So does a new clause with its own verb after a conjunction ("not talking and one side of him is not moving").
      if (this.conjunctions.has(words[i].text) && this.hasOwnVerb(words, i + 1, Math.min(sentence.to, part.to + 3))) return false;
      if (inside.has(i)) continue;
      if (this.negation.at(words, i, part.to) > 0 && !this.isPseudoNegation(words, i, sentence)) return true;
    }
    return false;
  }

  /** Whether a pseudo-negation starts at word `i` ("no longer", "not sure", "fine by me"): the cue there denies nothing. */
  private isPseudoNegation(words: readonly Word[], i: number, sentence: Sentence): boolean {
    return this.pseudoNegation.at(words, i, sentence.to) > 0;
  }

  /**
   * Whether the mention is an animal's or a thing's, not a person's: the nearest person or animal named before it,
   * in its clause, is an animal ("my cat is dragging her legs"), or "he" or "she" stands for one named earlier in
   * the sentence ("the dog's spiked a fever and he's collapsed"); an animal in another clause is no subject
   * ("picked up the cat, got a massive headache"). Or a thing is the subject right before it ("our tent collapsed").
   */
  aboutAnAnimalOrThing(words: readonly Word[], sentences: readonly Sentence[], span: Span): boolean {
    let at = span.from - 1;
    while (at >= 0 && words[at].clause === words[span.from].clause && SUBJECT_TO_VERB.has(words[at].text)) at--;
    if (at >= 0 && words[at].clause === words[span.from].clause && words[at].forms.some((form) => this.things.has(form))) return true;
    const first = lookBackFrom(words, sentences, span, 0);
    let pronoun = false;
    for (let i = span.from - 1; i >= first && (pronoun || words[i].clause === words[span.from].clause); i--) {
      if (words[i].forms.some((form) => this.animals.has(form))) return true;
      if (this.selfWords.has(words[i].text)) return false;
      if (PERSONAL_PRONOUNS.has(words[i].text)) pronoun = true;
      else if (this.isOtherPerson(words[i])) return false;
    }
    return false;
  }

  /**
   * Whether the nearest person named before the mention (looking back two sentences) is a young child: a
   * "toddler", or a person with an age of five or under beside them or right after the mention ("my 3 year old",
   * "grandson, 4,", "my grandson wet the bed again, he's 4").
   */
  aboutAYoungChild(words: readonly Word[], sentences: readonly Sentence[], span: Span): boolean {
    const first = lookBackFrom(words, sentences, span, 2);
    for (let i = span.from - 1; i >= first; i--) {
      if (this.youngChildren.at(words, i) > 0) return true;
      const age = ageAt(words, i, this.otherPeople);
      if (age !== undefined) return age.years <= YOUNG_CHILD_AGE;
      if (this.isOtherPerson(words[i])) {
        // Their age beside them, or told right after the mention ("my grandson wet the bed again, he's 4").
        for (let j = Math.max(0, i - AGE_REACH); j <= Math.min(words.length - 1, span.to + AGE_REACH); j++) {
          const age = ageAt(words, j, this.otherPeople);
          if (age !== undefined) return age.years <= YOUNG_CHILD_AGE;
        }
        return false;
      }
      // "yo" after a number is an age ("my 4 yo"), not the Spanish "I".
      if (this.selfWords.has(words[i].text) && (i === 0 || ageAt(words, i - 1, this.otherPeople) === undefined)) return false;
    }
    return false;
  }

  /** Another person, in any inflection ("my son's" reads "sons"). */
  private isOtherPerson(word: Word): boolean {
    return word.forms.some((form) => this.otherPeople.has(form));
  }

  /** Whether a finite verb ("is", "has", "can't") stands in [from, to). */
  private hasOwnVerb(words: readonly Word[], from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.finiteVerbs.has(words[i].text)) return true;
    return false;
  }

  /** A person word after a conjunction or a clause break: the start of a new statement. */
  private startsSubject(words: readonly Word[], at: number): boolean {
    const w = words[at].text;
    if (!this.selfWords.has(w) && !this.otherPeople.has(w)) return false;
    return at === 0 || this.conjunctions.has(words[at - 1].text) || words[at - 1].clause !== words[at].clause;
  }

  /** A cue in the sentence that is not itself negated ("not dieting", "not trying to lose weight"). */
  private affirmed(cues: CueList, words: readonly Word[], sentence: Sentence): boolean {
    return this.cueIn(cues, words, sentence, false);
  }

  /**
   * An ordinary cause in the sentence that is not denied ("lost 9 kg without dieting" is unexplained), nor told as
   * what came before the mention ("his leg went heavy at the gym and now he cannot hold his knee straight").
   */
  private explainedByOrdinaryCause(words: readonly Word[], sentence: Sentence, span: Span): boolean {
    // "now" or "since then" between the cause's end and the mention tells the mention as what came after it.
    // An injury named right after the cause ("a deadlift injury") makes it no ordinary one.
    return this.cueIn(
      this.ordinaryCause,
      words,
      sentence,
      false,
      this.causeDenied,
      (end) => !this.afterwards.anyIn(words, end, span.from) && !(end < words.length && this.causeInjured.has(words[end].text)),
    );
  }

  /** A negated cue in the sentence ("not joking"). */
  private denied(cues: CueList, words: readonly Word[], sentence: Sentence): boolean {
    return this.cueIn(cues, words, sentence, true);
  }

  /**
   * Whether a cue stands in the sentence denied (or not) by a negation, or by one of `denials`, just before it,
   * and `endsWell` accepts the word after it.
   */
  private cueIn(
    cues: CueList,
    words: readonly Word[],
    sentence: Sentence,
    negated: boolean,
    denials: ReadonlySet<string> = NO_WORDS,
    endsWell: (end: number) => boolean = () => true,
  ): boolean {
    for (let i = sentence.from; i < sentence.to; i++) {
      const length = cues.at(words, i, sentence.to);
      if (length > 0 && this.deniedAt(words, sentence, i, denials) === negated && endsWell(i + length)) return true;
    }
    return false;
  }

  /** A negation up to three words before word `i`, or one of `denials` right before it ("without dieting"). */
  private deniedAt(words: readonly Word[], sentence: Sentence, i: number, denials: ReadonlySet<string>): boolean {
    if (this.negation.anyIn(words, Math.max(sentence.from, i - 3), i)) return true;
    for (let k = Math.max(sentence.from, i - 2); k < i; k++) if (denials.has(words[k].text)) return true;
    return false;
  }

  /**
   * Past, resolved, or (except for crisis: wanting to die "for years" is no reassurance) lifelong and unchanged:
   * in the mention's clause, or in what follows it and speaks of it (see followOn).
   */
  private isHistorical(
    words: readonly Word[],
    sentences: readonly Sentence[],
    span: Span,
    finding: Span,
    inside: ConceptWords,
    crisis: boolean,
  ): boolean {
    const sentence = sentences[words[span.from].sentence];
    const past = (from: number, to: number) =>
      this.pastIn(this.historical, words, from, to, finding) ||
      (!crisis && this.pastIn(this.lifelong, words, from, to, finding) && !this.recentOnset.anyIn(words, from, to));
    const { from, to } = clauseAround(words, sentence, span);
    if (past(from, to) && !this.isResumed(words, sentences, span)) return true;
    // A resolution after the mention refers back to it ("numb, but it went away"); one before it only in its own
    // clause: "my leg is much better but I can't pee" is a new symptom.
    // "she's fine" speaks of someone else: it resolves only their mention ("I fell onto the dog. She's fine.").
    const theirs = () => this.aboutSomeoneElse(words, sentences, span);
    if (
      this.resolvedAfter(words, span.to, Math.min(sentence.to, span.to + LOOK_BACK), theirs) ||
      this.resolved.anyIn(words, from, span.to, finding)
    )
      return true;
    const next = this.followOn(words, sentences, span, inside);
    if (next === undefined) return false;
    // A short sentence of its own may say it is over ("Grand now."), not that it is old: "Otherwise no change."
    return (next.anaphor && past(next.from, next.to)) || this.resolvedAfter(words, next.from, next.to, theirs);
  }

  /**
   * A resolution in [from, to) that speaks of the mention: not of everything else ("otherwise all fine"), and
   * one that names another person ("she's fine") only when the mention is theirs.
   */
  private resolvedAfter(words: readonly Word[], from: number, to: number, theirs: () => boolean): boolean {
    for (let i = from; i < to; i++) {
      if (this.otherwise.at(words, i, to) > 0) return false;
      if (this.resolved.at(words, i, to) > 0 && (!this.isOtherPerson(words[i]) || theirs())) return true;
    }
    return false;
  }

  /**
   * What follows the mention and speaks of it: the next clause when it opens with an anaphor ("but that's been
   * since my knee op", "it's been solid since"), or the next sentence when it does, or when it is a short one
   * naming no symptom of its own ("Grand now."). A new symptom after the mention is never read this way.
   */
  private followOn(
    words: readonly Word[],
    sentences: readonly Sentence[],
    span: Span,
    inside: ConceptWords,
  ): (Span & { anaphor: boolean }) | undefined {
    const at = words[span.from].sentence;
    const sentence = sentences[at];
    let start = span.to;
    while (start < sentence.to && words[start].clause === words[span.to - 1].clause) start++;
    if (start >= sentence.to) {
      const next = sentences[at + 1];
      if (next === undefined) return undefined;
      const end = Math.min(next.to, next.from + LOOK_BACK);
      if (namesASign(inside, next.from, end)) return undefined;
      const anaphor = this.opensWithAnaphor(words, next.from, next.to);
      return anaphor || next.to - next.from <= SHORT_SENTENCE ? { from: next.from, to: end, anaphor } : undefined;
    }
    let end = start;
    while (end < sentence.to && end < start + LOOK_BACK && words[end].clause === words[start].clause) end++;
    // What the anaphor's clause opens runs on to the sentence's end ("but that's my knee, been like that since 1978");
    // a clause with no subject of its own that opens with its time speaks of the mention too ("numb on long
    // drives, always has", "weak, for years now").
    return this.opensWithAnaphor(words, start, end) || this.opensWithItsTime(words, start, end, inside)
      ? { from: start, to: Math.min(sentence.to, start + LOOK_BACK), anaphor: true }
      : undefined;
  }

  /**
   * A cue of `list` (past or lifelong) at word `i`, unless a recent span opens there ("in the past" of "in the past
   * few weeks") or just before it ("first time since | I was a kid": new now, the past only its yardstick).
   */
  private pastAt(list: CueList, words: readonly Word[], i: number, to: number): boolean {
    if (list.at(words, i, to) === 0 || this.recentSpans.at(words, i, to) > 0) return false;
    // "not the usual", "unlike always": the cue denied tells something new.
    if (i > 0 && CUE_DENIALS.has(words[i - 1].text)) return false;
    for (let k = Math.max(0, i - RECENT_SPAN_REACH); k < i; k++) {
      const length = this.recentSpans.at(words, k, to);
      if (length > 0 && k + length >= i) return false;
    }
    return true;
  }

  /** Whether a cue of `list` starts anywhere in [from, to), outside `except` (see pastAt). */
  private pastIn(list: CueList, words: readonly Word[], from: number, to: number, except?: Span): boolean {
    for (let i = from; i < to; i++) if (!(except && i >= except.from && i < except.to) && this.pastAt(list, words, i, to)) return true;
    return false;
  }

  /** A clause naming no one and no symptom whose first or second word starts a past, lifelong or resolved cue. */
  private opensWithItsTime(words: readonly Word[], from: number, to: number, inside: ConceptWords): boolean {
    if (this.namesAPerson(words, from, to) || namesASign(inside, from, to)) return false;
    for (let i = from; i < Math.min(to, from + 2); i++) {
      if (this.pastAt(this.lifelong, words, i, to) || this.pastAt(this.historical, words, i, to) || this.resolved.at(words, i, to) > 0)
        return true;
    }
    return false;
  }

  /** An anaphor among a clause's first three words ("but that's been", "had it since", "and it's"). */
  private opensWithAnaphor(words: readonly Word[], from: number, to: number): boolean {
    for (let i = from; i < Math.min(to, from + ANAPHOR_REACH); i++) if (this.anaphors.has(words[i].text)) return true;
    return false;
  }

  /**
   * A denial in one of the next two sentences that points back at what was named ("What does saddle numbness
   * mean? I don't have it"; "Fever? No."), in a sentence that names no symptom of its own.
   */
  private deniedLater(words: readonly Word[], sentences: readonly Sentence[], span: Span, inside: ConceptWords): boolean {
    const at = words[span.from].sentence;
    const asked = sentences[at].question;
    for (const next of [sentences[at + 1], sentences[at + 2]]) {
      if (next === undefined || namesASign(inside, next.from, next.to)) return false;
      if (asked && next === sentences[at + 1] && this.answersNo.has(words[next.from].text) && shortClause(words, next)) return true;
      if (this.deniedBack.anyIn(words, next.from, Math.min(next.to, next.from + LOOK_BACK))) return true;
    }
    return false;
  }

  /**
   * A film, book, news item or study named before the mention with no word of the writer's own between
   * ("a documentary about a man who took his own life"), or right after it ("suicide prevention").
   */
  private isStory(words: readonly Word[], sentence: Sentence, span: Span): boolean {
    for (let i = span.from - 1; i >= Math.max(sentence.from, span.from - LOOK_BACK); i--) {
      if (this.selfWords.has(words[i].text)) break;
      if (this.media.at(words, i, span.from) > 0) return true;
    }
    return this.media.anyIn(words, span.to, Math.min(sentence.to, span.to + 3));
  }

  /**
   * A past cue in the mention's clause ("years ago") and a resolution after it in the message ("I'm in a good
   * place now"). Either alone is not enough: "an attempt in 2019 and the thoughts are back", "I took them all
   * last night but I'm fine now".
   */
  private isLongAgoAndOver(words: readonly Word[], sentence: Sentence, span: Span, finding: Span): boolean {
    const { to } = clauseAround(words, sentence, span);
    // The time may open the sentence, clauses before the mention ("Years ago (2008) I went through a dark patch and attempted").
    return (
      (this.pastIn(this.historical, words, sentence.from, to, finding) || this.datedAfter(words, sentence, to)) &&
      this.resolved.anyIn(words, span.to, Math.min(words.length, span.to + 2 * LOOK_BACK))
    );
  }

  /**
   * A past told as begun again, in the mention's sentence or the next ("as a teen ... I've started again"), and
   * not denied ("never again since").
   */
  private isResumed(words: readonly Word[], sentences: readonly Sentence[], span: Span): boolean {
    const at = words[span.from].sentence;
    return sentences.slice(at, at + 2).some((sentence) => this.cueIn(this.resumed, words, sentence, false));
  }

  /** A short clause right after the mention's that only dates it ("an overdose when I was 19, about 25 years ago"). */
  private datedAfter(words: readonly Word[], sentence: Sentence, from: number): boolean {
    let to = from;
    while (to < sentence.to && words[to].clause === words[from]?.clause) to++;
    return to - from <= SHORT_SENTENCE && !this.namesAPerson(words, from, to) && this.pastIn(this.historical, words, from, to);
  }

  /**
   * Whether, after the last general cue in [from, span), a new clause opens with the writer's own report ("I know the
   * red flags, and I've got perineal numbness"), with no condition between ("the red flags, if I have numbness").
   */
  private ownReportAfter(words: readonly Word[], from: number, span: Span): boolean {
    let cue = span.from - 1;
    while (cue >= from && this.hypothetical.at(words, cue, span.from) === 0) cue--;
    if (cue < from || this.conditionals.anyIn(words, cue, span.from)) return false;
    // The report may open the mention itself ("is it normal that my bits feel dead"): a possessive, its noun, a verb.
    for (let k = cue + 1; k <= span.from && k + 1 < words.length; k++) {
      const before = words[k - 1].text;
      const opensClause = words[k - 1].clause !== words[k].clause || this.conjunctions.has(before) || this.reportOpeners.has(before);
      if (!opensClause || !this.selfWords.has(words[k].text)) continue;
      if (this.finiteVerbs.has(words[k + 1].text)) return true;
      if (OWN.has(words[k].text) && this.finiteVerbs.has(words[k + 2]?.text ?? '')) return true;
    }
    return false;
  }

  /**
   * An "if" before the mention that opens the writer's own present state: "if my calf is", "if my bits feel", or a
   * condition put in the present ("if I'm currently having chemo", "if it's still numb").
   */
  private ownStateInCondition(words: readonly Word[], from: number, span: Span): boolean {
    for (let i = from; i < span.from; i++) {
      if (words[i].text !== 'if') continue;
      if (this.presentMarkers.anyIn(words, i + 1, span.from)) return true;
      if (!OWN.has(words[i + 1]?.text ?? '')) continue;
      if (this.presentState.has(words[i + 3]?.text ?? '') || this.presentState.has(words[i + 2]?.text ?? '')) return true;
    }
    return false;
  }

  private isHypothetical(words: readonly Word[], sentences: readonly Sentence[], sentence: Sentence, span: Span): boolean {
    const from = Math.max(sentence.from, span.from - 10);
    // "Is it sciatica if my calf is swollen?" asks about a state the writer is in; "if my leg goes numb" asks what would be.
    if (this.ownStateInCondition(words, from, span) || this.answeredAsOwn(words, sentences, sentence)) return false;
    if (this.hypothetical.anyIn(words, from, span.from) && !this.ownReportAfter(words, from, span)) return true;
    if (this.isWarningPassedOn(words, sentence, span)) return true;
    const reporting = () =>
      this.reportingQuestions.anyIn(words, Math.max(sentence.from, span.from - LOOK_BACK), Math.min(sentence.to, span.to + LOOK_BACK));
    // An example given to the general question just asked is part of it ("What are the warning signs? Like
    // numbness down there, or not being able to pee?"), unless it names a person ("like, I can't feel my bum?").
    if (this.examples.at(words, sentence.from) > 0 && !this.namesAPerson(words, sentence.from, span.from)) {
      const before = sentences[words[sentence.from].sentence - 1];
      const generalBefore =
        before?.question === true &&
        (this.hypothetical.anyIn(words, before.from, before.to) || !this.namesAPerson(words, before.from, before.to));
      if (generalBefore && !reporting()) return true;
    }
    let clauseStart = span.from;
    while (clauseStart > Math.max(sentence.from, span.from - LOOK_BACK) && words[clauseStart - 1].clause === words[span.from].clause)
      clauseStart--;
    // A condition in a question asks what it would mean ("would you want me to call if my leg went numb?"); a
    // question about the writer's own state ("if I can't pee, is that bad?") is a report, however it is put.
    if (sentence.question && this.conditionals.anyIn(words, clauseStart, span.from) && !reporting()) return true;
    // A question clause that names nobody is general ("can sciatica cause numbness down there?"); one that
    // asks about the writer's own state ("is it normal", "what's going on") is a report, however it is put.
    if (!this.questionStarters.has(words[clauseStart].text)) return false;
    // A question word inside a statement is a relative clause ("my husband, who has been unable to pee").
    if (clauseStart !== sentence.from && !sentence.question) return false;
    if (reporting()) return false;
    let clauseEnd = clauseStart;
    while (clauseEnd < Math.min(sentence.to, span.to + LOOK_BACK) && words[clauseEnd].clause === words[clauseStart].clause) clauseEnd++;
    if (this.namesAPerson(words, clauseStart, clauseEnd)) return false;
    // A general question answered at once by an onset ("how long does saddle numbness last? started this morning")
    // was about the writer's own.
    const next = sentences[words[sentence.from].sentence + 1];
    return !(next !== undefined && next.to - next.from <= SHORT_SENTENCE && this.recentOnset.anyIn(words, next.from, next.to));
  }

  /**
   * A general question the writer answers at once as their own ("Does sciatica cause night sweats? I've had them for
   * 3 weeks"), in either of the next two sentences ("Is a swollen hot calf sciatica? It's purplish too. Mine came on...").
   */
  private answeredAsOwn(words: readonly Word[], sentences: readonly Sentence[], sentence: Sentence): boolean {
    if (!sentence.question) return false;
    const at = words[sentence.from].sentence;
    return sentences.slice(at + 1, at + 3).some((next) => this.ownAnswers.at(words, next.from, next.to) > 0);
  }

  /**
   * The writer names a care job in this sentence or the one before, and a work verb stands shortly before the
   * mention in its sentence, with no person but the work's own named between them ("deal with retention, catheters
   * and incontinence", "up all night with a patient who had chest pain"; not "I see it at work, but I have been
   * incontinent since Tuesday").
   */
  private isAtWork(words: readonly Word[], sentences: readonly Sentence[], span: Span): boolean {
    const from = Math.max(sentences[words[span.from].sentence].from, span.from - WORK_REACH);
    const at = this.cueBeforeMention(this.atWork, words, from, span, this.peopleAtWork);
    return at >= 0 && this.careJobs.anyIn(words, lookBackFrom(words, sentences, span, 1), at);
  }

  /**
   * A warning passed on: a source before the mention with nobody named between ("my sister says", "my aunt sent
   * 'if you...'", "it says"), and the danger named after it ("numbness in the groin is a red flag", "urine retention
   * is an emergency"). "My sister says my groin numbness is a red flag" names the writer, and "... mine is numb
   * since this morning" owns up to it: reports.
   */
  private isWarningPassedOn(words: readonly Word[], sentence: Sentence, span: Span): boolean {
    if (!this.warnsOf.anyIn(words, span.to, Math.min(sentence.to, span.to + WARNING_REACH))) return false;
    if (this.ownedUp.anyIn(words, span.to, words.length)) return false;
    return this.cueBeforeMention(this.informationSources, words, Math.max(sentence.from, span.from - LOOK_BACK), span) >= 0;
  }

  /** Where the nearest cue of `cues` in [from, mention) starts, with nobody named between it and the mention; -1: none. */
  private cueBeforeMention(
    cues: CueList,
    words: readonly Word[],
    from: number,
    span: Span,
    passable: ReadonlySet<string> = NOBODY,
  ): number {
    for (let i = span.from - 1; i >= from; i--) {
      if (this.selfWords.has(words[i].text) || (this.isOtherPerson(words[i]) && !passable.has(words[i].text))) return -1;
      if (cues.at(words, i, span.from) > 0) return i;
    }
    return -1;
  }

  /** Whether the writer or someone else is named in [from, to). */
  private namesAPerson(words: readonly Word[], from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.selfWords.has(words[i].text) || this.otherPeople.has(words[i].text)) return true;
    return false;
  }
}

/** Where a look back for whose a mention is starts: `sentencesBack` sentences before it, at most LOOK_BACK words. */
function lookBackFrom(words: readonly Word[], sentences: readonly Sentence[], span: Span, sentencesBack: number): number {
  return Math.max(sentences[Math.max(0, words[span.from].sentence - sentencesBack)].from, span.from - LOOK_BACK);
}

/** No one may be named between a cue and its mention. */
const NOBODY: ReadonlySet<string> = new Set();

/** Words that deny a past or lifelong cue right after them ("not the usual nerve pain"). */
const CUE_DENIALS: ReadonlySet<string> = new Set(['not', 'unlike']);

/** Up to this age, wetting or soiling is no red flag. */
const YOUNG_CHILD_AGE = 5;
/** How far (words) from a person their age may stand ("my 3 year old son", "son (3)", "he's 3"). */
const AGE_REACH = 4;

/** The writer's own possessives. */
const OWN: ReadonlySet<string> = new Set(['my', 'mi', 'mis']);
/** Possessives that make an age a person ("my 3 year old", "our 15yo"). */
const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'our', 'his', 'her', 'their', 'mi', 'su', 'nuestro', 'nuestra']);

/** Whether the word at `at` ends a person named by their age ("my 3 year old", "our 15yo", "my 4 yo"). */
function namedByAge(words: readonly Word[], at: number, people: ReadonlySet<string>): boolean {
  if (/^\d{1,2}yo$/.test(words[at].text)) return POSSESSIVES.has(words[at - 1]?.text ?? '');
  if (words[at].text === 'yo' && at >= 2 && /^\d{1,2}$/.test(words[at - 1].text)) return POSSESSIVES.has(words[at - 2].text);
  return words[at].text === 'old' && at >= 3 && ageAt(words, at - 2, people) !== undefined && POSSESSIVES.has(words[at - 3].text);
}

/** The words of the clauses a span stands in, read at most LOOK_BACK words either side. */
function clauseAround(words: readonly Word[], sentence: Sentence, span: Span): Span {
  let from = span.from;
  while (from > Math.max(sentence.from, span.from - LOOK_BACK) && words[from - 1].clause === words[span.from].clause) from--;
  let to = span.to;
  while (to < Math.min(sentence.to, span.to + LOOK_BACK) && words[to].clause === words[span.to - 1].clause) to++;
  return { from, to };
}

/** Whether a warning sign's word stands in [from, to): a sentence naming one is a new report. */
function namesASign(inside: ConceptWords, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (inside.isSign(i)) return true;
  return false;
}

/** Whether a sentence's first clause is a bare answer of at most four words ("No.", "No I didn't,"). */
function shortClause(words: readonly Word[], sentence: Sentence): boolean {
  let end = sentence.from;
  while (end < sentence.to && words[end].clause === words[sentence.from].clause) end++;
  return end - sentence.from <= BARE_ANSWER;
}
