/**
 * Conversation state on the local disk, for one bot instance (several instances share blob storage
 * instead). One JSON file per key, named by the key's hash; eTags behave like botbuilder's
 * MemoryStorage: a write whose eTag is stale throws a StorageConflictError, '*' or no eTag
 * overwrites, and a write to a missing key always succeeds.
 *
 * Writes and deletes of one key are queued in this process so the eTag check and the write cannot
 * interleave with another turn's. Without `soleWriter` (a folder others may read or write), a write
 * goes to a temporary file that is then renamed over the old one, so a reader, or a restart after a
 * crash, sees the old state or the new one, never half a file. (No fsync in either mode: state
 * survives a process crash, not a power cut.)
 *
 * `soleWriter` (STORAGE=file holds the folder's lock, StorageFolderLock): no other process writes
 * here, so what this process last saved is what the folder holds. It keeps that copy (the JSON and
 * its eTag) for the most recently saved conversations: a turn's read parses the copy instead of
 * reading the file, and an eTag-checked save compares with the copy's eTag instead of reading the
 * file again. A save is acknowledged once it is in the journal (StateJournal: one write call, in the
 * operating system's hands before the reply goes out); the state files are brought up to date every
 * CHECKPOINT_MS (sooner when many conversations wait), each conversation once however many saves it
 * had meanwhile, and on close. A conversation whose last save is in the journal alone stays in memory
 * until its file holds it, and the expiry sweep leaves it alone (it was saved a moment ago). Deleting
 * ("forget me") removes the copy and the file, then writes the other conversations' files and deletes
 * the journals before it resolves, so no line of the forgotten conversation is left. A failed journal
 * write fails the save and leaves the previous copy in force (the journal's next line overwrites the
 * torn one); a failed checkpoint keeps its journals and tries again at the next.
 */
import { randomUUID } from 'node:crypto';
import { close, constants, promises as fs, ftruncate, open, write } from 'node:fs';
import * as path from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { hashStorageKey } from './hashStorageKey';
import { type JournalledSave, StateJournal } from './StateJournal';
import { StorageConflictError } from './StorageConflictError';

const STATE_SUFFIX = '.json';
const TEMP_SUFFIX = '.tmp';
const OWN_FILE = /^[0-9a-f]{64}\.json(?:\.[0-9a-f-]{36}\.tmp)?$/;
const STATE_FILE = /^[0-9a-f]{64}\.json$/;
const OWN_TEMP_FILE = /^[0-9a-f]{64}\.json\.[0-9a-f-]{36}\.tmp$/;
/** Conversations whose last save the sole writer keeps in memory: a few MB at most, far more than talk at once. */
const REMEMBERED_SAVES = 2_000;
/**
 * How long a save may be in the journal alone: the journal holds at most about this much of recent
 * conversations, and a patient's burst of messages within it costs one write of the state file.
 */
const CHECKPOINT_MS = 30_000;
/** State files a checkpoint writes at once: libuv's thread pool runs four calls at a time anyway. */
const CHECKPOINT_WRITERS = 8;

export interface FileStorageOptions {
  /** This process alone writes the folder (it holds the folder's lock): what it wrote is what the files hold. */
  readonly soleWriter?: boolean;
  /** How many conversations' last saves the sole writer keeps (the least recently saved go first). */
  readonly rememberedSaves?: number;
  /** Told when the background checkpoint fails (it is tried again at the next). */
  readonly onCheckpointError?: (error: unknown) => void;
}

export class FileStorage implements Storage {
  private readonly queues = new Map<string, Promise<void>>();
  /** Per file, what this process last saved to it, oldest save first; only kept as the sole writer. */
  private readonly saved: Map<string, JournalledSave> | undefined;
  /** Files whose last save is in the journal alone: kept in `saved` until the checkpoint writes them. */
  private readonly unwritten = new Set<string>();
  /**
   * The sole writer's list of the state files in its folder: a conversation with neither a file nor a
   * copy has no state, found without asking the disk (a new conversation's first read cost a failed
   * open). ~150 bytes per stored conversation.
   */
  private readonly files: Set<string> | undefined;
  private readonly rememberedSaves: number;
  private checkpointTimer: NodeJS.Timeout | undefined;
  /** The timer is for a checkpoint at once (many conversations wait), not in CHECKPOINT_MS. */
  private checkpointSoon = false;
  /** The checkpoint in progress: one at a time. */
  private checkpointing: Promise<void> = Promise.resolve();

