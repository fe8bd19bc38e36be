/**
 * The knowledge base in force, reloaded when clinic staff save faq.json — without a restart, and
 * without ever serving a broken file:
 *   1. a change is noticed by watching the file's folder and polling its stat (watchFileChanges);
 *   2. a burst of events (one save can be several writes) is debounced into one reload, and a file
 *      whose content is unchanged (both watchers report the same save) is not reloaded again;
 *   3. the new KnowledgeBase is built completely, then swapped in with one assignment, so every turn
 *      sees either the old index or the new one, never half of each;
 *   4. a file the loader refuses is logged once, naming file, entry and field, and the last good
 *      knowledge base keeps answering.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../config/logger';
import { DEFAULT_FAQ_MATCHER_OPTIONS, type FaqMatcherOptions } from './FaqMatcherOptions';
import type { KnowledgeBase } from './KnowledgeBase';
import { KnowledgeBaseError } from './KnowledgeBaseError';
import { parseKnowledgeBase, readFaqText } from './loadKnowledgeBase';
import { type FileWatch, type FileWatchOptions, watchFileChanges } from './watchFileChanges';

export interface LiveKnowledgeBaseOptions extends FileWatchOptions {
  /** Quiet time after the last file event before reloading: one save can be several writes. */
  readonly debounceMs: number;
  /** Matching options for every version loaded (the message length cap comes from MAX_TEXT_LENGTH). */
  readonly matcher: FaqMatcherOptions;
}

export const DEFAULT_LIVE_OPTIONS: LiveKnowledgeBaseOptions = Object.freeze({
  debounceMs: 250,
  pollIntervalMs: 1000,
  watchFolder: true,
  matcher: DEFAULT_FAQ_MATCHER_OPTIONS,
});

type ReloadLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export class LiveKnowledgeBase {
  private kb: KnowledgeBase;
  /** sha256 of the text being served, and of the last text refused: both watchers report one save. */
  private servedDigest: string;
  private refusedDigest: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly watch: FileWatch;

  /** Loads the file now (a bad file at start-up throws, as before) and starts watching it. */
  static start(path: string, logger: ReloadLogger, options: Partial<LiveKnowledgeBaseOptions> = {}): LiveKnowledgeBase {
    return new LiveKnowledgeBase(path, logger, { ...DEFAULT_LIVE_OPTIONS, ...options });
  }

  private constructor(
    readonly path: string,
    private readonly logger: ReloadLogger,
    private readonly options: LiveKnowledgeBaseOptions,
  ) {
    this.watch = watchFileChanges(
      path,
      options,
      () => this.schedule(),
      (err) => {
        logger.warn({ file: path, err: err.message }, 'cannot watch the FAQ folder; changes are still picked up by polling');
      },
    );
    try {
      const text = readFaqText(path);
      this.kb = parseKnowledgeBase(text, path, options.matcher);
      this.servedDigest = digest(text);
    } catch (err) {
      this.watch.stop();
      throw err;
    }
  }

  /** The knowledge base to use for this turn. Call it once per turn and keep the result. */
  current(): KnowledgeBase {
    return this.kb;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watch.stop();
  }

  private schedule(): void {
    if (this.stopped) return; // a stat already in flight when the server closed
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.reload(), this.options.debounceMs);
  }

  private reload(): void {
    this.timer = undefined;
    let text: string;
    try {
      text = readFaqText(this.path);
    } catch (err) {
      // Keyed by the message, so a file that stays missing is reported once, not once a second.
      this.refuse(`unreadable:${(err as Error).message}`, err);
      return;
    }
    const next = digest(text);
    if (next === this.servedDigest) {
      if (this.refusedDigest !== undefined)
        this.logger.info({ file: this.path, version: this.kb.version }, 'FAQ file is back to the version being served');
      this.refusedDigest = undefined;
      return;
    }
    if (next === this.refusedDigest) return;
    try {
      const kb = parseKnowledgeBase(text, this.path, this.options.matcher);
      const previous = this.kb.version;
      this.kb = kb; // the one assignment that makes the edit live
      this.servedDigest = next;
      this.refusedDigest = undefined;
      this.logger.info(
        { file: this.path, version: kb.version, previousVersion: previous, entries: kb.entries.length },
        `FAQ reloaded: ${kb.entries.length} entries now live`,
      );
    } catch (err) {
      this.refuse(next, err);
    }
  }

  private refuse(refusedDigest: string, err: unknown): void {
    if (refusedDigest === this.refusedDigest) return;
    this.refusedDigest = refusedDigest;
    const { entryId, field } = err instanceof KnowledgeBaseError ? err : { entryId: undefined, field: undefined };
    const reason = err instanceof Error ? err.message : String(err);
    this.logger.error(
      { file: this.path, entryId, field, servingVersion: this.kb.version },
      `FAQ edit refused, still answering with the last good version — ${reason}`,
    );
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
