/**
 * Short follow-ups read with the previous topic (as QnA Maker's multi-turn prompts and Rasa's context
 * do): after an answer about cortisone injections, "how long does it last?" is about the injection, not
 * about healing time; "what about piriformis?", "would that need an operation?" and "how much is it?"
 * move on to a neighbouring topic.
 *
 * The bot keeps only the id of the entry it last answered (no patient text). The message is read on its own
 * first. It may be a follow-up (mayFollowOn) when that reading does not answer, or when it does but the
 * message is short and leans on what was said ("and", "what about", "is that"…, "it", "that", "too"), after
 * any reaction to the answer it opens with ("really? even at 19?").
 * That reading's answer, or its first candidate when it did not answer, is the neighbour the patient may
 * have moved on to; it is answered when the message supports it more than the previous entry (matcher
 * score + second opinion) and
 *  - the message's topic words lean to it rather than to the previous entry (KnowledgeBase.topicLean: a
 *    word in an entry's questions belongs to it more than a word in its answer), so context never sticks;
 *    "how long", "how often" are no topic (they ask about the current one), a price question is one;
 *  - or the second opinion is all but certain of it; or sure of it with nothing in the message pointing
 *    back, and the matcher sure too or the message a whole question of its own (a question word, no
 *    question frame: "so what actually works?", "so what do you do differently?" after "nothing worked";
 *    not "how often, every day?" after stretches); or sure of it where the message's own reading hesitated;
 *  - or, its pronouns read as what the previous answer was about (the subject its title names), the second
 *    opinion is still sure of it ("and why do people get it" after "what is sciatica?", "cool, how do i book
 *    one" after the first session).
 * When the message's own reading answers, certainty counts only if the message still answers with the
 * neighbour once its question frames are set aside ("how many times a day" after stretches answers a daily
 * routine by its frame alone: it asks how often to stretch).
 * Otherwise, when the message can be about the previous entry (canBeAbout, the anti-sticking guard), it is
 * read after the fullest of that entry's first three questions, and that reading decides when it answers;
 * when neither reading answers and the previous entry is the in-context reading's first candidate, the
 * patient is still on it. The guard keys on what the message names, not on its length: context never makes
 * an answer of another body part ("and my wife's frozen shoulder?"), of a message that asks nothing ("ok
 * thx") or of one naming two words the FAQ has never seen without a short question's shape ("will it rain
 * in london today?"); a short question with no question word of its own that weighs options ("mornings or
 * evenings better?", "cushion any good?") asks about what was just answered.
 * Measured in test/faq/followUps.test.ts (two-turn development sets) and bench/twoTurnAccuracy.ts.
 */
import type { FaqDecision, ScoredEntry } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';
import type { KnowledgeBase } from './KnowledgeBase';
import { OutOfDomain } from './OutOfDomain';

/** Longest message still read as a follow-up when its own reading answers, in words: when it opens like one ("and", "so", "what about"…). */
const MAX_FOLLOW_UP_WORDS = 12;
/** The same when only a pronoun leans back ("is that why i have sciatica" in a longer question is no follow-up). */
const MAX_LEANING_WORDS = 9;
/** A message this short that does not answer on its own is a fragment ("memory foam?"): read in context whatever its opening. */
const FRAGMENT_WORDS = 6;
/** Openings of a message that continues the conversation rather than starting a new question ("can I…", "can you…" start one). */
const OPENING =
  /^(and|but|so|or|even|also|like|any|with|without|yes|yeah|not|(ok(ay)?|right)( and| so)?|what about|how about|what if|same for|is (that|it|this)|does (that|it|this)|do (they|those)|can it|will (it|that)|would (it|that)|how (long|often|much|many)|which|who|for how)\b/;
/** Words that lean on what was said before ("too", "as well": "whatsapp too?" after the phone number; "the two", "both"). */
const LEANING = /\b(it|that|this|they|them|those|one|ones|too|either|as well|the two|both)\b/;
/** "How much is it?" asks the price: a topic of its own (booking), unlike "how much exercise". */
const PRICE_QUESTION = /\bhow much\b(?=\s*(\?|$|(is|are|does|do|will|would|for|it|that|this|they|each|per|a)\b))/gi;
/**
 * "How long / often / soon / fast / much / many (sessions)" ask about whatever the topic is: no topic of their
 * own ("how long is it?", "how many sessions would I need").
 */
