/**
 * Conversation state on the local disk, for one bot instance (several instances share blob storage
 * instead). One JSON file per key, named by the key's hash; eTags behave like botbuilder's
 * MemoryStorage: a write whose eTag is stale throws a StorageConflictError, '*' or no eTag
 * overwrites, and a write to a missing key always succeeds.
 *
 * A write goes to a temporary file that is then renamed over the old one, so a reader, or a
 * restart after a crash, sees the old state or the new one, never half a file. (No fsync: this
 * protects against a process crash, not a power cut.) Writes and deletes of one key are queued
 * in this process so the eTag check and the rename cannot interleave with another turn's.
 *
 * `soleWriter` (STORAGE=file holds the folder's lock, StorageFolderLock): no other process writes
 * here, so the eTag this process last wrote to a file is the one the file holds, and an eTag-checked
 * write compares with that instead of reading and parsing the file again (the second read of every
 * turn). Only writes, in their queue, record eTags (a read may finish after a write and would record
 * an old one). A deleted or expired file, and any failed write (the rename may have landed or not),
 * are forgotten, so the file itself decides the next check.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { hashStorageKey } from './hashStorageKey';
import { StorageConflictError } from './StorageConflictError';

const STATE_SUFFIX = '.json';
const TEMP_SUFFIX = '.tmp';
const OWN_FILE = /^[0-9a-f]{64}\.json(?:\.[0-9a-f-]{36}\.tmp)?$/;
const OWN_TEMP_FILE = /^[0-9a-f]{64}\.json\.[0-9a-f-]{36}\.tmp$/;

export interface FileStorageOptions {
  /** This process alone writes the folder (it holds the folder's lock): eTags it wrote are trusted. */
  readonly soleWriter?: boolean;
}

export class FileStorage implements Storage {
  private readonly queues = new Map<string, Promise<void>>();
  /** Per file, the eTag this process last wrote to it; only kept as the sole writer. */
  private readonly writtenETags: Map<string, string> | undefined;

  private constructor(
    readonly directory: string,
    options: FileStorageOptions,
  ) {
    this.writtenETags = options.soleWriter ? new Map() : undefined;
  }

  /**
   * Creates the folder if needed; only the bot's own user may read it (it holds health details).
   * Temporary files a crash left behind are removed: nothing of this process writes yet, and each
   * holds a half-written or superseded copy of state (with health details) nobody will read.
   */
  static async open(directory: string, options: FileStorageOptions = {}): Promise<FileStorage> {
    await fs.mkdir(directory, { recursive: true, mode: 0o700 });
    const orphans = (await fs.readdir(directory)).filter((name) => OWN_TEMP_FILE.test(name));
    await Promise.all(orphans.map((name) => fs.rm(path.join(directory, name), { force: true })));
    return new FileStorage(path.resolve(directory), options);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.load(this.fileFor(key));
        // defineProperty, not assignment: a key of "__proto__" must stay an ordinary entry.
        if (item) Object.defineProperty(items, key, { value: item, enumerable: true, writable: true, configurable: true });
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const key of Object.keys(changes)) {
      const item = changes[key] as StoreItem | undefined;
      if (typeof item !== 'object' || item === null) throw new TypeError('FileStorage: only objects can be stored');
      const file = this.fileFor(key);
      await this.exclusive(file, async () => {
        if (item.eTag && item.eTag !== '*') {
          const written = this.writtenETags?.get(file);
          const current = written === undefined ? await this.load(file) : { eTag: written };
          if (current && current.eTag !== item.eTag) throw new StorageConflictError();
        }
        const eTag = randomUUID();
        try {
          await this.replace(file, JSON.stringify({ ...item, eTag }));
        } catch (error) {
          this.writtenETags?.delete(file);
          throw error;
        }
        this.writtenETags?.set(file, eTag);
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        const file = this.fileFor(key);
        return this.exclusive(file, () => {
          this.writtenETags?.delete(file);
          return fs.rm(file, { force: true });
        });
      }),
    );
  }

  /**
   * Deletes state not written since `cutoff`, and temporary files a crash left behind. Each file is
   * checked and removed inside its key's queue, so a conversation saved a moment ago is never lost.
   */
  async removeIdle(cutoff: Date): Promise<number> {
    let removed = 0;
    for (const name of await fs.readdir(this.directory)) {
      // Only names this class writes: a STORAGE_PATH pointed at the wrong folder must not lose files.
      if (!OWN_FILE.test(name)) continue;
      const file = path.join(this.directory, name);
      await this.exclusive(file, async () => {
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && stat.mtimeMs < cutoff.getTime()) {
          this.writtenETags?.delete(file);
          await fs.rm(file, { force: true });
          removed += 1;
        }
      });
    }
    return removed;
  }

  /** Resolves once every write and delete already started has finished (for shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()]);
  }

  private fileFor(key: string): string {
    return path.join(this.directory, hashStorageKey(key) + STATE_SUFFIX);
  }

  private async load(file: string): Promise<StoreItem | undefined> {
    let json: string;
    try {
      json = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const item: unknown = JSON.parse(json);
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new Error('FileStorage: a state file does not hold an object');
    return item as StoreItem;
  }

  private async replace(file: string, json: string): Promise<void> {
    const temp = `${file}.${randomUUID()}${TEMP_SUFFIX}`;
    try {
      await fs.writeFile(temp, json, { flag: 'wx', mode: 0o600 });
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  /** Runs `task` after every earlier task on the same file; a failure does not block the next one. */
  private exclusive(file: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.catch(() => undefined);
    this.queues.set(file, settled);
    void settled.then(() => {
      if (this.queues.get(file) === settled) this.queues.delete(file);
    });
    return run;
  }
}
