/**
 * Cuts a reply for a channel that prefers short messages (SMS): the first part goes now, ending with
 * an offer of the rest, and the rest waits until the patient replies MORE. Cuts fall after a
 * sentence, so each message reads as whole thoughts; numbered choices and links go with the rest.
 * Safety advice is never cut.
 */
import type { Reply } from './Reply';

export interface Page {
  /** What fits now, ending with the MORE hint. */
  readonly now: Reply;
  /** The rest of the reply's text, with its choices and links. */
  readonly rest: Reply;
}

/**
 * `text` is the reply's text as the channel shows it, `body` the whole message it would become
 * (lead, text, numbered list, links), and `fits` says whether a message starting with the reply's
 * lead and going on with the given text is short enough; undefined when nothing needs cutting.
 * `moreHint` ends the first part (conversation.json `moreHint`).
 */
export function pageReply(reply: Reply, text: string, body: string, fits: (text: string) => boolean, moreHint: string): Page | undefined {
  if (reply.safety || fits(body)) return undefined;
  const cut = sentenceCut(text, (end) => fits(firstPart(text, end, moreHint)));
  // A rest of only the numbered list is not worth a MORE: the patient needs the numbers with the text.
  if (cut === 0 || cut === text.length) return undefined;
  return {
    now: { text: firstPart(text, cut, moreHint), lead: reply.lead, purpose: reply.purpose },
    rest: { ...reply, lead: undefined, text: text.slice(cut).trim() },
  };
}

function firstPart(text: string, end: number, moreHint: string): string {
  return `${text.slice(0, end).trim()}\n\n${moreHint}`;
}

/**
 * The end of the last sentence or paragraph that fits; a word break if no sentence end comes late
 * enough (a third of the room) to make a useful first part; 0 if not even a word fits; the whole
 * length if all of it fits.
 */
function sentenceCut(text: string, fitsUpTo: (end: number) => boolean): number {
  if (fitsUpTo(text.length)) return text.length;
  const words = [...text.matchAll(/ /g)].map((match) => match.index);
  const room = lastFitting(words, fitsUpTo);
  const sentenceEnds = [...text.matchAll(/[.!?:](?=\s)|\n/g)].map((match) => match.index + 1).filter((end) => end <= room);
  const sentenceEnd = sentenceEnds.at(-1) ?? 0;
  return sentenceEnd > room / 3 ? sentenceEnd : room;
}

/** The largest of the ascending `ends` that fits (longer prefixes never fit where shorter ones do not), or 0. */
function lastFitting(ends: readonly number[], fitsUpTo: (end: number) => boolean): number {
  let low = 0;
  let high = ends.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (fitsUpTo(ends[middle])) {
      found = ends[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
