/**
 * Picks the Bot Framework `Storage` behind conversation state from STORAGE:
 *   memory – tests and quick experiments; lost on restart.
 *   file   – the default for `npm start`: one instance, state survives restarts (STORAGE_PATH);
 *            a lock in the folder keeps a second process from using it (StorageFolderLock).
 *   blob   – Azure Blob Storage (BLOB_CONNECTION_STRING, BLOB_CONTAINER), for several instances.
 * Whichever it is, saves are eTag-checked (ConcurrencyCheckedStorage) so a turn based on stale
 * state is rejected and re-run instead of overwriting another turn's progress, and every call is
 * bounded by STORAGE_TIMEOUT_MS (TimeBoundStorage).
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { BotConfig } from '../config/BotConfig';
import type { Logger } from '../config/logger';
import { ConcurrencyCheckedStorage } from './ConcurrencyCheckedStorage';
import { FileStorage } from './FileStorage';
import { HashedKeyStorage } from './HashedKeyStorage';
import { IdleBlobState } from './IdleBlobState';
import { type IdleStateStore, StateSweeper } from './StateSweeper';
import { StorageFolderLock } from './StorageFolderLock';
import { TimeBoundStorage } from './TimeBoundStorage';

export interface ConversationStorage {
  readonly storage: Storage;
  /** Starts background upkeep: the idle-state sweeper for STORAGE=file and blob. */
  start(): void;
  /** Stops the upkeep and waits for writes in progress. */
  close(): Promise<void>;
}

type StorageSettings = Pick<
  BotConfig,
  'storage' | 'storagePath' | 'blobConnectionString' | 'blobContainer' | 'stateTtlHours' | 'storageTimeoutMs'
>;

export async function createStorage(config: StorageSettings, logger: Logger): Promise<ConversationStorage> {
  switch (config.storage) {
    case 'memory':
      return fixed(new MemoryStorage(), config);
    case 'file': {
      // Sole writer: the lock is taken before any turn runs, and before the folder's journal is read back.
      const directory = path.resolve(config.storagePath);
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const lock = await StorageFolderLock.take(directory, logger);
      const files = await FileStorage.open(directory, {
        soleWriter: true,
        onCheckpointError: (error) => logger.error({ err: error }, 'state files not brought up to date; the journal keeps the saves'),
      }).catch(async (error: unknown) => {
        await lock.release();
        throw error;
      });
      return swept(files, files, config, logger, async () => {
        await files.close();
        await lock.release();
      });
    }
    case 'blob': {
      // Loaded only when chosen: the Azure SDK would add ~0.15 s to every other start.
      const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
      const { BlobServiceClient } = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
      const blobs = new HashedKeyStorage(new BlobsStorage(config.blobConnectionString, config.blobContainer));
      // Fails start-up on a wrong connection string instead of on the first patient's message.
      await blobs.read(['start-up check']).catch((error: unknown) => {
        throw new Error(`Blob storage is not reachable (BLOB_CONNECTION_STRING, BLOB_CONTAINER=${config.blobContainer})`, { cause: error });
      });
      const container = BlobServiceClient.fromConnectionString(config.blobConnectionString).getContainerClient(config.blobContainer);
      return swept(blobs, new IdleBlobState(container), config, logger);
    }
  }
}

function checked(storage: Storage, config: Pick<BotConfig, 'storageTimeoutMs'>): Storage {
  return new ConcurrencyCheckedStorage(new TimeBoundStorage(storage, config.storageTimeoutMs));
}

/** Memory state needs no upkeep: it goes with the process. */
function fixed(storage: Storage, config: Pick<BotConfig, 'storageTimeoutMs'>): ConversationStorage {
  return { storage: checked(storage, config), start: () => undefined, close: async () => undefined };
}

/** File and blob state: idle conversations are removed after STATE_TTL_HOURS by the state sweeper. */
function swept(
  storage: Storage,
  idle: IdleStateStore,
  config: StorageSettings,
  logger: Logger,
  flush: () => Promise<void> = async () => undefined,
): ConversationStorage {
  const sweeper = new StateSweeper(idle, config.stateTtlHours * 3_600_000, logger);
  return {
    storage: checked(storage, config),
    start: () => sweeper.start(),
    close: async () => {
      await sweeper.stop();
      await flush();
    },
  };
}
