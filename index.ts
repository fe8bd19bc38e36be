/**
 * Starts the bot: `npm start`. Configuration comes from the environment and an optional .env file
 * (config/environment.ts); the first log line says where each setting came from (server/main.ts).
 */
import { enableCompileCache } from 'node:module';

// Node 22 and 24 keep V8's compiled code on disk (under the temp folder), so a restart skips compiling
// the bot and its libraries again: about a fifth of start-up. Node 20 has no such cache. On before the
// bot is loaded (the build's bundle of it, dist/server/main.js), so the cache covers it too.
enableCompileCache?.();
require('./server/main');
