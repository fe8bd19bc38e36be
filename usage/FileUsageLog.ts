/**
 * STORAGE=file: one append-only JSONL file per day, under UNANSWERED_PATH for unanswered questions
 * and UNANSWERED_PATH/counts for the counts, e.g. data/unanswered/2026-11-23.jsonl, and the link
 * key in UNANSWERED_PATH/link.key. Only the bot's user may read them (folders 0700, files 0600).
 * Appends of whole lines with O_APPEND do not interleave, so two processes can share the folder;
 * "forget me" rewrites a day through a temporary file renamed over it.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DailyUsageLog, newLinkKey } from './DailyUsageLog';
import { dayFileName, dayOfName, type UsageStream } from './UsageLog';

const PRIVATE_FOLDER = { recursive: true, mode: 0o700 } as const;
const PRIVATE_FILE = 0o600;
const LINK_KEY_FILE = 'link.key';

export class FileUsageLog extends DailyUsageLog {
  constructor(private readonly root: string) {
    super();
  }

  async append(stream: UsageStream, day: string, lines: readonly string[]): Promise<void> {
    const folder = this.folder(stream);
    await mkdir(folder, PRIVATE_FOLDER);
    await appendFile(join(folder, dayFileName(day)), lines.map((line) => `${line}\n`).join(''), { encoding: 'utf8', mode: PRIVATE_FILE });
  }

  protected readDay(stream: UsageStream, day: string): Promise<string> {
    return readFile(join(this.folder(stream), dayFileName(day)), 'utf8');
  }

  protected deleteDay(stream: UsageStream, day: string): Promise<void> {
    return rm(join(this.folder(stream), dayFileName(day)), { force: true });
  }

  protected async removeLines(stream: UsageStream, day: string, remove: (line: string) => boolean): Promise<number> {
    const file = join(this.folder(stream), dayFileName(day));
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
    const kept = lines.filter((line) => !remove(line));
    if (kept.length === lines.length) return 0;
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, kept.map((line) => `${line}\n`).join(''), { encoding: 'utf8', flag: 'wx', mode: PRIVATE_FILE });
    await rename(temp, file);
    return lines.length - kept.length;
  }

  /** Made once, 0600, beside the unanswered questions; read again by every later start. */
  async linkKey(): Promise<Buffer> {
    const file = join(this.root, LINK_KEY_FILE);
    await mkdir(this.root, PRIVATE_FOLDER);
    try {
      await writeFile(file, newLinkKey(), { flag: 'wx', mode: PRIVATE_FILE });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
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
