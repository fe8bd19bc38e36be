/**
 * LOG_TRANSCRIPTS=true: one log line per turn with what the patient said and what the bot answered,
 * for debugging conversations. Personal data is redacted (redactPersonalData) and each text is cut
 * after redaction, so a phone number at the cut cannot survive half-redacted. The conversation is
 * named by a short hash: turns can be followed without logging its id (for SMS, a phone number).
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import { redactPersonalData } from '../config/redactPersonalData';
import { turnLogger } from '../config/requestContext';
import { hashStorageKey } from '../storage/hashStorageKey';

const MAX_LOGGED_CHARACTERS = 1000;

function redacted(text: unknown): string | undefined {
  return typeof text === 'string' ? redactPersonalData(text).slice(0, MAX_LOGGED_CHARACTERS) : undefined;
}

/** Middleware: logs once the turn has ended (a failed turn too, before the error handler's apology). */
export function transcriptLog(logger: Logger): Middleware {
  const log = logTurn(logger);
  return {
    async onTurn(context, next) {
      const sent: Partial<Activity>[] = [];
      context.onSendActivities(async (_context, activities, send) => {
        sent.push(...activities);
        return send();
      });
      try {
        await next();
      } finally {
        log(context, sent);
      }
    },
  };
}

function logTurn(logger: Logger): (context: TurnContext, sent: readonly Partial<Activity>[]) => void {
  return (context, sent) => {
    const { activity } = context;
    turnLogger(logger, context).info(
      {
        // Not named `text`: the logger censors every `text` field, which is the default we want.
        transcript: {
          conversation: hashStorageKey(`${activity.channelId}/${activity.conversation?.id ?? ''}`).slice(0, 16),
          channelId: activity.channelId,
          activityType: activity.type,
          said: redacted(activity.text),
          replies: sent.filter((reply) => reply.type === 'message').map((reply) => redacted(reply.text) ?? ''),
        },
      },
      'transcript',
    );
  };
}
