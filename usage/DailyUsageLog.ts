/**
 * A usage log kept as one JSONL document per stream and day (files or append blobs): reading a range
 * and expiring old days work the same way whatever holds the documents.
 */
import { randomBytes } from 'node:crypto';
import { USAGE_STREAMS, type UsageLog, type UsageStream } from './UsageLog';
import { isLinkedTo } from './UsageRecords';

export abstract class DailyUsageLog implements UsageLog {
  abstract append(stream: UsageStream, day: string, lines: readonly string[]): Promise<void>;

  /** The days present, oldest first. */
  protected abstract days(stream: UsageStream): Promise<string[]>;
  protected abstract readDay(stream: UsageStream, day: string): Promise<string>;
  protected abstract deleteDay(stream: UsageStream, day: string): Promise<void>;
  /** Writes the day again without the lines `remove` picks (nothing if it picks none); returns how many went. */
  protected abstract removeLines(stream: UsageStream, day: string, remove: (line: string) => boolean): Promise<number>;
  abstract linkKey(): Promise<Buffer>;

  async read(stream: UsageStream, sinceDay: string): Promise<string[]> {
    const days = (await this.days(stream)).filter((day) => day >= sinceDay);
    const texts = await Promise.all(days.map((day) => this.readDay(stream, day)));
    return texts.flatMap((text) => text.split('\n').filter((line) => line.trim() !== ''));
  }

  async deleteBefore(beforeDay: string): Promise<number> {
    let deleted = 0;
    for (const stream of USAGE_STREAMS) {
      for (const day of await this.days(stream)) {
        if (day >= beforeDay) continue;
        await this.deleteDay(stream, day);
        deleted++;
      }
    }
    return deleted;
  }

  async deleteConversation(link: string): Promise<number> {
    let deleted = 0;
    for (const day of await this.days('unanswered')) deleted += await this.removeLines('unanswered', day, (line) => isLinkedTo(line, link));
    return deleted;
  }
}

/** A new link key, as stored: 64 hex characters. */
export function newLinkKey(): string {
  return randomBytes(32).toString('hex');
}
