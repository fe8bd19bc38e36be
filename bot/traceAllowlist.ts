/**
 * Trace activities are for the Emulator only. With expectReplies the adapter returns every activity
 * to the caller, so this middleware drops traces on any other channel: an allowlist, in one place.
 */
import { Channels, type Middleware } from 'botbuilder';

const TRACE_CHANNELS: ReadonlySet<string> = new Set([Channels.Emulator]);

export const traceAllowlist: Middleware = {
  async onTurn(context, next) {
    if (!TRACE_CHANNELS.has(context.activity.channelId)) {
      // The adapter sends this same array after the handlers run, so removing in place filters it.
      context.onSendActivities(async (_context, activities, send) => {
        for (let index = activities.length - 1; index >= 0; index--) {
          if (activities[index].type === 'trace') activities.splice(index, 1);
        }
        return activities.length ? send() : [];
      });
    }
    await next();
  },
};
