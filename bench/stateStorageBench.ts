/**
 * What conversation state costs a turn in each store, on its own: read the conversation's state, change
 * it, save it eTag-checked (ConcurrencyCheckedStorage, as the bot saves). STORAGE=file is timed twice:
 * reading the state and checking each save from the file (as any process on a shared folder would have
 * to), and as the sole writer of its folder (the bot, which holds the folder's lock), which keeps its
 * last save of each conversation: the read parses that copy and the save is checked against its eTag,
 * so only the save touches the disk. Turns run one after another over many conversations. The stores take turns
 * run by run, so drift on a shared machine hits them alike; each figure is the median of its runs. The
 * disk is shared with whatever else runs, so wall time moves a lot: the process's CPU time per turn (the
 * file system's work in the kernel and libuv's threads included) is the steadier of the two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage, type StoreItem } from 'botbuilder';
import { ConcurrencyCheckedStorage } from '../storage/ConcurrencyCheckedStorage';
import { FileStorage } from '../storage/FileStorage';

export interface StateStorageResult {
  readonly storage: string;
  /** Wall time per turn. */
  readonly usPerTurn: number;
  /** CPU time (user + system, all threads) per turn. */
  readonly cpuUsPerTurn: number;
}

interface Timing {
  readonly wallUs: number;
  readonly cpuUs: number;
}

const CONVERSATIONS = 200;
const TURNS_EACH = 5;
const RUNS = 5;

/** About the size of the bot's state after a few turns: the session record and an empty dialog stack. */
function stateAfter(turn: number): Record<string, unknown> {
  return {
    session: {
      welcomed: true,
      lastMessageAt: new Date(1_700_000_000_000 + turn * 60_000).toISOString(),
      lastEntryId: 'healing-time',
      numberedChoices: ['treatment-approach', 'recurrence', 'first-session'].map((entryId) => ({ title: entryId, tap: { entryId } })),
      safetyCheckOffered: turn > 2,
    },
    dialogState: { dialogStack: [] },
  };
}

async function timeTurns(storage: Storage, run: number): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let turn = 0; turn < TURNS_EACH; turn++) {
    for (let c = 0; c < CONVERSATIONS; c++) {
      const key = `webchat/conversations/bench-${run}-${c}/`;
      const items = await storage.read([key]);
      const item = (items[key] ?? {}) as StoreItem;
      Object.assign(item, stateAfter(turn));
      await storage.write({ [key]: item });
    }
  }
  const { user, system } = process.cpuUsage(cpu);
  const turns = CONVERSATIONS * TURNS_EACH;
  return { wallUs: ((performance.now() - started) * 1000) / turns, cpuUs: (user + system) / turns };
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runStateStorageBench(): Promise<StateStorageResult[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-state-storage-'));
  const stores: ReadonlyArray<{ readonly storage: string; readonly open: (run: number) => Promise<Storage> }> = [
    { storage: 'memory', open: async () => new MemoryStorage() },
    { storage: 'file, read and checked from the file', open: (run) => FileStorage.open(join(folder, `read-${run}`)) },
    { storage: 'file, sole writer (the bot)', open: (run) => FileStorage.open(join(folder, `sole-${run}`), { soleWriter: true }) },
  ];
  const timings = stores.map((): Timing[] => []);
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [i, { open }] of stores.entries()) timings[i].push(await timeTurns(new ConcurrencyCheckedStorage(await open(run)), run));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return stores.map(({ storage }, i) => ({
    storage,
    usPerTurn: median(timings[i].map((t) => t.wallUs)),
    cpuUsPerTurn: median(timings[i].map((t) => t.cpuUs)),
  }));
}
