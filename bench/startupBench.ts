/**
 * Start-up: how long until a freshly started process answers, for the bare restify + botbuilder
 * stack (bench/bareStack.cjs), `node dist/index.js` and `npm start` on an unchanged, built checkout,
 * in interleaved rounds. Ready = the first 200 on /healthz, and the first answered turn (a message
 * posted with expectReplies right after it, the honest mark: a bot that listens early but cannot
 * answer yet is not ready). Wall-clock times move with the machine's load, so the CPU time the
 * process tree used until its first answer is recorded too (Linux /proc; NaN elsewhere).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

export interface StartupCase {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

export const STARTUP_CASES: readonly StartupCase[] = [
  { name: 'bare restify + botbuilder', command: process.execPath, args: [join('bench', 'bareStack.cjs')] },
  { name: 'node dist/index.js', command: process.execPath, args: [join('dist', 'index.js')] },
  { name: 'npm start (unchanged)', command: 'npm', args: ['start', '--silent'] },
];

export interface StartupResult {
  readonly name: string;
  readonly runs: number;
  /** Medians over the runs. */
  readonly healthzMs: number;
  readonly firstTurnMs: number;
  readonly cpuMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/** CPU time (user + system, own and waited-for children) of every process in the group, in ms. */
function groupCpuMs(group: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
    }
  } catch {
    return NaN;
  }
  return total;
}

async function until<T>(started: number, child: ChildProcess, attempt: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before it was ready`);
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`not ready after ${GIVE_UP_MS} ms`);
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    await sleep(POLL_MS);
  }
}

function firstTurn(url: string): Promise<boolean | undefined> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'startup-1',
      text: 'what is sciatica',
      deliveryMode: 'expectReplies',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1/bench',
      conversation: { id: `startup-${Date.now()}` },
      from: { id: 'patient' },
      recipient: { id: 'bot' },
    }),
  }).then(async (response) =>
    response.ok && ((await response.json()) as { activities?: unknown[] }).activities?.length ? true : undefined,
  );
}

async function measureOnce(startupCase: StartupCase): Promise<{ healthzMs: number; firstTurnMs: number; cpuMs: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // Its own process group, so npm's children are measured and stopped with it.
  const child = spawn(startupCase.command, startupCase.args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'warn' },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await until(started, child, () => fetch(`${url}/healthz`).then((response) => (response.ok ? true : undefined)));
    const healthzMs = performance.now() - started;
    await until(started, child, () => firstTurn(url));
    const firstTurnMs = performance.now() - started;
    return { healthzMs, firstTurnMs, cpuMs: groupCpuMs(child.pid!) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

export async function runStartupBench(rounds: number, cases: readonly StartupCase[] = STARTUP_CASES): Promise<StartupResult[]> {
  const runs = new Map(cases.map((c) => [c.name, [] as Array<Awaited<ReturnType<typeof measureOnce>>>]));
  for (let round = 0; round < rounds; round += 1) {
    for (const startupCase of cases) runs.get(startupCase.name)!.push(await measureOnce(startupCase));
  }
  return cases.map(({ name }) => {
    const measured = runs.get(name)!;
    return {
      name,
      runs: measured.length,
      healthzMs: median(measured.map((m) => m.healthzMs)),
      firstTurnMs: median(measured.map((m) => m.firstTurnMs)),
      cpuMs: median(measured.map((m) => m.cpuMs)),
    };
  });
}

/** Ready within this many times the bare stack (issue 16). */
export const STARTUP_TARGETS: Readonly<Record<string, number>> = { 'node dist/index.js': 1.5, 'npm start (unchanged)': 2 };

export function printStartup(results: readonly StartupResult[]): void {
  const bare = results[0];
  // Other work on the machine moves every figure, the ratios least: say how busy it was.
  const load = loadavg()
    .map((average) => average.toFixed(1))
    .join(' ');
  console.log(
    `\nStart-up (median of ${bare.runs}, interleaved; ready = the first answered turn; CPU = the process tree's, until then; load average ${load})`,
  );
  for (const r of results) {
    const times = r.firstTurnMs / bare.firstTurnMs;
    const cpu = r.cpuMs / bare.cpuMs;
    const target = STARTUP_TARGETS[r.name];
    const verdict =
      target === undefined
        ? ''
        : `  (target ≤ ${target}×: ${times <= target ? 'met' : 'NOT met'} by time, ${cpu <= target ? 'met' : 'NOT met'} by CPU)`;
    console.log(
      `  ${r.name.padEnd(26)} /healthz ${r.healthzMs.toFixed(0).padStart(5)} ms  first turn ${r.firstTurnMs.toFixed(0).padStart(5)} ms ${times.toFixed(2)}×  CPU ${r.cpuMs.toFixed(0).padStart(5)} ms ${cpu.toFixed(2)}×${verdict}`,
    );
  }
}

// `tsx bench/startupBench.ts [rounds]`: this section alone (build first: `npm run build`).
if (require.main === module) {
  runStartupBench(Number(process.argv[2] ?? 5)).then(printStartup, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
