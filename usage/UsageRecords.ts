/**
 * The two kinds of line the usage log holds. Neither carries a user or conversation id; only an
 * unanswered record carries text, and only after redactPersonalData, with a keyed hash of its
 * conversation that "forget me" finds it by (conversationLink).
 */
import { createHmac } from 'node:crypto';
import { redactPersonalData } from '../config/redactPersonalData';
import type { TurnEvent } from './TurnEvents';

export interface UnansweredRecord {
  /** ISO time. */
  readonly at: string;
  readonly channel: string;
  /** What the patient got: no answer, "did you mean", or an answer the bot was unsure of (`closest` is that answer). */
  readonly outcome: 'none' | 'didYouMean' | 'unsureAnswer';
  readonly text: string;
  /** The entry that scored best at the time, if any. */
  readonly closest?: string;
  /** conversationLink of the conversation it was asked in; the id itself (for SMS, a phone number) is never stored. */
  readonly conversation: string;
}

/** A turn event without its text: `{"at":…,"channel":"sms","event":"answered","entry":"stretching"}`. */
export interface CountRecord {
  readonly at: string;
  readonly channel: string;
  readonly event: TurnEvent['kind'];
  readonly entry?: string;
  readonly urgency?: string;
  readonly outcome?: 'none' | 'didYouMean';
}

export function countRecordOf(event: TurnEvent, channel: string, at: Date): CountRecord {
  const base = { at: at.toISOString(), channel, event: event.kind };
  switch (event.kind) {
    case 'answered':
      return { ...base, entry: event.entryId };
    case 'unanswered':
      return { ...base, outcome: event.outcome };
    case 'escalated':
      return { ...base, urgency: event.urgency };
    default:
      return base;
  }
}

export function unansweredRecordOf(
  event: Extract<TurnEvent, { kind: 'unanswered' | 'unsureAnswer' }>,
  channel: string,
  at: Date,
  conversation: string,
): UnansweredRecord {
  const closest = event.kind === 'unsureAnswer' ? event.entryId : event.closestEntryId;
  return {
    at: at.toISOString(),
    channel,
    outcome: event.kind === 'unsureAnswer' ? 'unsureAnswer' : event.outcome,
    text: redactPersonalData(event.text),
    ...(closest === undefined ? {} : { closest }),
    conversation,
  };
}

/** HMAC-SHA256 of the channel and conversation id under the log's link key, shortened to 128 bits. */
export function conversationLink(key: Buffer, channelId: string, conversationId: string): string {
  return createHmac('sha256', key).update(`${channelId}\n${conversationId}`, 'utf8').digest('hex').slice(0, 32);
}

/** Whether a stored line is an unanswered record of the conversation with this link. */
export function isLinkedTo(line: string, link: string): boolean {
  if (!line.includes(link)) return false;
  try {
    return (JSON.parse(line) as Partial<UnansweredRecord>).conversation === link;
  } catch {
    return false;
  }
}

/**
 * Parses stored lines, skipping any that are not a record of this shape (a line cut short by a crash
 * must not stop the report), and keeps those at or after `since`.
 */
export function parseRecords<T extends { readonly at: string }>(
  lines: readonly string[],
  since: Date,
  isRecord: (value: unknown) => boolean,
): T[] {
  const records: T[] = [];
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value) && Date.parse((value as T).at) >= since.getTime()) records.push(value as T);
    } catch {
      // skipped: see above
    }
  }
  return records;
}

export const isUnansweredRecord = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UnansweredRecord).text === 'string' &&
  typeof (value as UnansweredRecord).at === 'string';

export const isCountRecord = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CountRecord).event === 'string' &&
  typeof (value as CountRecord).at === 'string';
