/** STORAGE=memory: usage kept in the process, for tests and development; gone on restart. */
import { randomBytes } from 'node:crypto';
import type { UsageLog, UsageStream } from './UsageLog';
import { isLinkedTo } from './UsageRecords';

export class MemoryUsageLog implements UsageLog {
  private readonly days = new Map<UsageStream, Map<string, string[]>>();
  private readonly key = randomBytes(32);

  async append(stream: UsageStream, day: string, lines: readonly string[]): Promise<void> {
    const days = this.days.get(stream) ?? new Map<string, string[]>();
    this.days.set(stream, days);
    days.set(day, [...(days.get(day) ?? []), ...lines]);
  }

  async read(stream: UsageStream, sinceDay: string): Promise<string[]> {
    const days = [...(this.days.get(stream) ?? new Map<string, string[]>())].filter(([day]) => day >= sinceDay);
    return days.sort(([a], [b]) => a.localeCompare(b)).flatMap(([, lines]) => lines);
  }

  async deleteBefore(beforeDay: string): Promise<number> {
    let deleted = 0;
    for (const days of this.days.values()) {
      for (const day of [...days.keys()]) {
        if (day < beforeDay && days.delete(day)) deleted++;
      }
    }
    return deleted;
  }

  async deleteConversation(link: string): Promise<number> {
    let deleted = 0;
    const days = this.days.get('unanswered') ?? new Map<string, string[]>();
    for (const [day, lines] of days) {
      const kept = lines.filter((line) => !isLinkedTo(line, link));
      deleted += lines.length - kept.length;
      days.set(day, kept);
    }
    return deleted;
  }

  async linkKey(): Promise<Buffer> {
    return this.key;
  }
}
