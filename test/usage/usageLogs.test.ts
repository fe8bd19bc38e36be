/**
 * The usage log's three backends behave alike: append lines to a day, read them back from a day on,
 * delete days before the retention cut-off. Blob runs against Azurite on a free port.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { expect } from 'chai';
import { BlobUsageLog } from '../../usage/BlobUsageLog';
import { FileUsageLog } from '../../usage/FileUsageLog';
import { MemoryUsageLog } from '../../usage/MemoryUsageLog';
import type { UsageLog } from '../../usage/UsageLog';
import { type Azurite, startAzurite } from '../support/azurite';
import { useTemporaryFolder } from '../support/temporaryFolder';

function behavesAsAUsageLog(make: () => UsageLog): void {
  it('reads back appended lines, oldest day first, from the day asked for', async () => {
    const log = make();
    await log.append('unanswered', '2026-11-22', ['{"n":1}']);
    await log.append('unanswered', '2026-11-23', ['{"n":2}', '{"n":3}']);
    await log.append('unanswered', '2026-11-22', ['{"n":4}']);
    await log.append('counts', '2026-11-23', ['{"c":1}']);
    expect(await log.read('unanswered', '2026-11-01')).to.deep.equal(['{"n":1}', '{"n":4}', '{"n":2}', '{"n":3}']);
    expect(await log.read('unanswered', '2026-11-23')).to.deep.equal(['{"n":2}', '{"n":3}']);
    expect(await log.read('counts', '2026-11-01')).to.deep.equal(['{"c":1}']);
  });

  it('is empty before anything was written', async () => {
    expect(await make().read('counts', '2000-01-01')).to.deep.equal([]);
  });

  it('deletes whole days before the cut-off, in both streams', async () => {
    const log = make();
    await log.append('unanswered', '2026-08-01', ['{"old":1}']);
    await log.append('counts', '2026-08-01', ['{"old":2}']);
    await log.append('unanswered', '2026-11-23', ['{"new":1}']);
    expect(await log.deleteBefore('2026-08-25')).to.equal(2);
    expect(await log.read('unanswered', '2000-01-01')).to.deep.equal(['{"new":1}']);
    expect(await log.read('counts', '2000-01-01')).to.deep.equal([]);
  });

  it('deletes the unanswered questions linked to one conversation, on every day, and nothing else', async () => {
    const log = make();
    const line = (conversation: string, text: string) => JSON.stringify({ at: '2026-11-22T10:00:00.000Z', text, conversation });
    await log.append('unanswered', '2026-11-22', [line('a'.repeat(32), 'one'), line('b'.repeat(32), 'two')]);
    await log.append('unanswered', '2026-11-23', [line('a'.repeat(32), 'three')]);
    await log.append('counts', '2026-11-23', ['{"c":1}']);
    expect(await log.deleteConversation('a'.repeat(32))).to.equal(2);
    expect(await log.read('unanswered', '2000-01-01')).to.deep.equal([line('b'.repeat(32), 'two')]);
    expect(await log.read('counts', '2000-01-01')).to.deep.equal(['{"c":1}']);
    await log.append('unanswered', '2026-11-23', [line('b'.repeat(32), 'four')]);
    expect(await log.read('unanswered', '2026-11-23')).to.deep.equal([line('b'.repeat(32), 'four')]);
  });

  it('keeps one link key: the same on every call', async () => {
    const log = make();
    const key = await log.linkKey();
    expect(key.length).to.equal(32);
    expect((await log.linkKey()).equals(key)).to.equal(true);
  });
}

describe('usage log backends', () => {
  describe('memory', () => behavesAsAUsageLog(() => new MemoryUsageLog()));

  describe('file', () => {
    const folder = useTemporaryFolder('usage-file-');
    behavesAsAUsageLog(() => new FileUsageLog(join(folder.path, 'unanswered')));

    it('keeps one JSONL file per day, unanswered questions apart from the counts', async () => {
      const log = new FileUsageLog(join(folder.path, 'unanswered'));
      await log.append('unanswered', '2026-11-23', ['{"text":"a"}']);
      await log.append('unanswered', '2026-11-23', ['{"text":"b"}']);
      await log.append('counts', '2026-11-23', ['{"event":"answered"}']);
      expect(readdirSync(join(folder.path, 'unanswered')).sort()).to.deep.equal(['2026-11-23.jsonl', 'counts']);
      expect(readFileSync(join(folder.path, 'unanswered', '2026-11-23.jsonl'), 'utf8')).to.equal('{"text":"a"}\n{"text":"b"}\n');
    });
  });

  describe('blob (Azurite)', function () {
    this.timeout(60_000);
    let azurite: Azurite;
    let containers = 0;
    const container = () => `usage-test-${process.pid}-${++containers}`;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => azurite?.stop());
    behavesAsAUsageLog(() => new BlobUsageLog(azurite.connectionString, container()));

    it('writes one append blob per stream and day under usage/', async () => {
      const name = container();
      const log = new BlobUsageLog(azurite.connectionString, name);
      await log.append('unanswered', '2026-11-23', ['{"text":"a"}']);
      await log.append('unanswered', '2026-11-23', ['{"text":"b"}']);
      await log.append('counts', '2026-11-23', ['{"event":"answered"}']);
      const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name);
      const blobs: { name: string; type?: string }[] = [];
      for await (const blob of client.listBlobsFlat()) blobs.push({ name: blob.name, type: blob.properties.blobType });
      expect(blobs).to.deep.equal([
        { name: 'usage/counts/2026-11-23.jsonl', type: 'AppendBlob' },
        { name: 'usage/unanswered/2026-11-23.jsonl', type: 'AppendBlob' },
      ]);
    });
  });
});
