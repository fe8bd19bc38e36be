/**
 * Memory: a 10,000-entry knowledge base (memoryProbe, in a fresh process), and what 1,000 stored
 * conversations cost the bot process with STORAGE=memory and STORAGE=file (plus the bytes on disk
 * for file), measured after a full GC in the bot's own child process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryOf, startServer, stopServer } from './httpBench';
import { converse } from './httpLoad';

export interface KnowledgeBaseMemory {
  readonly entries: number;
  /** Resident memory of a process holding the entries and the built knowledge base. */
  readonly rssMb: number;
  /** What building the knowledge base added (resident, and JS heap + typed arrays). */
  readonly rssAddedMb: number;
  readonly heapAddedMb: number;
}

export interface ConversationMemory {
  readonly storage: string;
  readonly conversations: number;
  /** JS heap the bot process keeps per 1,000 conversations (after a full GC): the state's real cost. */
  readonly heapPer1000Mb: number;
  /** The bot process's resident memory after start-up and after the conversations (it grows with load, not only state). */
  readonly rssStartMb: number;
  readonly rssAfterMb: number;
  /** STORAGE=file only: file bytes, and disk blocks allocated, per 1,000 conversations. */
  readonly diskPer1000Mb?: number;
  readonly diskAllocatedPer1000Mb?: number;
}

const MB = 1024 * 1024;

export function knowledgeBaseMemory(size: number): KnowledgeBaseMemory {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'memoryProbe.ts'), String(size)], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  const m = JSON.parse(out.trim().split('\n').pop() as string) as {
    entries: number;
    rssBefore: number;
    rssAfter: number;
    heapBefore: number;
    heapAfter: number;
    external: number;
  };
  return {
    entries: m.entries,
    rssMb: m.rssAfter / MB,
    rssAddedMb: (m.rssAfter - m.rssBefore) / MB,
    heapAddedMb: (m.heapAfter - m.heapBefore + m.external) / MB,
  };
}

export async function conversationMemory(messages: readonly string[], conversations = 1000): Promise<ConversationMemory[]> {
  const results: ConversationMemory[] = [];
  for (const storage of ['memory', 'file'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-memory-'));
    const server = await startServer(`bot, STORAGE=${storage}`, 'bot', {
      STORAGE: storage,
      STORAGE_PATH: join(dir, 'state'),
      UNANSWERED_PATH: join(dir, 'unanswered'),
    });
    try {
      const start = await memoryOf(server);
      // A first batch warms up the code paths (and the JIT's memory), so the second measures state only.
      await converse(server.url, messages, 200, 2, 16, 'warm');
      const before = await memoryOf(server);
      const diskBefore = folderBytes(join(dir, 'state'));
      await converse(server.url, messages, conversations, 2, 16, 'measured');
      const after = await memoryOf(server);
      const per = 1000 / conversations;
      results.push({
        storage: `STORAGE=${storage}`,
        conversations,
        heapPer1000Mb: ((after.heapUsed - before.heapUsed) * per) / MB,
        rssStartMb: start.rss / MB,
        rssAfterMb: after.rss / MB,
        ...(storage === 'file' ? disk(folderBytes(join(dir, 'state')), diskBefore, per) : {}),
      });
    } finally {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

function disk(after: FolderSize, before: FolderSize, per: number): { diskPer1000Mb: number; diskAllocatedPer1000Mb: number } {
  return {
    diskPer1000Mb: ((after.bytes - before.bytes) * per) / MB,
    diskAllocatedPer1000Mb: ((after.allocated - before.allocated) * per) / MB,
  };
}

interface FolderSize {
  readonly bytes: number;
  readonly allocated: number;
}

function folderBytes(dir: string): FolderSize {
  let bytes = 0;
  let allocated = 0;
  try {
    for (const name of readdirSync(dir)) {
      const stat = statSync(join(dir, name));
      bytes += stat.size;
      allocated += stat.blocks * 512;
    }
  } catch {
    // no folder yet: nothing stored
  }
  return { bytes, allocated };
}
