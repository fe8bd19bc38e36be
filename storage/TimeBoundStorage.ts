/**
 * Bounds every storage call: a store that stops answering (a frozen blob endpoint, a hung network
 * share) fails the call after STORAGE_TIMEOUT_MS instead of holding a turn, and with it the
 * patient's reply, for as long as the SDK keeps retrying (16–20 s seen with blob storage). The
 * call itself may still complete later; its eTag check then settles whichever turn saves next.
 */
import type { Storage, StoreItems } from 'botbuilder';

export class StorageTimeoutError extends Error {
  readonly code = 'STORAGE_TIMEOUT';

  constructor(operation: string, timeoutMs: number) {
    super(`Storage: ${operation} did not finish within ${timeoutMs} ms`);
    this.name = 'StorageTimeoutError';
  }
}

export class TimeBoundStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly timeoutMs: number,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.bounded('read', this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.bounded('write', this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.bounded('delete', this.inner.delete(keys));
  }

  private bounded<T>(operation: string, call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StorageTimeoutError(operation, this.timeoutMs)), this.timeoutMs);
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }
}
