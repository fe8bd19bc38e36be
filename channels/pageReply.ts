/**
 * Cuts a reply for a channel that prefers short messages (SMS): the first part goes now, ending with
 * an offer of the rest, and the rest waits until the patient replies MORE. Cuts fall after a
 * sentence, so each message reads as whole thoughts; numbered choices and links go with the rest.
 */
import type { Reply } from './Reply';

export const MORE_HINT = 'Reply MORE for the rest.';

export interface Page {
  /** What fits now, ending with MORE_HINT. */
  readonly now: Reply;
  /** The rest of the reply's text, with its choices and links. */
  readonly rest: Reply;
}

/**
 * `text` is the reply's text as the channel shows it and `body` the whole message it would become
 * (text, numbered list, links); undefined when it fits `limit` or cannot usefully be cut.
 */
export function pageReply(reply: Reply, text: string, body: string, limit: number): Page | undefined {
  if (body.length <= limit || reply.purpose === 'escalation') return undefined;
  const cut = sentenceCut(text, limit - MORE_HINT.length - 2);
  if (cut === 0) return undefined;
  return {
    now: { text: `${text.slice(0, cut).trim()}\n\n${MORE_HINT}`, purpose: reply.purpose },
    rest: { ...reply, text: text.slice(cut).trim() },
  };
}

/** Position after the last sentence or paragraph end within `budget`; a word break if none is late enough. */
function sentenceCut(text: string, budget: number): number {
  if (text.length <= budget) return text.length;
  const window = text.slice(0, budget + 1);
  let sentenceEnd = 0;
  for (const match of window.matchAll(/[.!?:](?=\s)|\n/g)) sentenceEnd = match.index + 1;
  if (sentenceEnd > budget / 3) return sentenceEnd;
  const space = window.lastIndexOf(' ');
  return space > budget / 3 ? space : budget;
}
