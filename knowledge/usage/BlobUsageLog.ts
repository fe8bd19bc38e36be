/**
 * STORAGE=blob: one append blob per stream and day in the conversation-state container, named
 * `usage/unanswered/2026-11-23.jsonl` and `usage/counts/2026-11-23.jsonl`. Append blobs take
 * concurrent appends from several instances without a read-modify-write, and at most 50,000 blocks,
 * which is why the recorder flushes in batches rather than per event.
 */
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { DailyUsageLog } from './DailyUsageLog';
import { dayFileName, dayOfName, type UsageStream } from './UsageLog';

const PREFIX = 'usage/';

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
    await blob.appendBlock(body, body.length);
  }

  protected async readDay(stream: UsageStream, day: string): Promise<string> {
    return (await this.container.getBlobClient(blobName(stream, day)).downloadToBuffer()).toString('utf8');
  }

  protected async deleteDay(stream: UsageStream, day: string): Promise<void> {
    const name = blobName(stream, day);
    await this.container.getBlobClient(name).deleteIfExists();
    this.created.delete(name);
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
