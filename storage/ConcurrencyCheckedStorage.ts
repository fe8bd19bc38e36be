/**
 * Makes conversation state saves eTag-checked. botbuilder's BotState.saveChanges sets `eTag = '*'`
 * on the state object just before writing it, so with any Storage the last writer silently wins:
 * two instances (or two concurrent turns) answering the same conversation would each overwrite
 * the other's progress. This decorator remembers the eTag of every object it hands out from
 * read() and puts it back on write() when the object comes back marked '*'. The store then
 * rejects a write based on stale state, and withConflictRetry re-runs the turn on fresh state.
 *
 * This relies on BotState writing the very object it read (true in botbuilder 4.x: the cached
 * `state`). State that did not exist when read is written unconditionally, as MemoryStorage does.
 */
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

export class ConcurrencyCheckedStorage implements Storage {
  private readonly readETags = new WeakMap<object, string>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const key of Object.keys(items)) {
      const item = items[key] as StoreItem | undefined;
      if (typeof item === 'object' && item !== null && typeof item.eTag === 'string' && item.eTag !== '*') {
        this.readETags.set(item, item.eTag);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const checked: StoreItems = {};
    const written: object[] = [];
    for (const key of Object.keys(changes)) {
      const item = changes[key] as StoreItem;
      const eTag = typeof item === 'object' && item !== null ? this.readETags.get(item) : undefined;
      const value = eTag !== undefined && item.eTag === '*' ? { ...item, eTag } : item;
      Object.defineProperty(checked, key, { value, enumerable: true, writable: true, configurable: true });
      if (eTag !== undefined) written.push(item);
    }
    await this.inner.write(checked);
    // The remembered eTag is now our own old one; a second save of the same object in this turn
    // (error recovery) must not conflict with ourselves, so it falls back to BotState's '*'.
    for (const item of written) this.readETags.delete(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