  private constructor(
    readonly directory: string,
    private readonly options: FileStorageOptions,
    private readonly journal?: StateJournal,
  ) {
    this.saved = options.soleWriter ? new Map() : undefined;
    this.files = options.soleWriter ? new Set() : undefined;
    this.rememberedSaves = options.rememberedSaves ?? REMEMBERED_SAVES;
  }

  /**
   * Creates the folder if needed; only the bot's own user may read it (it holds health details).
   * Temporary files a crash left behind are removed: nothing of this process writes yet, and each
   * holds a half-written or superseded copy of state (with health details) nobody will read.
   */
  static async open(directory: string, options: FileStorageOptions = {}): Promise<FileStorage> {
    await fs.mkdir(directory, { recursive: true, mode: 0o700 });
    const names = await fs.readdir(directory);
    const orphans = names.filter((name) => OWN_TEMP_FILE.test(name));
    await Promise.all(orphans.map((name) => fs.rm(path.join(directory, name), { force: true })));
    const folder = path.resolve(directory);
    if (!options.soleWriter) return new FileStorage(folder, options);
    // Saves a previous process journalled and never wrote to their files: in force again, written at the first checkpoint.
    const { journal, saves } = await StateJournal.open(folder);
    const storage = new FileStorage(folder, options, journal);
    for (const name of names) if (STATE_FILE.test(name)) storage.files?.add(path.join(folder, name));
    for (const [hash, save] of saves) storage.journalled(path.join(folder, hash + STATE_SUFFIX), save);
    return storage;
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
        if (this.journal) {
          this.journal.append(path.basename(file, STATE_SUFFIX), json);
          this.journalled(file, { eTag, json });
          return;
        }
        await this.replace(file, json);
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        const file = this.fileFor(key);
        return this.exclusive(file, () => {
          this.saved?.delete(file);
          this.unwritten.delete(file);
          this.files?.delete(file);
          return fs.rm(file, { force: true });
        });
      }),
    );
    // The journal holds the deleted conversations' saves too: gone before "forget me" is acknowledged.
    if (this.journal) await this.checkpoint();
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
        if (this.unwritten.has(file)) return; // saved a moment ago: its newest state is in the journal
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && stat.mtimeMs < cutoff.getTime()) {
          this.saved?.delete(file);
          this.files?.delete(file);
          await fs.rm(file, { force: true });
          removed += 1;
        }
      });
    }
    return removed;
  }

  /**
   * Writes the state files of every conversation saved to the journal alone, then deletes the
   * journals they were in. A file that could not be written keeps its journals for the next try.
   */
  checkpoint(): Promise<void> {
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    this.checkpointSoon = false;
    const run = this.checkpointing.then(() => this.writeUnwritten());
    this.checkpointing = run.catch(() => undefined);
    return run;
  }

  /** Waits for the writes and deletes already started, brings the state files up to date and closes the journal (for shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()]);
    if (!this.journal) return;
    await this.checkpoint();
    // Later saves fail (the journal is closed) instead of starting a checkpoint nobody waits for.
    clearTimeout(this.checkpointTimer);
    this.journal.close();
  }

  private async writeUnwritten(): Promise<void> {
    const journal = this.journal;
    if (!journal?.holdsSaves) return;
    const journals = journal.rotate();
    const failures: unknown[] = [];
    // A few files at a time, each taken into its conversation's queue only when its turn comes: a turn
    // saving meanwhile waits for its own file at most, and the checkpoint holds a few descriptors, not thousands.
    const files = [...this.unwritten].values();
    const writer = async () => {
      for (const file of files) await this.exclusive(file, () => this.writeFile(file)).catch((error: unknown) => failures.push(error));
    };
    await Promise.all(Array.from({ length: CHECKPOINT_WRITERS }, writer));
    if (failures.length > 0) throw failures[0];
    await journal.retire(journals);
    this.forgetOldest();
  }

  /** Writes a conversation's file from its copy, unless deleted meanwhile or written by an earlier checkpoint. */
  private async writeFile(file: string): Promise<void> {
    const save = this.saved?.get(file);
    if (!save || !this.unwritten.has(file)) return;
    const created = this.files !== undefined && !this.files.has(file);
    this.files?.add(file); // from the moment it is opened, even if the write then fails
    await overwrite(file, save.json, created);
    this.unwritten.delete(file);
  }

  /** A save in the journal: in force for reads and eTag checks, and written to its file at the next checkpoint. */
  private journalled(file: string, save: JournalledSave): void {
    this.unwritten.add(file);
    this.remember(file, save);
    this.scheduleCheckpoint();
  }

  /** In CHECKPOINT_MS, or at once when half the remembered saves are in the journal alone. */
  private scheduleCheckpoint(): void {
    const soon = this.unwritten.size >= this.rememberedSaves / 2;
    if (this.checkpointTimer && (this.checkpointSoon || !soon)) return;
    clearTimeout(this.checkpointTimer);
    this.checkpointSoon = soon;
    this.checkpointTimer = setTimeout(
      () => {
        this.checkpoint().catch((error: unknown) => {
          this.options.onCheckpointError?.(error);
          this.scheduleCheckpoint();
        });
      },
      soon ? 0 : CHECKPOINT_MS,
    ).unref();
  }

  /** Keeps the save as the newest. */
  private remember(file: string, save: JournalledSave): void {
    if (!this.saved) return;
    this.saved.delete(file);
    this.saved.set(file, save);
    this.forgetOldest();
  }

  /**
   * Beyond the limit the least recently saved are read from their files again; a save in the journal alone
   * is kept. Once every copy kept is such a save (the checkpoint has fallen behind: a slow disk), there is
   * nothing to forget, and looking through them all again at every save made each save dearer the further
   * behind it fell.
   */
  private forgetOldest(): void {
    if (!this.saved) return;
    for (const file of this.saved.keys()) {
      if (this.saved.size <= this.rememberedSaves || this.saved.size === this.unwritten.size) return;
      if (!this.unwritten.has(file)) this.saved.delete(file);
    }
  }

  private fileFor(key: string): string {
    return path.join(this.directory, hashStorageKey(key) + STATE_SUFFIX);
  }

  private async load(file: string): Promise<StoreItem | undefined> {
    if (this.files && !this.files.has(file)) return undefined;
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

/**
 * The checkpoint rewrites a state file where it stands (write, then cut to length): ~50 µs of CPU
 * against ~400 µs for a temporary file renamed over the old one (ext4 then allocates and starts
 * writing the new file at once). Nobody reads the file meanwhile: its conversation is read from the
 * copy until the file is whole. A crash half-way leaves a torn file, and the journal the save came
 * from, deleted only once every file of the checkpoint is whole: the next start reads the save back.
 * A new conversation's file (`created`: the folder has none) is created whole, so there is nothing to
 * cut: one trip to libuv's thread pool fewer, and creating files is most of what the checkpoints cost.
 */
async function overwrite(file: string, json: string, created: boolean): Promise<void> {
  const bytes = Buffer.from(json, 'utf8');
  const flags = constants.O_WRONLY | constants.O_CREAT | (created ? constants.O_EXCL : 0);
  const descriptor = await settle<number>((done) => open(file, flags, 0o600, done));
  try {
    const written = await settle<number>((done) => write(descriptor, bytes, 0, bytes.length, 0, done));
    if (written !== bytes.length) throw new Error(`FileStorage: a state file took ${written} of ${bytes.length} bytes`);
    if (!created) await settle((done) => ftruncate(descriptor, bytes.length, done));
  } finally {
    await settle((done) => close(descriptor, done));
  }
}

/** A callback-style fs call as a promise (cheaper than fs.promises' file handles on this path). */
function settle<T = void>(call: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value as T))));
}
