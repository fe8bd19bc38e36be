/**
 * Idle conversation state in blob storage, removed by the bot itself after STATE_TTL_HOURS, so
 * expiry does not depend on an operator remembering a lifecycle rule (one may still be added; see
 * docs/deploy.md). Only `conversation-` blobs are looked at, never the usage log beside them. A blob
 * is deleted only if it is still the version that was listed (its eTag): a turn saving it at that
 * moment wins. Every instance sweeps; a blob another instance deleted first is simply skipped.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { CONVERSATION_BLOB_PREFIX } from './HashedKeyStorage';
import type { IdleStateStore } from './StateSweeper';

/** Not found (another instance was first) or changed since listed (a turn just saved it). */
const LOST_RACE = new Set([404, 412]);

export class IdleBlobState implements IdleStateStore {
  constructor(private readonly container: ContainerClient) {}

  async removeIdle(cutoff: Date): Promise<number> {
    let removed = 0;
    for await (const blob of this.container.listBlobsFlat({ prefix: CONVERSATION_BLOB_PREFIX })) {
      if (blob.properties.lastModified >= cutoff) continue;
      try {
        await this.container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } });
        removed += 1;
      } catch (error) {
        if (!LOST_RACE.has((error as { statusCode?: number }).statusCode ?? 0)) throw error;
      }
    }
    return removed;
  }
}
