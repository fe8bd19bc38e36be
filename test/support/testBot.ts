/**
 * Starts the real server (restify + CloudAdapter + the bot) on a free port with in-memory state,
 * for tests that talk to it over HTTP exactly as a channel would.
 */
import { loadConfig } from '../../config/BotConfig';
import { createLogger } from '../../config/logger';
import { startBot, type RunningBot } from '../../server/startBot';

export const TEST_SETTINGS: Readonly<Record<string, string>> = {
  PORT: '0',
  HOST: '127.0.0.1',
  STORAGE: 'memory',
  LOG_LEVEL: 'silent',
  EMERGENCY_NUMBER: '911',
  BOOKING_URL: 'https://booking.example.com/first-session',
  DISCOVERY_CALL_URL: 'https://booking.example.com/discovery-call',
};

export async function startTestBot(settings: Record<string, string> = {}): Promise<RunningBot> {
  const config = loadConfig({ ...TEST_SETTINGS, ...settings });
  return startBot(config, createLogger(config));
}

/**
 * Starts the real server before a describe block's tests and closes it after; `url` is ready by the
 * time the tests run.
 */
export function useTestBot(settings: Record<string, string> = {}): { readonly url: string; readonly running: RunningBot } {
  let started: RunningBot | undefined;
  before(async () => {
    started = await startTestBot(settings);
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
