/**
 * Where the bot keeps what staff review later, one append-only JSONL "day" per stream:
 *   unanswered  what patients asked that the bot could not answer (redacted text, time, channel,
 *               and a keyed hash of the conversation so that "forget me" can delete it);
 *   counts      every turn event without any text or link to a conversation, for kb:stats.
 * Implemented on the same backend as conversation state (memory, file or blob), so a deployment
 * has one place where data lives and one retention story.
 */
export type UsageStream = 'unanswered' | 'counts';

export const USAGE_STREAMS: readonly UsageStream[] = ['unanswered', 'counts'];

export interface UsageLog {
  /** Appends lines (each one JSON record, no newline) to the stream's day. */
  append(stream: UsageStream, day: string, lines: readonly string[]): Promise<void>;
  /** Every line of the days from `sinceDay` on, oldest day first. */
  read(stream: UsageStream, sinceDay: string): Promise<string[]>;
  /** Deletes whole days before `beforeDay` in every stream; returns how many days went. */
  deleteBefore(beforeDay: string): Promise<number>;
  /** Deletes the unanswered questions linked to one conversation (conversationLink); returns how many went. */
  deleteConversation(link: string): Promise<number>;
  /** The secret behind conversation links: made on first use and kept with the log, so every instance sharing the log uses the same. */
  linkKey(): Promise<Buffer>;
}

/** The UTC day, `2026-11-23`: one name for the same day on every instance, whatever its time zone. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The day of a `2026-11-23.jsonl` name, or undefined for anything else in the folder. */
export function dayOfName(name: string): string | undefined {
  return DAY_FILE.exec(name)?.[1];
}

export function dayFileName(day: string): string {
  return `${day}.jsonl`;
}
