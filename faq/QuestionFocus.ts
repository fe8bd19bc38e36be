/**
 * Finds the question in a long message. Patients often tell their story first ("I'm 52, retired, three
 * weeks of pain down my leg, my physio said…") and ask at the end; scored as a whole, the story's words
 * drown the question. The focus is:
 *   1. the last sentence that ends with "?", else
 *   2. the last sentence that starts with a question word ("how long does it take"), else
 *   3. the last sentence;
 * and within it, from the last clause that starts with a question word ("I'm 44, and I have a wedding,
 * how long does it take") to the end. The matcher scores the focus on its own as well as the whole message,
 * when the focus holds a topic word: "is it a good idea?" on its own would match whichever entry asks
 * exactly that, whatever the story was about.
 *
 * It reads the whole text once (before any length cap), so a question after a 2,000-character story is
 * still found; the cap then applies to what is scored.
 */

/** Words that open a question in patients' English (lower case). */
const QUESTION_WORDS = new Set([
  'what',
  'whats',
  'how',
  'why',
  'when',
  'where',
  'which',
  'who',
  'should',
  'shall',
  'can',
  'could',
  'would',
  'will',
  'is',
  'isnt',
  'are',
  'arent',
  'do',
  'does',
  'did',
  'dont',
  'doesnt',
  'am',
  'was',
  'were',
  'has',
  'have',
  'any',
  'whether',
  'wat',
  'wht',
  'hw',
]);

/** Only a sentence longer than this is cut to its question clause: in a short one the rest is context. */
const LONG_SENTENCE = 100;
/** Sentence ends: . ! ? ; and line breaks (a "?" is kept with its sentence to recognise questions). */
const SENTENCE = /[^.!?;\n]+[.!?;\n]*/g;
/** Clause starts inside a sentence: after a comma, dash, colon or "and/but/so". */
const CLAUSE_BREAK = /,|\s[-–—:]\s|\s(?:and|but|so)\s/gi;

/** The question part of `text`, or undefined when the message is a single clause already. */
export function questionFocus(text: string): string | undefined {
  const sentences = (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length === 0) return undefined;
  const chosen =
    findLast(sentences, (s) => s.endsWith('?')) ?? findLast(sentences, (s) => startsWithQuestionWord(s)) ?? sentences[sentences.length - 1];
  const focus = chosen.length > LONG_SENTENCE ? lastQuestionClause(chosen) : chosen;
  return focus.length < text.trim().length ? focus : undefined;
}

function lastQuestionClause(sentence: string): string {
  let from = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const at = (match.index ?? 0) + match[0].length;
    if (startsWithQuestionWord(sentence.slice(at))) from = at;
  }
  return sentence.slice(from).trim();
}

function startsWithQuestionWord(text: string): boolean {
  const first = /^[^\p{L}]*([\p{L}'’]+)/u.exec(text)?.[1];
  return first !== undefined && QUESTION_WORDS.has(first.toLowerCase().replace(/['’]/g, ''));
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}
