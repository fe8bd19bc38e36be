/**
 * Stores each key under its SHA-256 hash. BlobsStorage URL-encodes keys, joins "a//b" and "a/b"
 * into the same blob name and cuts names at 1,024 characters, so two long conversation ids that
 * differ only at the end would share one state; hashing gives every key its own fixed-length name
 * and keeps conversation ids (for SMS, phone numbers) out of blob listings. The fixed prefix lets
 * the state sweeper (IdleBlobState), and any lifecycle rule, expire conversation state and nothing else.
 */
import type { Storage, StoreItems } from 'botbuilder';
import { hashStorageKey } from './hashStorageKey';

export const CONVERSATION_BLOB_PREFIX = 'conversation-';

function blobName(key: string): string {
  return CONVERSATION_BLOB_PREFIX + hashStorageKey(key);
}

export class HashedKeyStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const hashed = keys.map(blobName);
    const found = await this.inner.read(hashed);
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const item: unknown = found[hashed[index]];
      if (item !== undefined) Object.defineProperty(items, key, { value: item, enumerable: true, writable: true, configurable: true });
    });
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    const hashed: StoreItems = {};
    for (const key of Object.keys(changes)) hashed[blobName(key)] = changes[key];
    return this.inner.write(hashed);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys.map(blobName));
  }
}
