/**
 * FileStorage on its own: round trips, eTags with MemoryStorage's semantics, atomic replacement,
 * hostile keys and the idle sweep. Every test works in its own temporary folder.
 */
import { spawn } from 'node:child_process';
import nodeFs, { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { expect } from 'chai';
import { FileStorage } from '../../storage/FileStorage';
import { isStorageConflict, StorageConflictError } from '../../storage/StorageConflictError';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('FileStorage', () => {
  let parent: string;
  let directory: string;
  let storage: FileStorage;

  beforeEach(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'sciatica-filestorage-'));
    directory = path.join(parent, 'state');
    storage = await FileStorage.open(directory);
  });

  afterEach(async () => {
    await fs.rm(parent, { recursive: true, force: true });
  });

  it('reads nothing for keys never written', async () => {
    expect(await storage.read(['webchat/conversations/a'])).to.deep.equal({});
  });

  it('writes, reads back with an eTag, and deletes', async () => {
    const item = { count: 1, nested: { note: 'Ça va — ✓' } };
    await storage.write({ a: item });
    const { a } = await storage.read(['a']);
    expect(a).to.include({ count: 1 });
    expect(a.nested).to.deep.equal({ note: 'Ça va — ✓' });
    expect(a.eTag).to.be.a('string').and.not.equal('*');
    expect(item).to.not.have.property('eTag'); // the caller's object is left alone
    await storage.delete(['a', 'never-written']);
    expect(await storage.read(['a'])).to.deep.equal({});
  });

  it('keeps state across instances on the same folder (a restart)', async () => {
    await storage.write({ a: { step: 3 } });
    const reopened = await FileStorage.open(directory);
    expect((await reopened.read(['a'])).a).to.include({ step: 3 });
  });

  it('stores files only its own user can read', async () => {
    await storage.write({ a: { step: 1 } });
    const [name] = await fs.readdir(directory);
    expect((await fs.stat(path.join(directory, name))).mode & 0o777).to.equal(0o600);
    expect((await fs.stat(directory)).mode & 0o777).to.equal(0o700);
  });

  describe('eTags, the same way as MemoryStorage', () => {
    /** The same script against both stores: what each write did. */
    async function script(store: Storage): Promise<string[]> {
      const outcome = async (write: Promise<void>) =>
        write.then(
          () => 'ok',
          (error: unknown) => (isStorageConflict(error) ? 'conflict' : String(error)),
        );
      const results: string[] = [];
      results.push(await outcome(store.write({ k: { v: 1, eTag: 'made-up' } }))); // missing key: written
      const first = (await store.read(['k'])).k;
      results.push(await outcome(store.write({ k: { v: 2, eTag: first.eTag } }))); // current eTag
      results.push(await outcome(store.write({ k: { v: 3, eTag: first.eTag } }))); // stale eTag
      results.push(await outcome(store.write({ k: { v: 4, eTag: '*' } }))); // '*' overwrites
      results.push(await outcome(store.write({ k: { v: 5 } }))); // no eTag overwrites
      results.push(String((await store.read(['k'])).k.v));
      return results;
    }

    it('behaves like MemoryStorage for missing keys, current, stale, "*" and absent eTags', async () => {
      const expected = ['ok', 'ok', 'conflict', 'ok', 'ok', '5'];
      expect(await script(new MemoryStorage())).to.deep.equal(expected);
      expect(await script(storage)).to.deep.equal(expected);
    });

    it('rejects a stale write with an error the turn error handler treats as a conflict', async () => {
      await storage.write({ a: { v: 1 } });
      const { a } = await storage.read(['a']);
      await storage.write({ a: { ...a, v: 2 } });
      const error = await rejection(storage.write({ a: { ...a, v: 3 } }));
      expect(error).to.be.instanceOf(StorageConflictError);
      expect(isStorageConflict(error)).to.equal(true);
      expect((error as Error).message).to.not.include('a"'); // no key (a conversation id) in the message
      expect((await storage.read(['a'])).a.v).to.equal(2);
    });

    it('lets exactly one of many concurrent writes with the same eTag win', async () => {
      await storage.write({ a: { v: 0 } });
      const { a } = await storage.read(['a']);
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => storage.write({ a: { ...a, v: i + 1 } })));
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      expect(results.filter((r) => r.status === 'rejected' && isStorageConflict(r.reason))).to.have.length(9);
    });
  });

  describe('atomic replacement', () => {
    const real = { writeFile: fs.writeFile, rename: fs.rename };
    afterEach(() => Object.assign(fs, real));

    it('leaves the old state and no partial or temporary file when writing fails half-way', async () => {
      await storage.write({ a: { v: 'old' } });
      // A crash in the middle of writing: half the bytes land in the file, then the write fails.
      fs.writeFile = (async (file: Parameters<typeof fs.writeFile>[0], data: string) => {
        await real.writeFile(file, data.slice(0, data.length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }) as typeof fs.writeFile;
      const error = await rejection(storage.write({ a: { v: 'new'.repeat(1000) } }));
      expect((error as NodeJS.ErrnoException).code).to.equal('ENOSPC');
      Object.assign(fs, real);
      expect((await storage.read(['a'])).a.v).to.equal('old');
      expect(await fs.readdir(directory)).to.have.length(1);
    });

    it('leaves the old state when the rename fails', async () => {
      await storage.write({ a: { v: 'old' } });
      fs.rename = (async () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      }) as typeof fs.rename;
      await rejection(storage.write({ a: { v: 'new' } }));
      Object.assign(fs, real);
      expect((await storage.read(['a'])).a.v).to.equal('old');
      expect((await fs.readdir(directory)).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
    });

    it('never shows a reader half a file while large states are being rewritten', async () => {
      await storage.write({ a: { v: 'x'.repeat(200_000) } });
      const writes = Array.from({ length: 20 }, (_, i) => storage.write({ a: { v: String(i).repeat(200_000) } }));
      const reads = Array.from({ length: 60 }, () => storage.read(['a']));
      const states = await Promise.all(reads);
      await Promise.all(writes);
      for (const { a } of states) expect(a.v).to.have.length.of.at.least(200_000);
    });
  });

  describe('as the sole writer (the folder lock held): what it saved is not read back from the file', () => {
    const real = { readFile: fs.readFile, rename: fs.rename };
    let sole: FileStorage;
    let fileReads: number;

    beforeEach(async () => {
      sole = await FileStorage.open(directory, { soleWriter: true });
      fileReads = 0;
      fs.readFile = (async (...args: Parameters<typeof fs.readFile>) => {
        fileReads++;
        return real.readFile(...args);
      }) as typeof fs.readFile;
    });
    afterEach(() => Object.assign(fs, real));

    /** The state file of the one key written so far. */
    async function stateFile(): Promise<string> {
      const [name] = await fs.readdir(directory);
      return path.join(directory, name);
    }

    it('checks a save against the eTag it wrote last, without reading the file, and with the same outcomes', async () => {
      await sole.write({ k: { v: 1 } });
      const first = (await sole.read(['k'])).k;
      fileReads = 0;
      await sole.write({ k: { ...first, v: 2 } });
      const error = await rejection(sole.write({ k: { ...first, v: 3 } }));
      expect(fileReads).to.equal(0);
      expect(isStorageConflict(error)).to.equal(true);
      expect((await sole.read(['k'])).k.v).to.equal(2);
    });

    it('finds no state for a new conversation without asking the disk, and still finds the files of earlier runs', async () => {
      await sole.write({ earlier: { v: 1 } });
      await sole.close();
      const restarted = await FileStorage.open(directory, { soleWriter: true });
      fileReads = 0;
      expect(await restarted.read(['new conversation'])).to.deep.equal({});
      expect(fileReads).to.equal(0);
      expect((await restarted.read(['earlier'])).earlier.v).to.equal(1);
      expect(fileReads).to.equal(1);
    });

    it("reads a conversation's state from its own last save without reading the file, a fresh copy each time", async () => {
      await sole.write({ k: { v: 1, answers: ['leg pain'] } });
      fileReads = 0;
      const first = (await sole.read(['k'])).k;
      first.answers.push('changed by the turn, never saved');
      const second = (await sole.read(['k'])).k;
      expect(fileReads).to.equal(0);
      expect(second).to.deep.include({ v: 1, answers: ['leg pain'] });
      // The file holds the same state: a restart (a new store on the folder) reads it from there.
      const restarted = await FileStorage.open(directory, { soleWriter: true });
      expect((await restarted.read(['k'])).k).to.deep.equal(second);
    });

    it('keeps the last saves of a bounded number of conversations; older ones are read from their files, unchanged', async () => {
      const small = await FileStorage.open(directory, { soleWriter: true, rememberedSaves: 2 });
      for (const key of ['a', 'b', 'c']) await small.write({ [key]: { key } });
      // A save in the journal alone is kept however many there are: its file does not hold it yet.
      await small.checkpoint();
      fileReads = 0;
      expect((await small.read(['b', 'c'])).c.key).to.equal('c');
      expect(fileReads).to.equal(0);
      expect((await small.read(['a'])).a.key).to.equal('a');
      expect(fileReads).to.equal(1);
    });

    it('behaves like MemoryStorage for missing keys, current, stale, "*" and absent eTags', async () => {
      const outcome = async (write: Promise<void>) =>
        write.then(
          () => 'ok',
          (e: unknown) => (isStorageConflict(e) ? 'conflict' : String(e)),
        );
      const results = [await outcome(sole.write({ k: { v: 1, eTag: 'made-up' } }))];
      const first = (await sole.read(['k'])).k;
      results.push(
        await outcome(sole.write({ k: { v: 2, eTag: first.eTag } })),
        await outcome(sole.write({ k: { v: 3, eTag: first.eTag } })),
      );
      results.push(await outcome(sole.write({ k: { v: 4, eTag: '*' } })), await outcome(sole.write({ k: { v: 5 } })));
      expect(results).to.deep.equal(['ok', 'ok', 'conflict', 'ok', 'ok']);
    });

    it('starts afresh after "forget me": the deleted conversation is saved whatever eTag the save carries', async () => {
      await sole.write({ k: { v: 1 } });
      await sole.delete(['k']);
      // The next turn finds no state: nothing of the forgotten conversation is kept in memory either.
      expect(await sole.read(['k'])).to.deep.equal({});
      await sole.write({ k: { v: 2, eTag: 'read-before-forget-me' } });
      expect((await sole.read(['k'])).k.v).to.equal(2);
    });

    it('starts afresh after the expiry sweep removed the conversation', async () => {
      await sole.write({ k: { v: 1 } });
      await sole.checkpoint();
      const old = new Date(Date.now() - 100 * 3_600_000);
      await fs.utimes(await stateFile(), old, old);
      expect(await sole.removeIdle(new Date(Date.now() - 72 * 3_600_000))).to.equal(1);
      expect(await sole.read(['k'])).to.deep.equal({});
      await sole.write({ k: { v: 2, eTag: 'read-before-expiry' } });
      expect((await sole.read(['k'])).k.v).to.equal(2);
    });

    it('keeps a conversation saved a moment ago whose file the expiry sweep finds old (the save is in the journal alone)', async () => {
      await sole.write({ k: { v: 1 } });
      await sole.checkpoint();
      const old = new Date(Date.now() - 100 * 3_600_000);
      await fs.utimes(await stateFile(), old, old);
      await sole.write({ k: { ...(await sole.read(['k'])).k, v: 2 } });
      expect(await sole.removeIdle(new Date(Date.now() - 72 * 3_600_000))).to.equal(0);
      expect((await sole.read(['k'])).k.v).to.equal(2);
      await sole.close();
      expect((await (await FileStorage.open(directory, { soleWriter: true })).read(['k'])).k.v).to.equal(2);
    });

    it('after a save failed half-way into the journal, the save before it stays in force, now and after a restart', async () => {
      await sole.write({ k: { v: 1 } });
      const first = (await sole.read(['k'])).k;
      const realWriteSync = nodeFs.writeSync;
      // The disk fills up half-way through the line: half of it lands, then the write fails.
      Object.assign(nodeFs, {
        writeSync: (fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
          realWriteSync(fd, buffer, offset, Math.floor(length / 2), position);
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      });
      try {
        expect(((await rejection(sole.write({ k: { ...first, v: 2 } }))) as NodeJS.ErrnoException).code).to.equal('ENOSPC');
      } finally {
        Object.assign(nodeFs, { writeSync: realWriteSync });
      }
      expect((await sole.read(['k'])).k.v).to.equal(1);
      expect((await (await FileStorage.open(directory, { soleWriter: true })).read(['k'])).k.v).to.equal(1);
      // The next save is whole, and a restart finds it (the torn line does not hide it).
      await sole.write({ k: { ...first, v: 3 } });
      expect((await (await FileStorage.open(directory, { soleWriter: true })).read(['k'])).k.v).to.equal(3);
    });

    it('keeps the journal when a state file is left torn by a failed checkpoint, so a restart still finds the save', async () => {
      await sole.write({ k: { v: 'a long first answer'.repeat(20) } });
      await sole.checkpoint();
      await sole.write({ k: { ...(await sole.read(['k'])).k, v: 'short' } });
      // The file is rewritten where it stands, and cutting it to length fails: the short state lies over the long one.
      const realFtruncate = nodeFs.ftruncate;
      Object.assign(nodeFs, {
        ftruncate: (_fd: number, _length: number, done: (error: Error) => void) =>
          done(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })),
      });
      try {
        expect(((await rejection(sole.checkpoint())) as NodeJS.ErrnoException).code).to.equal('EIO');
      } finally {
        Object.assign(nodeFs, { ftruncate: realFtruncate });
      }
      expect(() =>
        JSON.parse(nodeFs.readFileSync(path.join(directory, nodeFs.readdirSync(directory).find((n) => n.endsWith('.json')) ?? ''), 'utf8')),
      ).to.throw();
      expect((await sole.read(['k'])).k.v).to.equal('short');
      expect((await (await FileStorage.open(directory, { soleWriter: true })).read(['k'])).k.v).to.equal('short');
    });

    it('leaves nothing of a forgotten conversation in the folder once "forget me" has finished', async () => {
      await sole.write({ other: { note: 'back pain' } });
      await sole.write({ k: { note: 'numb saddle area' } });
      await sole.write({ k: { note: 'numb saddle area, and my leg' } });
      await sole.delete(['k']);
      const names = await fs.readdir(directory);
      const contents = await Promise.all(names.map((name) => fs.readFile(path.join(directory, name), 'utf8')));
      expect(contents.join('\n')).to.not.include('saddle');
      expect(contents.join('\n')).to.include('back pain');
    });

    it('leaves only the state files after a clean close', async () => {
      await sole.write({ a: { v: 1 }, b: { v: 2 } });
      await sole.close();
      const names = await fs.readdir(directory);
      expect(names).to.have.length(2);
      for (const name of names) expect(name).to.match(/^[0-9a-f]{64}\.json$/);
    });

    it('leaves other files alone when closed twice or asked to save after closing (their descriptors reuse its number)', async () => {
      await sole.write({ k: { v: 1 } });
      await sole.close();
      const other = path.join(parent, 'other.txt');
      const descriptor = nodeFs.openSync(other, 'w');
      try {
        await sole.close();
        expect(isStorageConflict(await rejection(sole.write({ k: { v: 2 } })))).to.equal(false);
        nodeFs.writeSync(descriptor, 'still mine');
      } finally {
        nodeFs.closeSync(descriptor);
      }
      expect(await fs.readFile(other, 'utf8')).to.equal('still mine');
    });

    it('has every acknowledged save in the folder when the process is killed at once (kill -9)', async () => {
      // A child process saves one turn after another and reports each save as it resolves; it is killed
      // on its 20th report, in the middle of its saves. Every save it reported is found after a restart.
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'saveUntilKilled.ts'), directory], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const acknowledged = await new Promise<number>((resolve, reject) => {
        let last = 0;
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          const lines = text.split('\n');
          text = lines.pop() ?? '';
          for (const line of lines) last = Number(line);
          if (last >= 20 && child.exitCode === null) child.kill('SIGKILL');
        });
        child.once('exit', () => (last >= 20 ? resolve(last) : reject(new Error(`the child stopped after ${last} saves`))));
      });
      const restarted = await FileStorage.open(directory, { soleWriter: true });
      const key = 'webchat/conversations/killed';
      expect((await restarted.read([key]))[key].turn.count).to.be.at.least(acknowledged);
    });
  });

  describe('hostile keys', () => {
    const hostile = [
      '../../../../etc/passwd',
      '..',
      '.',
      '/',
      '',
      'a/b',
      'a//b',
      'a\\b',
      'C:\\Windows\\win.ini',
      'nul\u0000byte',
      'CON',
      'x'.repeat(10_000),
      '__proto__',
      'constructor',
      'emoji 🙂 ключ',
      '%2e%2e%2f',
      'msteams/conversations/19:abc@thread.v2',
    ];

    it('stores every key as its own file inside the folder and reads each back', async () => {
      for (const [index, key] of hostile.entries()) await storage.write({ [key]: { index } });
      const names = await fs.readdir(directory);
      expect(names).to.have.length(hostile.length);
      for (const name of names) expect(name).to.match(/^[0-9a-f]{64}\.json$/);
      expect(await fs.readdir(parent)).to.deep.equal(['state']);
      for (const [index, key] of hostile.entries()) {
        const items = await storage.read([key]);
        expect(Object.keys(items)).to.deep.equal([key]);
        expect(items[key].index).to.equal(index);
      }
      const everything = await storage.read(hostile);
      expect(Object.getPrototypeOf(everything)).to.equal(Object.prototype);
      expect(Object.keys(everything)).to.have.length(hostile.length);
    });
  });

  describe('idle state', () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

    it('removes state not written within the TTL and keeps the rest', async () => {
      await storage.write({ idle: { v: 1 }, active: { v: 2 } });
      const idleFile = (await fs.readdir(directory)).map((name) => path.join(directory, name));
      // Age only the idle conversation's file.
      for (const file of idleFile) {
        const json = JSON.parse(await fs.readFile(file, 'utf8')) as { v: number };
        if (json.v === 1) await fs.utimes(file, hoursAgo(80), hoursAgo(80));
      }
      expect(await storage.removeIdle(hoursAgo(72))).to.equal(1);
      expect(Object.keys(await storage.read(['idle', 'active']))).to.deep.equal(['active']);
    });

    it('removes a temporary file a crash left behind, and never touches files it did not write', async () => {
      await storage.write({ a: { v: 1 } });
      const [name] = await fs.readdir(directory);
      const orphan = path.join(directory, `${name}.00000000-0000-4000-8000-000000000000.tmp`);
      const foreign = path.join(directory, 'package.json');
      await fs.writeFile(orphan, '{"half":');
      await fs.writeFile(foreign, '{}');
      for (const file of [orphan, foreign]) await fs.utimes(file, hoursAgo(100), hoursAgo(100));
      expect((await storage.read(['a'])).a.v).to.equal(1); // the orphan does not disturb reads
      expect(await storage.removeIdle(hoursAgo(72))).to.equal(1);
      expect((await fs.readdir(directory)).sort()).to.deep.equal([name, 'package.json'].sort());
    });
  });
});
