/**
 * STORAGE=file: one append-only JSONL file per day, under UNANSWERED_PATH for unanswered questions
 * and UNANSWERED_PATH/counts for the counts, e.g. data/unanswered/2026-11-23.jsonl.
 * Appends of whole lines with O_APPEND do not interleave, so two processes can share the folder.
 */
import { appendFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DailyUsageLog } from './DailyUsageLog';
import { dayFileName, dayOfName, type UsageStream } from './UsageLog';

export class FileUsageLog extends DailyUsageLog {
  constructor(private readonly root: string) {
    super();
  }

  async append(stream: UsageStream, day: string, lines: readonly string[]): Promise<void> {
    const folder = this.folder(stream);
    await mkdir(folder, { recursive: true });
    await appendFile(join(folder, dayFileName(day)), lines.map((line) => `${line}\n`).join(''), 'utf8');
  }

  protected readDay(stream: UsageStream, day: string): Promise<string> {
    return readFile(join(this.folder(stream), dayFileName(day)), 'utf8');
  }

  protected deleteDay(stream: UsageStream, day: string): Promise<void> {
    return rm(join(this.folder(stream), dayFileName(day)), { force: true });
  }

  private folder(stream: UsageStream): string {
    return stream === 'unanswered' ? this.root : join(this.root, 'counts');
  }

  /** The days present, oldest first; a missing folder is simply no days yet. */
  protected async days(stream: UsageStream): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.folder(stream));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return names.flatMap((name) => dayOfName(name) ?? []).sort();
  }
}
