/** A real pino logger (same options as production) whose lines a test can read back. */
import { Writable } from 'node:stream';
import type { LogLevel } from '../../config/BotConfig';
import { createLogger, type Logger } from '../../config/logger';

export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [field: string]: unknown;
}

export interface CapturedLogger {
  readonly logger: Logger;
  readonly lines: LogLine[];
  /** Everything logged, as one string, to search for text that must not be there. */
  raw(): string;
}

export function capturedLogger(logLevel: LogLevel = 'debug'): CapturedLogger {
  const chunks: string[] = [];
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString('utf8');
      chunks.push(text);
      for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { logger: createLogger({ logLevel }, stream), lines, raw: () => chunks.join('') };
}
