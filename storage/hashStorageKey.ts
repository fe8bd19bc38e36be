/**
 * Turns a storage key into a fixed-length, file- and blob-safe name. Keys are built from channel
 * and conversation ids, which a caller chooses: "../../etc/passwd", NUL bytes, 10,000 characters
 * or "__proto__" must all become an ordinary name. SHA-256 has no practical collisions, and the
 * name does not reveal the conversation id (an SMS conversation id is the patient's phone number).
 */
import { hash } from 'node:crypto';

/** crypto.hash, one call (Node ≥ 20.12): a Hash object per key cost about twice as much, twice a turn. */
export function hashStorageKey(key: string): string {
  return hash('sha256', key, 'hex');
}