const QUESTION_FRAME = /\bhow (long|often|soon|quickly|fast|much|many( [a-z]+)?)\b/gi;
/**
 * Whom or what the patient asks the previous answer about ("for older folk", "at 19", "for someone 65 with
 * diabetes", "for stenosis too?", "is it safe with a bulging disc", "even the massage stuff?", "without a
 * scan?"): whether what was just said applies to them, never a topic of its own, so it does not lean to the
 * entry that names it.
 */
const APPLIES_TO = [
  /\b(for|at|in)\s+(someone|somebody|anyone|people|a person|folks?|older|elderly|old|young|younger|(my|his|her|your|their) age|[0-9]+)\b[^?.!,;]*/gi,
  /\b(for|with|in)\s+[^?.!,;]{1,30}?\s(too|also|as well|either)\b/gi,
  /\b(safe|ok|okay|fine|suitable|alright)\s+(for|with)\b[^?.!,;]*/gi,
  /\b(even|without)\s[^?.!,;]*/gi,
];
/** Pronouns that stand for what the previous answer was about. */
const PRONOUN = /\b(it|that|this|one|them|they|those)\b/i;
/** A title's question words and signs: the rest names the entry's subject ("What is sciatica?" is about sciatica). */
const TITLE_QUESTION_WORDS = /\b(what|how|why|is|are|or|to|long|it)\b|[^\p{L}\s]/gu;
/** Reactions to the answer a message may open with ("really? even at 19?", "thanks!! and at night?", "ok sounds fine."). */
const REACTION =
  /^\W*((really|seriously|honestly|oh|ah|wow|hmm+|cool|great|nice|lovely|perfect|brilliant|thanks|thank you|thx|ta|cheers|ok(ay)?|sure|fair enough|i see|got it|sounds (good|fine|great))\W+)+(?=\p{L})/u;
