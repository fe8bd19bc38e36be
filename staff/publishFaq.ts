/**
 * Copies a reviewed faq.json to the live FAQ_PATH without ever overwriting a newer staff edit
 * unknowingly. Each publish records the sha256 of what it wrote next to the live file
 * (`faq.json.deployed.json`); the next publish refuses when the live file no longer has that hash —
 * someone edited it on the server since — unless forced, and even then keeps a copy of what it replaced.
 * The write is a temp file renamed over the live one, so the bot's hot reload never reads half a file.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseKnowledgeBase } from '../faq/loadKnowledgeBase';

export interface DeployRecord {
  readonly sha256: string;
  readonly deployedAt: string;
  readonly from: string;
}

export type PublishResult =
  | { readonly status: 'published'; readonly sha256: string; readonly backup?: string }
  | { readonly status: 'unchanged'; readonly sha256: string }
  | { readonly status: 'refused'; readonly reason: string; readonly differences: readonly string[] };

export interface PublishRequest {
  readonly from: string;
  readonly to: string;
  /** Overwrite a live file that was edited since the last publish (a copy of it is kept). */
  readonly force?: boolean;
  readonly now?: Date;
}

export const recordPath = (livePath: string) => `${livePath}.deployed.json`;

export function publishFaq({ from, to, force = false, now = new Date() }: PublishRequest): PublishResult {
  const text = readFileSync(from, 'utf8');
  parseKnowledgeBase(text, from); // throws KnowledgeBaseError: never publish a file the bot would refuse
  const sha256 = hash(text);
  const live = existsSync(to) ? readFileSync(to, 'utf8') : undefined;
  const record = readRecord(to);
  const liveHash = live === undefined ? undefined : hash(live);

  if (liveHash === sha256) {
    if (record?.sha256 !== sha256)
      writeAtomically(recordPath(to), JSON.stringify({ sha256, deployedAt: now.toISOString(), from }, null, 2));
    return { status: 'unchanged', sha256 };
  }
  const editedLive = live !== undefined && liveHash !== record?.sha256;
  if (editedLive && !force) {
    const reason = record
      ? `${to} was changed on the server after the last deploy (${record.deployedAt}); those changes are not in ${from}`
      : `${to} exists but was not put there by a deploy, so it may hold staff edits that are not in ${from}`;
    return { status: 'refused', reason, differences: entryChanges(live, text) };
  }
  let backup: string | undefined;
  if (editedLive) {
    backup = `${to}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    copyFileSync(to, backup);
  }
  writeAtomically(to, text);
  writeAtomically(recordPath(to), JSON.stringify({ sha256, deployedAt: now.toISOString(), from }, null, 2));
  return { status: 'published', sha256, ...(backup ? { backup } : {}) };
}

/** What the live file has that the new one lacks or words differently, by entry id, for the refusal. */
function entryChanges(liveText: string, newText: string): string[] {
  const entries = (text: string): Map<string, string> => {
    try {
      const doc = JSON.parse(text) as { entries?: { id?: string }[] };
      return new Map((doc.entries ?? []).map((entry) => [String(entry.id), JSON.stringify(entry)]));
    } catch {
      return new Map();
    }
  };
  const live = entries(liveText);
  const next = entries(newText);
  const changes: string[] = [];
  for (const [id, entry] of live) {
    if (!next.has(id)) changes.push(`entry "${id}" is only in the live file`);
    else if (next.get(id) !== entry) changes.push(`entry "${id}" is different in the live file`);
  }
  for (const id of next.keys()) if (!live.has(id)) changes.push(`entry "${id}" is new in this deploy`);
  return changes;
}

function readRecord(livePath: string): DeployRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordPath(livePath), 'utf8')) as DeployRecord;
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, path);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
