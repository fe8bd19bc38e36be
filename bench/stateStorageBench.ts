/**
 * What conversation state costs a turn in each store, on its own: read the conversation's state, change
 * it, save it eTag-checked (ConcurrencyCheckedStorage, as the bot saves). STORAGE=file is timed three times:
 * reading the state and checking each save from the file, and replacing the file at each save (as any
 * process on a shared folder would have to); and as the sole writer of its folder (the bot, which holds the
 * folder's lock), which keeps its last save of each conversation (the read parses that copy, the save is
 * checked against its eTag) and acknowledges a save once it is in the folder's journal, writing the state
 * files at its checkpoints: once with one checkpoint for the whole run (a conversation's turns within one
 * checkpoint interval, 10 s, cost one file write), and once with a checkpoint after every round of turns
 * (every save written to its file too: patients who take longer than the interval to answer). Each run ends
 * with the store's close, timed (the files brought up to date). Turns run one after another over many
 * conversations. The stores take turns run by run, so drift on a shared machine hits them alike; each figure
 * is the median of its runs. The disk is shared with whatever else runs, so wall time moves a lot: the
 * process's CPU time per turn (the file system's work in the kernel and libuv's threads included) is the
 * steadier of the two.
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

/** A store under test: its Storage, and what ends a run (FileStorage's close) and, if any, a round of turns. */
interface StoreUnderTest {
  readonly storage: Storage;
  readonly close: () => Promise<void>;
  readonly afterRound?: () => Promise<void>;
}

async function timeTurns(store: StoreUnderTest, run: number): Promise<Timing> {
  const storage = new ConcurrencyCheckedStorage(store.storage);
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
    await store.afterRound?.();
  }
  await store.close();
  const { user, system } = process.cpuUsage(cpu);
  const turns = CONVERSATIONS * TURNS_EACH;
  return { wallUs: ((performance.now() - started) * 1000) / turns, cpuUs: (user + system) / turns };
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runStateStorageBench(): Promise<StateStorageResult[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-state-storage-'));
  const files = (storage: FileStorage, everyRound = false): StoreUnderTest => ({
    storage,
    close: () => storage.close(),
    afterRound: everyRound ? () => storage.checkpoint() : undefined,
  });
  const stores: ReadonlyArray<{ readonly storage: string; readonly open: (run: number) => Promise<StoreUnderTest> }> = [
    { storage: 'memory', open: async () => ({ storage: new MemoryStorage(), close: async () => undefined }) },
    { storage: 'file, read and checked from the file', open: async (run) => files(await FileStorage.open(join(folder, `read-${run}`))) },
    {
      storage: 'file, sole writer (the bot): journal, one checkpoint',
      open: async (run) => files(await FileStorage.open(join(folder, `sole-${run}`), { soleWriter: true })),
    },
    {
      storage: 'file, sole writer: journal, every save checkpointed',
      open: async (run) => files(await FileStorage.open(join(folder, `each-${run}`), { soleWriter: true }), true),
    },
  ];
  const timings = stores.map((): Timing[] => []);
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [i, { open }] of stores.entries()) timings[i].push(await timeTurns(await open(run), run));
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

// `npx tsx bench/stateStorageBench.ts`: this section alone.
if (require.main === module) {
  runStateStorageBench()
    .then((results) => {
      for (const r of results)
        console.log(
          `  ${r.storage.padEnd(55)} ${r.usPerTurn.toFixed(0).padStart(6)} µs/turn  ${r.cpuUsPerTurn.toFixed(0).padStart(6)} CPU µs/turn`,
        );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
