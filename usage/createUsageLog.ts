/** Picks the usage log's backend from STORAGE, the same choice as for conversation state. */
import type { BotConfig } from '../config/BotConfig';
import { FileUsageLog } from './FileUsageLog';
import { MemoryUsageLog } from './MemoryUsageLog';
import type { UsageLog } from './UsageLog';

export function createUsageLog(config: Pick<BotConfig, 'storage' | 'unansweredPath' | 'blobConnectionString' | 'blobContainer'>): UsageLog {
  switch (config.storage) {
    case 'memory':
      return new MemoryUsageLog();
    case 'file':
      return new FileUsageLog(config.unansweredPath);
    case 'blob': {
      // Loaded only when chosen: the Azure SDK would add ~0.15 s to every other start.
      const { BlobUsageLog } = require('./BlobUsageLog') as typeof import('./BlobUsageLog');
      return new BlobUsageLog(config.blobConnectionString, config.blobContainer);
    }
  }
}

/** Where the log lives, in words for the staff tools' first line. */
export function describeUsageLog(config: Pick<BotConfig, 'storage' | 'unansweredPath' | 'blobContainer'>): string {
  switch (config.storage) {
    case 'memory':
      return 'memory (STORAGE=memory keeps nothing after the bot stops)';
    case 'file':
      return `files in ${config.unansweredPath}`;
    case 'blob':
      return `Azure blobs usage/… in container ${config.blobContainer}`;
  }
}
