/**
 * Starts the bot: `npm start`. Configuration comes from the environment and an optional .env file.
 */
import { config as loadDotEnv } from 'dotenv';
import { ConfigError, loadConfig } from './config/BotConfig';
import { startBot } from './server/startBot';

loadDotEnv({ quiet: true });

async function main(): Promise<void> {
  const running = await startBot(loadConfig());
  const stop = (signal: string) => {
    running.logger.info({ signal }, 'shutting down: no new requests, finishing turns in flight');
    running.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`The bot could not start: ${message}`);
  process.exit(1);
});
