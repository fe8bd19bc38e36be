/**
 * Short follow-ups read with the previous topic (as QnA Maker's multi-turn prompts and Rasa's context
 * do): after an answer about cortisone injections, "how long does it last?" is about the injection, not
 * about healing time; "what about piriformis?" and "is that the same for stenosis?" switch topic.
 *
 * The bot keeps only the id of the entry it last answered (no patient text). A message shaped like a
 * follow-up (short, and opening with "and", "what about", "is that"… or leaning on "it" / "that") is
 * read on its own first: when that answers with another entry AND the message names a topic of its own
 * (a content word the previous entry never uses: "piriformis", "mri", "drive"), it switches, so context
 * never sticks ("how long", "how often" are no topic: they ask about the current one); so does a reading
 * the second opinion is all but certain of. Otherwise it is read after the fullest of the previous entry's
 * first three questions, and that reading decides when it answers; when neither
 * reading answers and the previous entry is the in-context reading's first candidate, it answers that.
 * Measured on test/data/faq-twoturn-dev.jsonl and faq-twoturn-dev-b.jsonl (124 exchanges, 44 switching topic).
 */
import type { FaqDecision } from './FaqDecision';
import type { FaqEntry } from './FaqEntry';
import type { KnowledgeBase } from './KnowledgeBase';

/** Longest message still read as a follow-up, in words. */
const MAX_FOLLOW_UP_WORDS = 9;
/** Openings of a message that continues the conversation rather than starting a new question. */
const OPENING =
  /^(and|but|so|ok(ay)?( and| so)?|also|what about|how about|what if|same for|is (that|it|this)|does (that|it|this)|do (they|those)|can (i|it|you)|will (it|that)|would (it|that)|how (long|often|much)|which|who|for how)\b/;
/** "How long / often / much / many" ask about whatever the topic is: no topic of their own ("how long is it?"). */
const QUESTION_FRAME = /\bhow (long|often|much|many)\b/gi;
/** Second opinion's probability from which a follow-up's own reading wins even without a topic word of its own. */
const SURE_ON_ITS_OWN = 0.99;
/** How many of the previous entry's first questions are candidates to read a follow-up with. */
const LEAD_QUESTIONS = 3;
/** Words that lean on what was said before. */
const LEANING = /\b(it|that|this|they|them|those|one|ones)\b/;

/** The decision for `message`, read with the entry answered just before when it is a follow-up. */
export function decideFollowUp(kb: KnowledgeBase, message: string, previousEntryId: string | undefined): FaqDecision {
  const alone = kb.decide(message);
  const previous = previousEntryId === undefined ? undefined : kb.entry(previousEntryId);
  if (previous === undefined || !isFollowUpShaped(message)) return alone;
  if (alone.kind === 'answer' && alone.entry.id !== previous.id && (sureOnItsOwn(alone) || namesOwnTopic(kb, message, previous.id)))
    return alone;
  const inContext = kb.decide(`${leadQuestion(previous)} ${message}`);
  if (inContext.kind === 'answer' || alone.kind === 'answer') return inContext.kind === 'answer' ? inContext : alone;
  // Neither reading is sure, and read with it the previous entry comes first: the patient is still on it
  // (not when the message is about another body part or condition: "and my knee?").
  const stillOnIt = inContext.candidates[0]?.id === previous.id && !(inContext.kind === 'none' && inContext.outOfDomain !== undefined);
  return stillOnIt ? { kind: 'answer', entry: previous, candidates: inContext.candidates } : inContext;
}

/** The second opinion is all but certain of the message's own reading (its overrule bar): "so what does work then?". */
function sureOnItsOwn(alone: FaqDecision & { kind: 'answer' }): boolean {
  return (alone.candidates.find((c) => c.id === alone.entry.id)?.net ?? 0) >= SURE_ON_ITS_OWN;
}

function namesOwnTopic(kb: KnowledgeBase, message: string, previousId: string): boolean {
  return kb.namesOtherTopic(message.replace(QUESTION_FRAME, 'how'), previousId);
}

/** The fullest of the entry's first questions: a keyword question ("book") says little about the topic in context. */
function leadQuestion(entry: FaqEntry): string {
  return entry.questions.slice(0, LEAD_QUESTIONS).reduce((a, b) => (wordCount(b) > wordCount(a) ? b : a));
}

const wordCount = (text: string) => text.split(/\s+/).length;

function isFollowUpShaped(message: string): boolean {
  const text = message.toLowerCase().trim();
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= MAX_FOLLOW_UP_WORDS && (OPENING.test(text) || LEANING.test(text));
}
