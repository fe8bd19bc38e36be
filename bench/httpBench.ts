/**
 * End to end over HTTP: the real bot (STORAGE=memory and STORAGE=file in a temporary folder), the
 * echo bot and the stateful echo bot (bench/echoBot.ts), each in its own child process, loaded in
 * interleaved rounds — bot (memory), echo, bot (file), stateful echo, echo, … — so drift on a shared
 * machine (other processes, thermal, GC) hits them all alike. Ratios are taken over all rounds of each.
 *
 * Turns per second move with whatever else the machine runs (the load generator shares the cores with
 * the server, and other work with both). Each server also reports the CPU time it spent per turn,
 * which moves far less: the ratio of CPU per turn is the steadier yardstick of the two.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EchoKind } from './echoBot';
import { type LoadResult, runLoad } from './httpLoad';
import { shippedStages } from './turnStagesBench';

export interface ServerUnderLoad {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
}

export interface HttpResult {
  readonly name: string;
  readonly rounds: number;
  readonly turns: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** The server process's CPU time (user + system) per answered turn, over all rounds. */
  readonly cpuUsPerTurn: number;
}

interface MeasuredRound extends LoadResult {
  readonly cpuUs: number;
}

export interface HttpBenchOptions {
  readonly messages: readonly string[];
  readonly rounds: number;
  readonly secondsPerRound: number;
  readonly concurrency: number;
}

/** Starts `tsx bench/serveBot.ts <kind>` with `env` and waits for its URL. */
export async function startServer(name: string, kind: 'bot' | EchoKind, env: Record<string, string>): Promise<ServerUnderLoad> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'serveBot.ts'), kind], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string };
        if (parsed.url) resolve(parsed.url);
      } catch {
        // not ours: a library printing to stdout
      }
    });
  });
  return { name, url, child };
}

export async function stopServer(server: ServerUnderLoad): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.send('stop');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server.child.exitCode === null) server.child.kill();
}

/** The child's CPU time so far, in µs (user + system). */
function cpuOf(server: ServerUnderLoad): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => {
      const { user, system } = (message as { cpu: NodeJS.CpuUsage }).cpu;
      resolve(user + system);
    });
    server.child.send('cpu');
  });
}

/** The child's memory use after a full GC. */
export function memoryOf(server: ServerUnderLoad): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve((message as { memory: NodeJS.MemoryUsage }).memory));
    server.child.send('memory');
  });
}

export async function runHttpBench(options: HttpBenchOptions): Promise<HttpResult[]> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-state-'));
  const common = { UNANSWERED_PATH: join(stateDir, 'unanswered') };
  const servers = [
    await startServer('bot, STORAGE=memory', 'bot', { ...common, STORAGE: 'memory' }),
    await startServer('echo bot', 'echo', {}),
    await startServer('bot, STORAGE=file', 'bot', { ...common, STORAGE: 'file', STORAGE_PATH: join(stateDir, 'state') }),
    await startServer('stateful echo bot', 'stateful-echo', {}),
  ];
  const [memoryBot, echo, fileBot, statefulEcho] = servers;
  const schedule = [memoryBot, echo, fileBot, statefulEcho, echo];
  const results = new Map<ServerUnderLoad, MeasuredRound[]>(servers.map((s) => [s, []]));
  try {
    // One short unmeasured round each: JIT, connection pools, first-conversation paths.
    for (const server of servers) await load(server, options, 1, 'warm-up');
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, server] of schedule.entries()) {
        const cpuBefore = await cpuOf(server);
        const measured = await load(server, options, options.secondsPerRound, `r${round}-${i}`);
        results.get(server)?.push({ ...measured, cpuUs: (await cpuOf(server)) - cpuBefore });
      }
    }
  } finally {
    await Promise.all(servers.map(stopServer));
    rmSync(stateDir, { recursive: true, force: true });
  }
  return servers.map((server) => summarise(server.name, results.get(server) ?? []));
}

function load(server: ServerUnderLoad, options: HttpBenchOptions, seconds: number, round: string): Promise<LoadResult> {
  return runLoad({
    url: server.url,
    messages: options.messages,
    concurrency: options.concurrency,
    seconds,
    turnsPerConversation: 5,
    runId: `${server.name.replace(/\W+/g, '')}-${round}`,
  });
}

/** Turns and time add up over rounds; p50 and p99 are the median of the rounds' (rounds are equal in length). */
function summarise(name: string, rounds: readonly MeasuredRound[]): HttpResult {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const turns = rounds.reduce((sum, r) => sum + r.turns, 0);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  return {
    name,
    rounds: rounds.length,
    turns,
    turnsPerSecond: turns / seconds,
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpuUsPerTurn: rounds.reduce((sum, r) => sum + r.cpuUs, 0) / turns,
  };
}

export interface HttpRatio {
  readonly name: string;
  /** Turns per second over the plain echo's. */
  readonly ratio: number;
  /** Turns per second over the stateful echo's (issue 16's yardstick). */
  readonly ratioToStatefulEcho: number;
  /** The same yardstick in CPU time per turn: what a turn costs whatever else the machine runs. */
  readonly cpuRatioToStatefulEcho: number;
}

/** Each bot against the echo bots run beside it. */
export function httpRatios(http: readonly HttpResult[]): { ratios: HttpRatio[]; statefulEchoVsEcho: number } {
  const echo = http.find((r) => r.name === 'echo bot');
  const statefulEcho = http.find((r) => r.name === 'stateful echo bot');
  const echoRate = echo?.turnsPerSecond ?? NaN;
  const statefulEchoRate = statefulEcho?.turnsPerSecond ?? NaN;
  const ratios = http
    .filter((r) => r !== echo && r !== statefulEcho)
    .map((r) => ({
      name: r.name,
      ratio: r.turnsPerSecond / echoRate,
      ratioToStatefulEcho: r.turnsPerSecond / statefulEchoRate,
      cpuRatioToStatefulEcho: (statefulEcho?.cpuUsPerTurn ?? NaN) / r.cpuUsPerTurn,
    }));
  // The framework's state and dialog machinery alone, before any work of the bot's own.
  return { ratios, statefulEchoVsEcho: statefulEchoRate / echoRate };
}

// `npx tsx bench/httpBench.ts [rounds] [seconds per round]`: this section alone (3 rounds of 4 s by default).
if (require.main === module) {
  const [rounds = 3, secondsPerRound = 4] = process.argv.slice(2).map(Number);
  const loadBefore = loadavg()[0];
  shippedStages(join(__dirname, '..'))
    .then(({ questions }) => runHttpBench({ messages: questions, rounds, secondsPerRound, concurrency: 16 }))
    .then((http) => {
      console.log(`load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`);
      for (const r of http)
        console.log(
          `  ${r.name.padEnd(22)} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s  p50 ${r.p50Ms.toFixed(1).padStart(5)} ms  p99 ${r.p99Ms.toFixed(1).padStart(5)} ms  errors ${r.errors}  CPU ${r.cpuUsPerTurn.toFixed(0).padStart(5)} µs/turn`,
        );
      const { ratios, statefulEchoVsEcho } = httpRatios(http);
      for (const r of ratios)
        console.log(
          `  ${r.name} / stateful echo: ${r.ratioToStatefulEcho.toFixed(2)} in turns/s, ${r.cpuRatioToStatefulEcho.toFixed(2)} in CPU per turn`,
        );
      console.log(`  stateful echo / echo: ${statefulEchoVsEcho.toFixed(2)}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