/** How far (in rarest-word weights) the message's topic words must lean to the other entry to switch to it. */
const OWN_TOPIC_LEAN = 0.4;
/** The same when the message's own reading did not answer: a rare word only the other entry's questions use. */
const UNSURE_OWN_TOPIC_LEAN = 1;
/** Second opinion's probability from which a follow-up's own reading wins whatever its words. */
const SURE_ON_ITS_OWN = 0.99;
/** Second opinion's probability from which it is sure: with the matcher at its sure bar both are; alone it names the neighbour. */
const NET_SURE = 0.9;
/** How many of the previous entry's first questions are candidates to read a follow-up with. */
const LEAD_QUESTIONS = 3;
/** The second opinion's probability for the previous entry from which a message's own reading hints at it. */
const HINT_NET = 0.05;
/** Words the FAQ has never seen from which a message is about something else, whatever its shape. */
const FOREIGN_WORDS = 2;
/** Words weighing options or asking for a judgement: a short question using one is about what was just said. */
const WEIGHING = /\b(or|better|worse|any good|ok|okay|alright|fine|enough|worth|safe|instead|meantime)\b/;
/** Greetings, thanks and words addressing the bot: a question using one is small talk, not a follow-up. */
const COURTESY = /\b(hi|hiya|hello|hey|thanks|thank|thx|cheers|bye|you|your|yours|yourself|u|ur|what'?s up)\b/;
/** A preposition before a question's opening word ("for how long is that safe"). */
const PREPOSITION = /^\W*(for|from|since|until|till|by|in|at|with|to)\s+/;
/** A question's opening word, after "and", "so"…: the message asks something. */
const QUESTION_OPENING =
  /^\W*((and|but|so|ok|okay|right|yes|then|or)\W+)*(who|what|how|why|when|where|which|whats|can|could|do|does|did|is|are|will|would|should)\b/;

/** The decision for `message`, read with the entry answered just before when it is a follow-up. */
export function decideFollowUp(kb: KnowledgeBase, message: string, previousEntryId: string | undefined): FaqDecision {
  const alone = kb.decide(message);
  const previous = previousEntryId === undefined ? undefined : kb.entry(previousEntryId);
  // A condition asked about what was just said is one the patient has: "is it safe with osteoporosis?".
  const otherTopic = alone.kind === 'none' && alone.outOfDomain !== undefined;
  if (previous === undefined || (otherTopic && !(OutOfDomain.default.isCondition(alone.outOfDomain) && refersBack(message)))) return alone;
  if (!mayFollowOn(kb, message, alone, previous.id)) return alone;
  const neighbour = neighbourOf(kb, alone, previous.id);
  if (neighbour !== undefined && movesOn(kb, message, alone, neighbour, previous.id)) {
    return alone.kind === 'answer' ? alone : { kind: 'answer', entry: neighbour, candidates: alone.candidates };
  }
  if (!canBeAbout(kb, message, alone, previous.id)) return alone;
  const inContext = kb.decide(`${leadQuestion(previous)} ${message}`);
  if (inContext.kind === 'answer' || alone.kind === 'answer') return inContext.kind === 'answer' ? inContext : alone;
  // Neither reading is sure, and read with it the previous entry comes first: the patient is still on it.
  const stillOnIt = inContext.candidates[0]?.id === previous.id;
  return stillOnIt ? { kind: 'answer', entry: previous, candidates: inContext.candidates } : inContext;
}

/**
 * Whether the message may continue the conversation. One that answers on its own is a new question unless it
 * is short and leans on what was said; one that does not may be a follow-up when it is a fragment, leans back
 * at any length ("what's the harm in staying on them a while longer?") or asks something its own reading
 * hints is about the previous entry ("is a zimmer frame ok for walking" after resting or moving; "my
 * husband says I'm a nightmare patient" asks nothing).
 */
function mayFollowOn(kb: KnowledgeBase, message: string, alone: FaqDecision, previousId: string): boolean {
  if (alone.kind === 'answer') return leansBack(message);
  return (
    wordCount(message) <= FRAGMENT_WORDS || refersBack(message) || (hintsAt(kb, alone, previousId) && asksSomething(message.toLowerCase()))
  );
}

/** The other topic the message may be about: its own answer, else its first candidate. */
function neighbourOf(kb: KnowledgeBase, alone: FaqDecision, previousId: string): FaqEntry | undefined {
  if (alone.kind === 'answer') return alone.entry.id === previousId ? undefined : alone.entry;
  const first = alone.candidates[0]?.id;
  return first === undefined || first === previousId ? undefined : kb.entry(first);
}

/**
 * Whether the patient moved on to `neighbour` (see the header). The neighbour must have more support from the
 * message (matcher score + second opinion) than the previous entry: "does that work for older folk too"
 * leans on the treatment it was told about, whatever entry mentions age.
 */
function movesOn(kb: KnowledgeBase, message: string, alone: FaqDecision, neighbour: FaqEntry, previousId: string): boolean {
  const topic = APPLIES_TO.reduce(
    (text, asked) => text.replace(asked, ' '),
    message.replace(PRICE_QUESTION, 'cost').replace(QUESTION_FRAME, 'how'),
  );
  const lean = kb.topicLean(topic, previousId, neighbour.id);
  const own = alone.candidates.find((c) => c.id === neighbour.id);
  const net = own?.net ?? 0;
  if (support(own) <= support(alone.candidates.find((c) => c.id === previousId))) return false;
  if (alone.kind !== 'answer')
    return (lean >= UNSURE_OWN_TOPIC_LEAN && (own?.score ?? 0) >= kb.options.suggestThreshold) || net >= NET_SURE;
  if (lean >= OWN_TOPIC_LEAN) return true;
  // Sure only of what the frame asked: "how many times a day", "how many times a week would I go".
  if (topic !== message && answeredWith(kb.decide(topic)) !== neighbour.id) return false;
  if (stillSureWithPronounsRead(kb, message, neighbour.id, previousId)) return true;
  const text = message.toLowerCase();
  // A whole question of its own (a question word, no frame, nothing pointing back) needs no sure matcher:
  // the second opinion knows its shape ("so what do you do differently?" after "nothing worked").
  const ownQuestion = topic === message && QUESTION_OPENING.test(text);
  return (
    net >= SURE_ON_ITS_OWN || (net >= NET_SURE && ((own?.score ?? 0) >= kb.options.sureThreshold || ownQuestion) && !LEANING.test(text))
  );
}

const answeredWith = (decision: FaqDecision) => (decision.kind === 'answer' ? decision.entry.id : undefined);

/**
 * Whether, its pronouns read as what the previous answer was about (its title's subject), the message
 * still has the second opinion sure of the neighbour: "and why do people get it" after "what is sciatica?"
 * asks why people get sciatica, "cool, how do i book one" after the first session asks to book a first
 * session; "can I do it at home" after decompression reads "can I do decompression at home".
 */
function stillSureWithPronounsRead(kb: KnowledgeBase, message: string, neighbourId: string, previousId: string): boolean {
  const subject = kb.entry(previousId)?.title?.toLowerCase().replace(TITLE_QUESTION_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (!subject || !PRONOUN.test(message)) return false;
  const read = kb.decide(message.replace(new RegExp(PRONOUN, 'gi'), subject));
  return (read.candidates.find((c) => c.id === neighbourId)?.net ?? 0) >= NET_SURE;
}

/** Both opinions together, as the second opinion ranks candidates. */
const support = (candidate: ScoredEntry | undefined) => (candidate === undefined ? 0 : candidate.score + (candidate.net ?? 0));

/**
 * The anti-sticking guard: whether the message can be about the previous entry (read after that entry's
 * question, any message would match it). Its own reading hints at the entry and it is a fragment or asks
 * something ("morning stiffness for half an hour then it loosens" tells); or it is a short question
 * without a question word that weighs options or asks for a judgement ("mornings or evenings better?",
 * "cushion any good?"; a bare "pizza?" or "asdfgh?" does not); or it is a short question with a question
 * word of its own, only words the FAQ knows and nothing else to be about (elliptical: "how do I know?"); or it
 * leans back on what was said, asks something and holds at most one word the FAQ has never seen ("ok good to
 * know", "right, that makes sense" ask nothing; "will it rain in london today?" names two foreign words).
 */
function canBeAbout(kb: KnowledgeBase, message: string, alone: FaqDecision, previousId: string): boolean {
  const text = message.toLowerCase().trim();
  if (hintsAt(kb, alone, previousId) && (wordCount(text) <= FRAGMENT_WORDS || asksSomething(text))) return true;
  const knowsAWord = alone.candidates.some((c) => c.score > 0);
  const foreign = kb.unknownWords(message);
  const weighs = text.includes('?') && wordCount(text) <= FRAGMENT_WORDS && !QUESTION_OPENING.test(text) && WEIGHING.test(text);
  if (weighs && (knowsAWord || foreign > 0)) return true;
  if (elliptical(text) && foreign === 0) return true;
  return refersBack(message) && asksSomething(text) && foreign < FOREIGN_WORDS;
}

/**
 * A short question opening with a question word, right after an answer, asks about that answer ("how do I
 * know?", "what did I do wrong?", "how?") unless it is courtesy or addresses the bot ("how are you?", "whats
 * up?") or names a time or number ("is 9:15 tomorrow still available": everyday chat); the caller also wants
 * every word known to the FAQ ("when is the next world cup?" names something else).
 */
function elliptical(text: string): boolean {
  return wordCount(text) <= FRAGMENT_WORDS && QUESTION_OPENING.test(text) && !COURTESY.test(text) && !/\d/.test(text);
}

/** A question mark, or a clause opening like a question ("and bladder problems, is that one of them"). */
function asksSomething(text: string): boolean {
  return text.includes('?') || text.split(/[,;.!]/).some((clause) => QUESTION_OPENING.test(clause.replace(PREPOSITION, '')));
}

/** The matcher would suggest the previous entry, or the second opinion gives it a chance ("memory foam?" after sleeping positions). */
function hintsAt(kb: KnowledgeBase, alone: FaqDecision, previousId: string): boolean {
  const hint = alone.candidates.find((c) => c.id === previousId);
  return hint !== undefined && ((hint.net ?? 0) >= HINT_NET || hint.score >= kb.options.suggestThreshold);
}

/** The fullest of the entry's first questions: a keyword question ("book") says little about the topic in context. */
function leadQuestion(entry: FaqEntry): string {
  return entry.questions.slice(0, LEAD_QUESTIONS).reduce((a, b) => (wordCount(b) > wordCount(a) ? b : a));
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A short message that opens like a follow-up or leans on what was said. */
function leansBack(message: string): boolean {
  const text = message.toLowerCase().trim();
  const words = wordCount(text);
  return (words <= MAX_FOLLOW_UP_WORDS && opensLikeFollowUp(text)) || (words <= MAX_LEANING_WORDS && LEANING.test(text));
}

/** The same at any length. */
function refersBack(message: string): boolean {
  const text = message.toLowerCase().trim();
  return opensLikeFollowUp(text) || LEANING.test(text);
}

/** Whether the message opens like a follow-up, after any reaction to the answer ("really? even at 19?"). */
const opensLikeFollowUp = (text: string) => OPENING.test(text) || OPENING.test(text.replace(REACTION, ''));
