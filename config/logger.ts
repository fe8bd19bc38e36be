/**
 * Structured logs with pino. Message text and personal data are never logged unless
 * LOG_TRANSCRIPTS=true, and even then phone numbers and emails are redacted.
 * Errors keep their cause chain, but only their type, message, stack and codes: an Azure SDK error
 * also carries the request it failed on (a blob URL, headers), which has no place in a log.
 * A line about a turn carries its request's id (`reqId`): see turnLogger (requestContext).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { BotConfig } from './BotConfig';
import { redactPersonalData } from './redactPersonalData';

export type { Logger };

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const full = pino.stdSerializers.err(error);
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return {
    type: full.type,
    // Storage errors can name their key, and a key holds a conversation id: for SMS, a phone number.
    message: redactPersonalData(full.message),
    stack: full.stack === undefined ? undefined : redactPersonalData(full.stack),
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(code === undefined ? {} : { code }),
  };
}

/** `destination` is for tests that read the log; the default is stdout. */
export function createLogger(config: Pick<BotConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'sciatica-bot' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.text', 'text'], censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}
