/**
 * A bot under load, in its own process so the load generator never shares its event loop:
 *   tsx bench/serveBot.ts bot    the real startBot (STORAGE and STORAGE_PATH from the environment)
 *   tsx bench/serveBot.ts echo   the echo bot (bench/echoBot.ts)
 *   tsx bench/serveBot.ts stateful-echo   the echo bot with conversation state and a dialog set
 * Prints one JSON line {"url": …} when listening (the bot: once its background warm-up after start-up is
 * over, see settled). Over IPC it answers "memory" with its memory use
 * after a full garbage collection (run with --expose-gc), "cpu" with the CPU time it has used so far
 * (process.cpuUsage: what a turn costs whatever else the machine runs), "profile-start" / {"profileStop": path} by
 * CPU-profiling only the turns in between (what `node --cpu-prof` shows, without the start-up), and
 * "stop" by closing and exiting.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadConfig } from '../config/BotConfig';
import { createLogger } from '../config/logger';
import { startBot } from '../server/startBot';
import { startEchoBot } from './echoBot';

interface Running {
  readonly url: string;
  close(): Promise<void>;
}

async function start(kind: string): Promise<Running> {
  if (kind === 'echo' || kind === 'stateful-echo') return startEchoBot(kind);
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // The load generator sends as fast as it can, from one address, starting a conversation every
    // few turns: the per-conversation and per-address budgets would answer 429.
    TURNS_PER_MINUTE_PER_CONVERSATION: '100000',
    NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS: '100000',
  });
  const bot = await startBot(config, createLogger(config));
  await settled();
  return { url: bot.url.replace('localhost', '127.0.0.1'), close: () => bot.close() };
}

/**
 * Waits out what the bot loads in the background a moment after start-up (the language detector, the
 * lemmatizer, the recognizers: ~1 s of CPU, server/startBot): under load it could land in a measured
 * round and count as the turns' CPU. Done when a quarter second passes with next to no CPU, after the
 * warm-up's start (startBot starts it 2 s after listening); at most 20 s.
 */
async function settled(): Promise<void> {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await pause(2500);
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const before = process.cpuUsage();
    await pause(250);
    const { user, system } = process.cpuUsage(before);
    if (user + system < 10_000) return;
  }
}

async function main(): Promise<void> {
  const running = await start(process.argv[2] ?? 'bot');
  const profiler = new Session();
  profiler.connect();
  process.on('message', (message: unknown) => {
    if (message === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ memory: process.memoryUsage() });
    } else if (message === 'cpu') {
      process.send?.({ cpu: process.cpuUsage() });
    } else if (message === 'profile-start') {
      profiler.post('Profiler.enable', () => profiler.post('Profiler.start', () => process.send?.({ profiling: true })));
    } else if (typeof message === 'object' && message !== null && 'profileStop' in message) {
      profiler.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(String(message.profileStop), JSON.stringify(result.profile));
        process.send?.({ profiled: error ? String(error) : String(message.profileStop) });
      });
    } else if (message === 'stop') {
      void running.close().finally(() => process.exit(0));
    }
  });
  process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
