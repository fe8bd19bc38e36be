/**
 * A Storage for fault-injection tests: in memory, with writes that can be made to lose an eTag race
 * or fail as if the store were down, and an optional delay (to keep a turn in flight).
 */
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { ConcurrencyCheckedStorage } from '../../storage/ConcurrencyCheckedStorage';
import type { ConversationStorage } from '../../storage/createStorage';
import { StorageConflictError } from '../../storage/StorageConflictError';

export type Fault = 'conflict' | 'outage';

export class FaultyStorage implements Storage {
  private readonly faults: Fault[] = [];
  writeDelayMs = 0;
  writes = 0;

  constructor(private readonly inner: Storage = new MemoryStorage()) {}

  /** The next `count` writes fail with `fault`. */
  failNextWrites(fault: Fault, count = 1): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  private readsHeld?: Promise<void>;

  /** Reads wait until the returned function is called, as if the store had stopped answering. */
  holdReads(): () => void {
    let release: () => void = () => {};
    this.readsHeld = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.readsHeld = undefined;
      release();
    };
  }

  private writesHeld?: { started: () => void; released: Promise<void> };

  /** The next writes wait until `release` is called; `started` resolves when the first of them begins (a turn in flight). */
  holdWrites(): { started: Promise<void>; release: () => void } {
    let started: () => void = () => {};
    let release: () => void = () => {};
    const begun = new Promise<void>((resolve) => (started = resolve));
    this.writesHeld = { started, released: new Promise<void>((resolve) => (release = resolve)) };
    return {
      started: begun,
      release: () => {
        this.writesHeld = undefined;
        release();
      },
    };
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.readsHeld;
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    if (this.writesHeld) {
      this.writesHeld.started();
      await this.writesHeld.released;
    }
    if (this.writeDelayMs) await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
    const fault = this.faults.shift();
    if (fault === 'conflict') throw new StorageConflictError();
    if (fault === 'outage')
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.4:443'), { code: 'ECONNREFUSED', cause: new Error('socket hang up') });
    await this.inner.write(changes);
    this.writes += 1;
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  /** What startBot's `storage` option takes, with the same eTag checking as production. */
  asConversationStorage(): ConversationStorage {
    return { storage: new ConcurrencyCheckedStorage(this), start: () => undefined, close: async () => undefined };
  }
}
