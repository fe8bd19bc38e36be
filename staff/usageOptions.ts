/**
 * What kb:unanswered and kb:stats share: `--since 7d` (or 12h, or a date such as 2026-11-01), the
 * configuration from the environment and .env exactly as the bot reads it, and the records since then.
 */
import { type BotConfig, loadConfig } from '../config/BotConfig';
import { createUsageLog, describeUsageLog } from '../usage/createUsageLog';
import { dayOf, type UsageStream } from '../usage/UsageLog';
import { parseRecords } from '../usage/UsageRecords';
import { commandLine } from './commandLine';

export const DEFAULT_SINCE = '7d';

/** The start of the period: `7d` = 7 days before `now`, `12h` = 12 hours, or a UTC date. */
export function parseSince(value: string, now: Date = new Date()): Date {
  const relative = /^(\d+)\s*([dh])$/i.exec(value.trim());
  if (relative) {
    const hours = Number(relative[1]) * (relative[2].toLowerCase() === 'd' ? 24 : 1);
    return new Date(now.getTime() - hours * 3_600_000);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const date = new Date(`${value.trim()}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new Error(`--since expects a period such as 7d or 12h, or a date such as 2026-11-01; got "${value}"`);
}

export interface UsageQuery {
  readonly config: BotConfig;
  readonly since: Date;
  readonly source: string;
  read<T extends { readonly at: string }>(stream: UsageStream, isRecord: (value: unknown) => boolean): Promise<T[]>;
}

/** `command` is the npm script, for the usage line. */
export function usageQuery(command: string, args: readonly string[]): UsageQuery {
  const { values } = commandLine(args, `npm run ${command} [-- --since 7d|12h|2026-11-01]`, {
    since: { type: 'string', default: DEFAULT_SINCE },
  });
  const config = loadConfig();
  const since = parseSince(values.since);
  const log = createUsageLog(config);
  return {
    config,
    since,
    source: describeUsageLog(config),
    read: async <T extends { readonly at: string }>(stream: UsageStream, isRecord: (value: unknown) => boolean) =>
      parseRecords<T>(await log.read(stream, dayOf(since)), since, isRecord),
  };
}
