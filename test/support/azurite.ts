/**
 * Azurite's blob service on a free loopback port, in memory, for one test file: port 0 lets the OS
 * pick the port, and the port actually used is read back from Azurite's start-up line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Azurite {
  readonly connectionString: string;
  /** Freezes Azurite (SIGSTOP): the kernel still accepts connections and requests, nothing answers them. */
  pause(): void;
  /** Lets a paused Azurite run again (SIGCONT); the requests that waited are answered. */
  resume(): void;
  stop(): Promise<void>;
}

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function startAzurite(): Promise<Azurite> {
  const bin = join(__dirname, '..', '..', 'node_modules', '.bin', 'azurite-blob');
  const child = spawn(
    bin,
    ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--disableTelemetry'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timeout = setTimeout(() => fail(new Error(`Azurite did not start within 20 s:\n${output}`)), 20_000);
    const fail = (err: Error) => {
      clearTimeout(timeout);
      child.kill();
      reject(err);
    };
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`Azurite exited (${code}):\n${output}`)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (!port) return;
      // Stop reading the start-up line, but keep draining so Azurite never blocks on a full pipe.
      child.stdout?.off('data', onData).resume();
      child.stderr?.off('data', onData).resume();
      clearTimeout(timeout);
      child.removeAllListeners('exit');
      resolve({
        connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
        pause: () => child.kill('SIGSTOP'),
        resume: () => child.kill('SIGCONT'),
        stop: () => {
          child.kill('SIGCONT'); // a paused process would not act on SIGTERM
          return stopChild(child);
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    // In case Azurite waits on a client's keep-alive connection; it holds only in-memory test data.
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
