/**
 * Starts the bot: `npm start`. Configuration comes from the environment and an optional .env file
 * (config/environment.ts); the first log line says where each setting came from.
 */
import { enableCompileCache } from 'node:module';
import { ConfigError, loadConfig } from './config/BotConfig';
import { processEnvironment } from './config/environment';
import { createLogger } from './config/logger';
import { settingSources } from './config/settingSources';

// Node 22 and 24 keep V8's compiled code on disk (under the temp folder), so a restart skips compiling
// the bot and its libraries again: about a fifth of start-up. Node 20 has no such cache.
enableCompileCache?.();

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  logger.info(
    { settings: settingSources(processEnvironment()) },
    'settings (value and source: default, .env or environment; secrets not shown)',
  );
  // Loaded after the cache is on, so it covers the libraries (and the bot's modules when run from tsc's output, not the build's bundle).
  const { startBot } = require('./server/startBot') as typeof import('./server/startBot');
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
