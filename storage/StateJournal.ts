/**
 * The sole writer's journal of saves (FileStorage): one line per save, `<state file's hash> <JSON>`,
 * added with one synchronous write before the save resolves. The reply that follows a save goes out
 * only once the save is in the operating system's hands, so it survives the process crashing or being
 * killed, as a renamed state file does (and like it, not a power cut: no fsync). One write call costs
 * a turn next to nothing; replacing the state file (create a temporary file, write, close, rename, four
 * trips to libuv's thread pool) cost ~0.8 ms of CPU per turn.
 *
 * FileStorage brings the state files up to date in the background (its checkpoint), each conversation
 * once however many saves it had meanwhile: it starts a new journal (rotate), writes the files, then
 * deletes the old journals (retire). Journals found at start (a crash, a kill) are read back: the last
 * complete line of each conversation wins. Lines are written at the journal's known end, so a write
 * that failed half-way is overwritten by the next one; a torn line can only be the last, and is skipped.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';

const JOURNAL_FILE = /^journal-(\d+)\.jsonl$/;
const LINE = /^([0-9a-f]{64}) (\{.*\})$/;

/** A save as the journal holds it: the state's JSON and its eTag. */
export interface JournalledSave {
  readonly eTag: string;
  readonly json: string;
}

export class StateJournal {
  /** Journals whose saves the state files may not hold yet: deleted once they do (retire). */
  private readonly retiring: string[];
  private file = '';
  /**
   * Undefined once closed (or when a new journal could not be opened): a closed descriptor's number is
   * soon another file's or socket's, which a stray write or second close would damage.
   */
  private descriptor: number | undefined;
  private closed = false;
  /** Where the next line goes: the end of the last line written in full. */
  private bytes = 0;

  private constructor(
    private readonly directory: string,
    private sequence: number,
    found: readonly string[],
  ) {
    this.retiring = [...found];
    this.startJournal();
  }

  /** Reads the journals a previous process left (by state file hash, the last save of each) and starts a new one. */
  static async open(directory: string): Promise<{ journal: StateJournal; saves: Map<string, JournalledSave> }> {
    const found = (await readdir(directory))
      .map((name) => ({ name, sequence: Number(JOURNAL_FILE.exec(name)?.[1] ?? Number.NaN) }))
      .filter(({ sequence }) => Number.isSafeInteger(sequence))
      .sort((a, b) => a.sequence - b.sequence);
    const saves = new Map<string, JournalledSave>();
    for (const { name } of found) {
      for (const line of (await readFile(path.join(directory, name), 'utf8')).split('\n')) {
        const save = parseLine(line);
        if (save) saves.set(save.hash, save);
      }
    }
    const journal = new StateJournal(
      directory,
      (found.at(-1)?.sequence ?? 0) + 1,
      found.map(({ name }) => path.join(directory, name)),
    );
    return { journal, saves };
  }

  /** Adds a save; it is in the operating system's hands when this returns. Throws if it could not be written in full. */
  append(hash: string, json: string): void {
    if (this.descriptor === undefined) throw new Error('FileStorage: the journal is closed');
    const line = Buffer.from(`${hash} ${json}\n`, 'utf8');
    const written = writeSync(this.descriptor, line, 0, line.length, this.bytes);
    if (written !== line.length) throw new Error(`FileStorage: the journal took ${written} of ${line.length} bytes`);
    this.bytes += line.length;
  }

  /** Whether this journal, or one waiting to be retired, holds saves. */
  get holdsSaves(): boolean {
    return this.bytes > 0 || this.retiring.length > 0;
  }

  /** Later saves go to a new journal; returns every journal whose saves must reach the state files before it is retired. */
  rotate(): string[] {
    if (this.closed) throw new Error('FileStorage: the journal is closed');
    if (this.descriptor !== undefined) {
      this.closeDescriptor();
      this.retiring.push(this.file);
    }
    this.sequence += 1;
    this.startJournal();
    return [...this.retiring];
  }

  /** Deletes journals whose saves the state files now hold. */
  async retire(journals: readonly string[]): Promise<void> {
    for (const journal of journals) {
      await rm(journal, { force: true });
      const at = this.retiring.indexOf(journal);
      if (at >= 0) this.retiring.splice(at, 1);
    }
  }

  /** Closes the journal; deleted if it holds nothing (a clean shutdown leaves only the state files). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeDescriptor();
    if (!this.holdsSaves) rmSync(this.file, { force: true });
  }

  private closeDescriptor(): void {
    const descriptor = this.descriptor;
    this.descriptor = undefined;
    if (descriptor !== undefined) closeSync(descriptor);
  }

  private startJournal(): void {
    this.file = path.join(this.directory, `journal-${this.sequence}.jsonl`);
    // Only the bot's own user may read it: it holds the same health details as the state files.
    this.descriptor = openSync(this.file, 'wx', 0o600);
    this.bytes = 0;
  }
}

function parseLine(line: string): (JournalledSave & { readonly hash: string }) | undefined {
  const match = LINE.exec(line);
  if (!match) return undefined;
  try {
    const item: unknown = JSON.parse(match[2]);
    const eTag = (item as { eTag?: unknown }).eTag;
    return typeof eTag === 'string' ? { hash: match[1], eTag, json: match[2] } : undefined;
  } catch {
    return undefined; // the torn end of a write that failed half-way
  }
}
