/**
 * STORAGE=blob: one append blob per stream and day in the conversation-state container, named
 * `usage/unanswered/2026-11-23.jsonl` and `usage/counts/2026-11-23.jsonl`, and the link key in
 * `usage/link.key`. Append blobs take concurrent appends from several instances without a
 * read-modify-write, and at most 50,000 blocks, which is why the recorder flushes in batches
 * rather than per event. "Forget me" replaces a day's blob only if no instance appended to it
 * since it was read (its ETag); an append that finds the blob gone makes it again on the next flush.
 */
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { DailyUsageLog, newLinkKey } from './DailyUsageLog';
import { dayFileName, dayOfName, type UsageStream } from './UsageLog';

const PREFIX = 'usage/';
const LINK_KEY_BLOB = `${PREFIX}link.key`;
/** The largest block one append may carry. */
const MAX_APPEND_BYTES = 4 * 1024 * 1024;
const REWRITE_ATTEMPTS = 3;

const statusOf = (err: unknown): number | undefined => (err as { statusCode?: number }).statusCode;

export class BlobUsageLog extends DailyUsageLog {
  private readonly container: ContainerClient;
  private containerReady: Promise<unknown> | undefined;
  /** Append blobs known to exist, so a flush is one request, not two. */
  private readonly created = new Set<string>();

  constructor(connectionString: string, containerName: string) {
    super();
    this.container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  }

  async append(stream: UsageStream, day: string, lines: readonly string[]): Promise<void> {
    const name = blobName(stream, day);
    const blob = this.container.getAppendBlobClient(name);
    if (!this.created.has(name)) {
      await this.ensureContainer();
      await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson; charset=utf-8' } });
      this.created.add(name);
    }
    const body = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
    try {
      await blob.appendBlock(body, body.length);
    } catch (err) {
      if (statusOf(err) === 404) this.created.delete(name); // replaced by "forget me" on another instance
      throw err;
    }
  }

  protected async readDay(stream: UsageStream, day: string): Promise<string> {
    return (await this.container.getBlobClient(blobName(stream, day)).downloadToBuffer()).toString('utf8');
  }

  protected async deleteDay(stream: UsageStream, day: string): Promise<void> {
    const name = blobName(stream, day);
    await this.container.getBlobClient(name).deleteIfExists();
    this.created.delete(name);
  }

  protected async removeLines(stream: UsageStream, day: string, remove: (line: string) => boolean): Promise<number> {
    const name = blobName(stream, day);
    const blob = this.container.getAppendBlobClient(name);
    for (let attempt = 1; ; attempt++) {
      const { etag } = await blob.getProperties();
      const lines = (await blob.downloadToBuffer(0, undefined, { conditions: { ifMatch: etag } }))
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '');
      const kept = lines.filter((line) => !remove(line));
      if (kept.length === lines.length) return 0;
      try {
        await blob.delete({ conditions: { ifMatch: etag } });
      } catch (err) {
        if (statusOf(err) === 412 && attempt < REWRITE_ATTEMPTS) continue; // appended to meanwhile: read it again
        throw err;
      }
      this.created.delete(name);
      if (kept.length > 0) await this.appendInBlocks(stream, day, kept);
      return lines.length - kept.length;
    }
  }

  /** Made once per container (the upload fails if another instance made it first) and read by every instance. */
  async linkKey(): Promise<Buffer> {
    const blob = this.container.getBlockBlobClient(LINK_KEY_BLOB);
    try {
      await this.ensureContainer();
      const key = newLinkKey();
      await blob.upload(key, key.length, { conditions: { ifNoneMatch: '*' } });
    } catch (err) {
      if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
    }
    return Buffer.from((await blob.downloadToBuffer()).toString('utf8').trim(), 'hex');
  }

  private async appendInBlocks(stream: UsageStream, day: string, lines: readonly string[]): Promise<void> {
    let block: string[] = [];
    let bytes = 0;
    for (const line of lines) {
      const size = Buffer.byteLength(line, 'utf8') + 1;
      if (bytes + size > MAX_APPEND_BYTES && block.length > 0) {
        await this.append(stream, day, block);
        [block, bytes] = [[], 0];
      }
      block.push(line);
      bytes += size;
    }
    if (block.length > 0) await this.append(stream, day, block);
  }

  private ensureContainer(): Promise<unknown> {
    this.containerReady ??= this.container.createIfNotExists().catch((err: unknown) => {
      this.containerReady = undefined; // try again on the next flush
      throw err;
    });
    return this.containerReady;
  }

  /** The days present, oldest first; a container that does not exist yet has none. */
  protected async days(stream: UsageStream): Promise<string[]> {
    if (!(await this.container.exists())) return [];
    const days: string[] = [];
    for await (const item of this.container.listBlobsFlat({ prefix: `${PREFIX}${stream}/` })) {
      const day = dayOfName(item.name.slice(`${PREFIX}${stream}/`.length));
      if (day !== undefined) days.push(day);
    }
    return days.sort();
  }
}

function blobName(stream: UsageStream, day: string): string {
  return `${PREFIX}${stream}/${dayFileName(day)}`;
}
