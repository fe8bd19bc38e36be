/**
 * Deletes conversation state nobody has written to within STATE_TTL_HOURS (STORAGE=file and blob;
 * FileStorage and IdleBlobState do the deleting). The timer is unref'd so it never keeps the
 * process alive; stop() is called on shutdown.
 */
import type { Logger } from '../config/logger';

export interface IdleStateStore {
  removeIdle(cutoff: Date): Promise<number>;
}

const MAX_INTERVAL_MS = 15 * 60_000;

export class StateSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly store: IdleStateStore,
    private readonly ttlMs: number,
    private readonly logger: Logger,
    /** A quarter of the TTL, at most 15 minutes: state outlives its TTL by at most that much. */
    private readonly intervalMs = Math.min(ttlMs / 4, MAX_INTERVAL_MS),
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
    void this.sweep();
  }

  /** One pass; overlapping calls share the pass in progress. Never rejects: a failure is logged. */
  sweep(): Promise<number> {
    this.running ??= this.store
      .removeIdle(new Date(this.now() - this.ttlMs))
      .then(
        (removed) => {
          if (removed > 0) this.logger.info({ removed }, 'removed idle conversation state');
          return removed;
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'could not remove idle conversation state');
          return 0;
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
