/**
 * Structured logs with pino. Message text and personal data are never logged unless
 * LOG_TRANSCRIPTS=true, and even then phone numbers and emails are redacted.
 */
import pino, { type Logger } from 'pino';
import type { BotConfig } from './BotConfig';

export type { Logger };

export function createLogger(config: Pick<BotConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'sciatica-bot' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.text', 'text'], censor: '[redacted]' },
  });
}
