/**
 * Tells when a file may have changed, two ways at once:
 *   - fs.watch on its FOLDER: editors save by writing a temp file and renaming it over the original,
 *     which a watch on the file itself stops seeing after the first save;
 *   - polling its stat (inode, size, mtime): fs.watch reports nothing on network shares such as
 *     Azure Files. Not fs.watchFile, whose first stat is taken asynchronously, so a save right after
 *     start-up could become its baseline and never be reported.
 * Start it BEFORE reading the file: a change made between the two is then reported, not lost.
 * Reports may repeat or be spurious; the caller decides what actually changed.
 */
import { type FSWatcher, type Stats, stat, statSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatchOptions {
  readonly pollIntervalMs: number;
  /** false relies on polling alone, as on a network share. */
  readonly watchFolder: boolean;
}

export interface FileWatch {
  stop(): void;
}

export function watchFileChanges(
  path: string,
  options: FileWatchOptions,
  onChange: () => void,
  onWatchError: (err: Error) => void,
): FileWatch {
  let seen = currentKey(path);
  let statting = false;
  const poller = setInterval(() => {
    if (statting) return; // on a slow share one stat can outlast the interval
    statting = true;
    stat(path, (err, stats) => {
      statting = false;
      const key = err ? missingKey(err) : keyOf(stats);
      if (key === seen) return;
      seen = key;
      onChange();
    });
  }, options.pollIntervalMs).unref();

  let watcher: FSWatcher | undefined;
  if (options.watchFolder) {
    const file = basename(path);
    try {
      watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
        if (name === null || name === file) onChange();
      });
      watcher.on('error', (err) => {
        watcher?.close();
        onWatchError(err);
      });
    } catch (err) {
      onWatchError(err as Error);
    }
  }

  return {
    stop: () => {
      clearInterval(poller);
      watcher?.close();
    },
  };
}

/** Inode, size and mtime: a rename, a rewrite and an in-place edit each change at least one. */
function keyOf(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** A missing file has a key too, so deleting it or putting it back counts as a change. */
function missingKey(err: NodeJS.ErrnoException): string {
  return `missing:${err.code}`;
}

function currentKey(path: string): string {
  try {
    return keyOf(statSync(path));
  } catch (err) {
    return missingKey(err as NodeJS.ErrnoException);
  }
}
