/**
 * The bot's TurnEventSink: keeps every event as a count and every unanswered question (redacted,
 * with its conversation's keyed hash) in the usage log. A turn only pushes to an in-memory buffer —
 * writing happens later, in batches, and a failed write is logged, never thrown — so a slow or
 * broken backend can never slow or fail a turn. "Forget me" drops the conversation's questions from
 * the buffer and the log. Also deletes days older than UNANSWERED_RETENTION_DAYS, at start-up and
 * then daily.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../config/logger';
import type { TurnEvent, TurnEventSink } from './TurnEvents';
import { dayOf, type UsageLog, type UsageStream } from './UsageLog';
import { conversationLink, countRecordOf, unansweredRecordOf } from './UsageRecords';

export interface UsageRecorderOptions {
  readonly retentionDays: number;
  /** Batching keeps a busy day's append blob under its 50,000-block limit (86,400 s / 2 s). */
  readonly flushIntervalMs: number;
  /** Lines held while the backend is unreachable; beyond this the oldest are dropped (and counted). */
  readonly maxBufferedLines: number;
  readonly now: () => Date;
  /** The secret behind conversation links (UsageLog.linkKey, or UNANSWERED_LINK_KEY). */
  readonly linkKey: Buffer;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RECORDER_OPTIONS: Omit<UsageRecorderOptions, 'retentionDays' | 'linkKey'> = Object.freeze({
  flushIntervalMs: 2000,
  maxBufferedLines: 10_000,
  now: () => new Date(),
});

type Pending = { readonly stream: UsageStream; readonly day: string; readonly line: string; readonly link?: string };

export class UsageRecorder implements TurnEventSink {
  private pending: Pending[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly sweepTimer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private readonly options: UsageRecorderOptions;

  constructor(
    private readonly log: UsageLog,
    private readonly logger: Pick<Logger, 'error' | 'warn' | 'info'>,
    options: Partial<UsageRecorderOptions> & Pick<UsageRecorderOptions, 'retentionDays'>,
  ) {
    // A key of the process's own is enough where nothing outlives it (tests, STORAGE=memory).
    this.options = { ...DEFAULT_RECORDER_OPTIONS, linkKey: randomBytes(32), ...options };
    void this.deleteExpired();
    this.sweepTimer = setInterval(() => void this.deleteExpired(), DAY_MS).unref();
  }

  record(event: TurnEvent, channelId: string, conversationId: string): void {
    try {
      const at = this.options.now();
      const day = dayOf(at);
      // An unsure answer is already counted by its `answered` event: only its text is kept.
      if (event.kind !== 'unsureAnswer') this.push({ stream: 'counts', day, line: JSON.stringify(countRecordOf(event, channelId, at)) });
      if (event.kind === 'unanswered' || event.kind === 'unsureAnswer') {
        const link = conversationLink(this.options.linkKey, channelId, conversationId);
        this.push({ stream: 'unanswered', day, line: JSON.stringify(unansweredRecordOf(event, channelId, at, link)), link });
      }
      this.flushTimer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs).unref();
    } catch (err) {
      this.logger.error({ err: (err as Error).message, event: event.kind }, 'usage event not recorded');
    }
  }

  /** Writes what is buffered; resolves when written (or logged as failed). One write at a time. */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.writing = this.writing.then(() => this.writeBuffered());
    return this.writing;
  }

  /**
   * Deletes a conversation's unanswered questions, buffered and stored; rejects if the log could not
   * be changed. Runs between flushes, so no append of this process interleaves with the rewrite, and
   * after the flush in progress, which may have put back lines it could not write.
   */
  forget(channelId: string, conversationId: string): Promise<void> {
    const link = conversationLink(this.options.linkKey, channelId, conversationId);
    const deletion = this.writing.then(() => {
      this.pending = this.pending.filter((item) => item.link !== link);
      return this.log.deleteConversation(link);
    });
    this.writing = deletion.then(
      () => undefined,
      () => undefined,
    );
    return deletion.then(() => undefined);
  }

  /** Stops the timers and writes what is left: call on server close. */
  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.flush();
  }

  /** Deletes days older than the retention period; errors are logged. */
  async deleteExpired(): Promise<void> {
    const cutoff = dayOf(new Date(this.options.now().getTime() - this.options.retentionDays * DAY_MS));
    try {
      const deleted = await this.log.deleteBefore(cutoff);
      if (deleted > 0) this.logger.info({ deleted, before: cutoff }, 'usage log: expired days deleted');
    } catch (err) {
      this.logger.error({ err: (err as Error).message }, 'usage log: expired days could not be deleted');
    }
  }

  private push(item: Pending): void {
    this.pending.push(item);
    this.trim();
  }

  private trim(): void {
    const excess = this.pending.length - this.options.maxBufferedLines;
    if (excess > 0) {
      this.pending.splice(0, excess);
      this.logger.warn({ dropped: excess }, 'usage log: buffer full, oldest events dropped');
    }
  }

  private async writeBuffered(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const groups = new Map<string, Pending[]>();
    for (const item of batch) {
      const key = `${item.stream} ${item.day}`;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    for (const items of groups.values()) {
      const { stream, day } = items[0];
      try {
        await this.log.append(
          stream,
          day,
          items.map((item) => item.line),
        );
      } catch (err) {
        // Kept for the next flush: a backend that is down for a minute loses nothing.
        this.pending.unshift(...items);
        this.trim();
        this.logger.error({ err: (err as Error).message, stream, lines: items.length }, 'usage log: write failed, will retry');
      }
    }
    if (this.pending.length > 0) this.flushTimer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs).unref();
  }
}
