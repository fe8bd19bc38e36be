/**
 * Thrown when a write carries an eTag that is no longer current: another turn saved the same
 * conversation first. `statusCode` 412 is what Azure Blob storage answers and what
 * TurnErrorHandler's isStorageConflict looks for. The message names no key, because a key holds a
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
