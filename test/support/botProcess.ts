/**
 * The bot as `npm start` runs it (index.ts, or its build), in a child process, for tests that need a real process:
 * signals, exit codes, two processes on one folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { TEST_SETTINGS } from './testBot';

export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the bot's URL once it listens; rejects if it exits first. */
  readonly listening: Promise<string>;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
}

/** `entry`: the sources through tsx (the default), or the build in dist/ as `npm start` runs it. */
export function spawnBot(settings: Record<string, string>, entry: 'sources' | 'built' = 'sources'): BotProcess {
  const args = entry === 'built' ? ['dist/index.js'] : ['--import', 'tsx', 'index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, ...TEST_SETTINGS, LOG_LEVEL: 'info', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+)"/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before listening: ${output}`)));
  });
  listening.catch(() => undefined); // a test that expects the exit awaits `exited` instead
  return { child, output: () => output, listening, exited };
}
