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
 * here, so what this process last wrote to a file is what the file holds. It keeps that copy (the
 * JSON and its eTag) for the most recently saved conversations: a turn's read parses the copy
 * instead of reading the file, and an eTag-checked write compares with the copy's eTag instead of
 * reading the file again. Only writes, in their queue, record copies (a read may finish after a write
 * and would record an old one). A deleted or expired file, and any failed write (the rename may have
 * landed or not), are forgotten, so the file itself decides the next read and check; the copy never
 * outlives the file, so "forget me" and the expiry sweep reach it too.
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
/** Conversations whose last save the sole writer keeps in memory: a few MB at most, far more than talk at once. */
const REMEMBERED_SAVES = 2_000;

export interface FileStorageOptions {
  /** This process alone writes the folder (it holds the folder's lock): what it wrote is what the files hold. */
  readonly soleWriter?: boolean;
  /** How many conversations' last saves the sole writer keeps (the least recently saved go first). */
  readonly rememberedSaves?: number;
}

/** The file's content as this process last wrote it. */
interface Saved {
  readonly eTag: string;
  readonly json: string;
}

export class FileStorage implements Storage {
  private readonly queues = new Map<string, Promise<void>>();
  /** Per file, what this process last wrote to it, oldest save first; only kept as the sole writer. */
  private readonly saved: Map<string, Saved> | undefined;
  private readonly rememberedSaves: number;

  private constructor(
    readonly directory: string,
    options: FileStorageOptions,
  ) {
    this.saved = options.soleWriter ? new Map() : undefined;
    this.rememberedSaves = options.rememberedSaves ?? REMEMBERED_SAVES;
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
        const file = this.fileFor(key);
        const saved = this.saved?.get(file);
        // Parsed afresh each time: the turn changes the object it reads.
        const item = saved ? (JSON.parse(saved.json) as StoreItem) : await this.load(file);
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
          const current = this.saved?.get(file) ?? (await this.load(file));
          if (current && current.eTag !== item.eTag) throw new StorageConflictError();
        }
        const eTag = randomUUID();
        const json = JSON.stringify({ ...item, eTag });
        try {
          await this.replace(file, json);
        } catch (error) {
          this.saved?.delete(file);
          throw error;
        }
        this.remember(file, { eTag, json });
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        const file = this.fileFor(key);
        return this.exclusive(file, () => {
          this.saved?.delete(file);
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
          this.saved?.delete(file);
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

  /** Keeps the save as the newest; beyond the limit the least recently saved is read from its file again. */
  private remember(file: string, save: Saved): void {
    if (!this.saved) return;
    this.saved.delete(file);
    this.saved.set(file, save);
    if (this.saved.size > this.rememberedSaves) this.saved.delete(this.saved.keys().next().value as string);
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
