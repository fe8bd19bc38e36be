/**
 * Starts the real server (restify + CloudAdapter + the bot) on a free port with in-memory state,
 * for tests that talk to it over HTTP exactly as a channel would.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../config/BotConfig';
import { createLogger, type Logger } from '../../config/logger';
import { type RunningBot, startBot } from '../../server/startBot';

export const TEST_SETTINGS: Readonly<Record<string, string>> = {
  PORT: '0',
  HOST: '127.0.0.1',
  STORAGE: 'memory',
  LOG_LEVEL: 'silent',
  EMERGENCY_NUMBER: '911',
  BOOKING_URL: 'https://booking.example.com/first-session',
  DISCOVERY_CALL_URL: 'https://booking.example.com/discovery-call',
};

/** WEBCHAT_SIGNING_KEY for tests on blob storage, where several instances need one key (required there). */
export const BLOB_SIGNING_KEY = 'shared-signing-key-'.padEnd(48, 'x');

export async function startTestBot(settings: Record<string, string> = {}, logger?: Logger): Promise<RunningBot> {
  const config = loadConfig({ ...TEST_SETTINGS, ...settings });
  return startBot(config, logger ?? createLogger(config));
}

/**
 * Starts the real server before a describe block's tests and closes it after; `url` is ready by the
 * time the tests run.
 */
export function useTestBot(settings: Record<string, string> | (() => Record<string, string>) = {}): {
  readonly url: string;
  readonly running: RunningBot;
} {
  let started: RunningBot | undefined;
  before(async () => {
    started = await startTestBot(typeof settings === 'function' ? settings() : settings);
  });
  after(() => started?.close());
  return {
    get running(): RunningBot {
      if (!started) throw new Error('the test bot is not running yet');
      return started;
    },
    get url(): string {
      return this.running.url;
    },
  };
}

/** STORAGE=file, with conversation state and the usage logs under `directory`. */
export function fileStorageSettings(directory: string): Record<string, string> {
  return { STORAGE: 'file', STORAGE_PATH: path.join(directory, 'state'), UNANSWERED_PATH: path.join(directory, 'usage') };
}

/** `useTestBot` on file storage in a fresh temporary folder, removed after the bot has closed. */
export function useFileBackedTestBot(prefix: string): { readonly url: string; readonly running: RunningBot; readonly directory: string } {
  let directory = '';
  before(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  const bot = useTestBot(() => fileStorageSettings(directory));
  after(() => fs.rm(directory, { recursive: true, force: true }));
  return {
    get url() {
      return bot.url;
    },
    get running() {
      return bot.running;
    },
    get directory() {
      return directory;
    },
  };
}
