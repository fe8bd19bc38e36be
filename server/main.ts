/**
 * What `npm start` runs (index.ts loads it once the compile cache is on; the build bundles it with the
 * bot's modules into dist/server/main.js): settings from the environment and an optional .env file
 * (config/environment.ts), the first log line saying where each came from, then the bot, stopped on
 * SIGTERM or SIGINT once its turns have finished.
 */
import { ConfigError, loadConfig } from '../config/BotConfig';
import { processEnvironment } from '../config/environment';
import { createLogger } from '../config/logger';
import { settingSources } from '../config/settingSources';
import { startBot } from './startBot';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  logger.info(
    { settings: settingSources(processEnvironment()) },
    'settings (value and source: default, .env or environment; secrets not shown)',
  );
  const running = await startBot(config, logger);
  const stop = (signal: string) => {
    running.logger.info({ signal }, 'shutting down: no new requests, finishing turns in flight');
    running.close().then(
      () => {
        running.logger.info('stopped: turns finished and state saved');
        process.exit(0);
      },
      (error: unknown) => {
        running.logger.error({ err: error }, 'shutdown did not complete cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  // The cause says why (a blob storage refusal, a missing file); the message alone often does not.
  const cause =
    error instanceof Error && error.cause !== undefined
      ? ` (cause: ${error.cause instanceof Error ? error.cause.message : String(error.cause)})`
      : '';
  console.error(`The bot could not start: ${message}${cause}`);
  process.exit(1);
});
