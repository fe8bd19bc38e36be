/**
 * Thrown when a write carries an eTag that is no longer current: another turn saved the same
 * conversation first. `statusCode` 412 is what Azure Blob storage answers and what
 * isStorageConflict below looks for. The message names no key, because a key holds a
 * conversation id (for SMS, the patient's phone number) and errors end up in logs.
 */
export class StorageConflictError extends Error {
  readonly statusCode = 412;
  readonly code = 'ETAG_CONFLICT';

  constructor() {
    super('Storage: eTag conflict, the conversation was saved by another turn first');
    this.name = 'StorageConflictError';
  }
}

/**
 * Whether an error means another turn saved the conversation first: ours, Azure Blob's 412 /
 * ConditionNotMet, or an eTag message from another Storage.
 */
export function isStorageConflict(error: unknown): boolean {
  const { statusCode, code, message } = (error ?? {}) as { statusCode?: number; code?: string; message?: string };
  return statusCode === 412 || code === 'ConditionNotMet' || code === 'ETAG_CONFLICT' || /etag|precondition/i.test(message ?? '');
}
