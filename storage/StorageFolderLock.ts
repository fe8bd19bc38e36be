/**
 * One bot process per STORAGE_PATH. FileStorage checks eTags and queues writes inside one process
 * only: two processes on one folder (an App Service folder shared by its instances) overwrite each
 * other's saves, escalation records included. So the first process takes `bot.lock` in the folder
 * and a second one refuses to start, pointing to STORAGE=blob.
 *
 * A lock left by a process that was killed (kill -9, a crash, a power cut) must not block the next
 * start. The lock names its owner's pid and host: on the same host a pid that no longer runs means
 * the owner is gone. The owner also renews the file's time every LEASE_MS / 3; a lock not renewed
 * for LEASE_MS is stale whoever wrote it (the only test for an owner on another host, whose pids
 * cannot be seen, and a bound on a pid that was reused by an unrelated process).
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../config/logger';

export const LOCK_FILE = 'bot.lock';
export const LEASE_MS = 60_000;

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly since: string;
}

/** Locks held by this process: its own pid in a lock file is a previous process only if the token is not one of these. */
const heldHere = new Set<string>();

export class StorageFolderLock {
  private readonly renewal: NodeJS.Timeout;

  private constructor(
    private readonly file: string,
    private readonly owner: LockOwner,
    leaseMs: number,
    logger: Logger,
  ) {
    heldHere.add(owner.token);
    this.renewal = setInterval(() => {
      this.renew().catch((error: unknown) => logger.error({ err: error, file }, 'could not renew the storage folder lock'));
    }, leaseMs / 3).unref();
  }

  /** Takes the folder's lock, breaking a stale one; throws with a message for the operator if the folder is in use. */
  static async take(directory: string, logger: Logger, leaseMs = LEASE_MS): Promise<StorageFolderLock> {
    const file = path.join(directory, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await create(file, owner)) return new StorageFolderLock(file, owner, leaseMs, logger);
      const holder = await readOwner(file);
      if (holder === 'gone') continue;
      if (await isHeld(file, holder, leaseMs)) throw new Error(inUseMessage(directory, holder));
      logger.warn(
        { file, pid: holder.pid, host: holder.host, since: holder.since },
        'removing a storage folder lock left by a process that is no longer running',
      );
      await breakStale(file, holder);
    }
    throw new Error(`Could not take the lock ${file}: other processes keep taking it. ${ONE_INSTANCE}`);
  }

  async release(): Promise<void> {
    clearInterval(this.renewal);
    heldHere.delete(this.owner.token);
    const holder = await readOwner(this.file);
    if (holder !== 'gone' && holder.token === this.owner.token) await fs.rm(this.file, { force: true });
  }

  private async renew(): Promise<void> {
    const holder = await readOwner(this.file);
    if (holder === 'gone' || holder.token !== this.owner.token) throw new Error('another process has taken over this storage folder');
    const now = new Date();
    await fs.utimes(this.file, now, now);
  }
}

const ONE_INSTANCE = 'STORAGE=file serves one bot process; to run several instances, use STORAGE=blob (docs/deploy.md).';

function inUseMessage(directory: string, holder: LockOwner): string {
  return (
    `STORAGE_PATH ${directory} is in use by another bot process (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ${ONE_INSTANCE} ` +
    `If no other bot uses this folder, delete ${path.join(directory, LOCK_FILE)}.`
  );
}

/** Creates the lock only if there is none ('wx': exclusive creation, which SMB shares honour too). */
async function create(file: string, owner: LockOwner): Promise<boolean> {
  try {
    await fs.writeFile(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<LockOwner | 'gone'> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    // Empty or cut short (a process killed while creating it): an owner of unknown liveness, stale once its lease lapses.
    return { pid: 0, host: 'unknown', token: 'unreadable', since: 'unknown' };
  }
}

async function isHeld(file: string, holder: LockOwner, leaseMs: number): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat || Date.now() - stat.mtimeMs > leaseMs) return false;
  if (holder.host !== hostname() || holder.pid <= 0) return true;
  if (holder.pid === process.pid) return heldHere.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Moves the stale lock aside before deleting it, and checks that what was moved is the lock judged
 * stale: if another starting process replaced it in between, that fresh lock is put back.
 */
async function breakStale(file: string, stale: LockOwner): Promise<void> {
  const aside = `${file}.${randomUUID()}.stale`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  if (moved !== 'gone' && moved.token !== stale.token) await create(file, moved).catch(() => undefined);
  await fs.rm(aside, { force: true });
}
