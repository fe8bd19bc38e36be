/**
 * Turns a storage key into a fixed-length, file- and blob-safe name. Keys are built from channel
 * and conversation ids, which a caller chooses: "../../etc/passwd", NUL bytes, 10,000 characters
 * or "__proto__" must all become an ordinary name. SHA-256 has no practical collisions, and the
 * name does not reveal the conversation id (an SMS conversation id is the patient's phone number).
 */
import { createHash } from 'node:crypto';

export function hashStorageKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
