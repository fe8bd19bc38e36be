/**
 * The key that signs web chat tokens. WEBCHAT_SIGNING_KEY wins (required with STORAGE=blob, where
 * several instances must share it). Unset with STORAGE=file, a key is generated once and kept in the
 * data folder (beside STORAGE_PATH, readable by this user only), so a restart does not turn every open
 * chat page's token into a refusal. With STORAGE=memory nothing survives a restart anyway.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';

export const SIGNING_KEY_FILE = 'webchat-signing-key';
const MIN_LENGTH = 32;

type KeyConfig = Pick<BotConfig, 'webchatSigningKey' | 'webchatSigningKeyGenerated' | 'storage' | 'storagePath'>;

function signingKeyPath(storagePath: string): string {
  return join(dirname(storagePath), SIGNING_KEY_FILE);
}

export function webChatSigningKey(config: KeyConfig, logger: Logger): string {
  if (!config.webchatSigningKeyGenerated) return config.webchatSigningKey;
  if (config.storage !== 'file') {
    logger.warn('WEBCHAT_SIGNING_KEY is not set: using a random key, so open chat pages start a new conversation after a restart.');
    return config.webchatSigningKey;
  }
  const path = signingKeyPath(config.storagePath);
  const kept = readKey(path, logger);
  if (kept) return kept;
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx': when two processes start together, the second reads the first one's key.
    writeFileSync(path, `${config.webchatSigningKey}\n`, { mode: 0o600, flag: 'wx' });
    logger.info({ path }, 'WEBCHAT_SIGNING_KEY is not set: generated a web chat signing key and kept it for restarts');
    return config.webchatSigningKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKey(path, logger) ?? randomBytes(32).toString('hex');
  }
}

function readKey(path: string, logger: Logger): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.length < MIN_LENGTH)
    throw new Error(`${path} holds no usable web chat signing key (32+ characters): delete it to generate a new one`);
  if (statSync(path).mode & 0o077) logger.warn({ path }, 'the web chat signing key file can be read by other users: chmod 600 it');
  return text;
}
