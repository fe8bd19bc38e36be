/**
 * A fixed-window counter per key (a conversation id or a client address). Bounded in memory: the
 * oldest keys are dropped first, so a flood of new keys cannot grow it without limit.
 */
import { forgetOldestKeys } from './forgetOldestKeys';

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the key may try again, for the Retry-After header. */
  readonly retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      forgetOldestKeys(this.windows, this.maxKeys);
    }
    window.count += 1;
    const allowed = window.count <= this.limit;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }

  /** The decision the next `take` would make, without counting anything (check before, count later). */
  peek(key: string): RateDecision {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs || window.count < this.limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }
}
