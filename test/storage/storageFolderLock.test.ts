/**
 * STORAGE=file is for one bot process: two processes on one folder would overwrite each other's
 * saves. A second process refuses to start and says what to use instead; a lock left by a process
 * that was killed does not block the next start.
 */
import { promises as fs } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { createLogger } from '../../config/logger';
import { LEASE_MS, LOCK_FILE, StorageFolderLock } from '../../storage/StorageFolderLock';
import { type BotProcess, spawnBot } from '../support/botProcess';

describe('one bot process per file-storage folder', function () {
  this.timeout(180_000);
  let directory: string;
  const started: BotProcess[] = [];
  const logger = createLogger({ logLevel: 'silent' });

  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(tmpdir(), 'sciatica-lock-'));
  });
  afterEach(async () => {
    for (const bot of started.splice(0)) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) {
        bot.child.kill('SIGKILL');
        await bot.exited;
      }
    }
    await fs.rm(directory, { recursive: true, force: true });
  });

  const start = () => {
    const bot = spawnBot({
      STORAGE: 'file',
      STORAGE_PATH: path.join(directory, 'state'),
      UNANSWERED_PATH: path.join(directory, 'unanswered'),
    });
    started.push(bot);
    return bot;
  };

  it('refuses a second process on the same folder, pointing to STORAGE=blob; after kill -9 of the first, the next start succeeds', async () => {
    const first = start();
    await first.listening;

    const second = start();
    const outcome = await Promise.race([
      second.exited.then((code) => `exited with ${code}`),
      second.listening.then(() => 'listening beside the first'),
    ]);
    expect(outcome).to.equal('exited with 1');
    expect(second.output())
      .to.match(/The bot could not start: STORAGE_PATH .* is in use by another bot process/)
      .and.include('STORAGE=blob');

    first.child.kill('SIGKILL');
    await first.exited;
    const third = start();
    const url = await third.listening;
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
    expect(third.output()).to.include('removing a storage folder lock left by a process that is no longer running');
  });

  it('treats a lock from another host as held while its lease is renewed, and as stale once it has lapsed', async () => {
    const file = path.join(directory, LOCK_FILE);
    await fs.writeFile(
      file,
      JSON.stringify({ pid: 4242, host: `not-${hostname()}`, token: 'elsewhere', since: '2026-12-01T00:00:00.000Z' }),
    );
    let refusal: Error | undefined;
    await StorageFolderLock.take(directory, logger).catch((error: Error) => (refusal = error));
    expect(refusal?.message).to.match(/in use by another bot process \(pid 4242 on not-/);

    const lapsed = new Date(Date.now() - LEASE_MS - 1000);
    await fs.utimes(file, lapsed, lapsed);
    const lock = await StorageFolderLock.take(directory, logger);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).to.include({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(await fs.readdir(directory)).to.deep.equal([]);
  });

  it('refuses a second bot in the same process, and a released lock can be taken again', async () => {
    const lock = await StorageFolderLock.take(directory, logger);
    let refusal: Error | undefined;
    await StorageFolderLock.take(directory, logger).catch((error: Error) => (refusal = error));
    expect(refusal?.message).to.include('STORAGE=blob');
    await lock.release();
    await (await StorageFolderLock.take(directory, logger)).release();
  });
});
