/** Runs a staff command (`staff/<name>.ts`) as staff do, in a child process, and captures what it prints. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const REPO_ROOT = join(__dirname, '..', '..');

export function runStaffTool(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join('staff', script), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
