/**
 * Runs a turn so that losing an eTag race costs nothing: if saving the conversation state fails
 * because another turn (another message of the same patient, perhaps on another instance) saved
 * first, the state is read again and the turn runs once more on it.
 *
 * Replies must not go out twice, and the patient must not see replies computed from state that was
 * thrown away. So replies are held back while the turn runs (the turn's own sends return at once)
 * and released when it ends: those of the attempt that saved, or, when a turn fails for any other
 * reason, of the attempt that failed, because they may carry safety advice that must never be lost
 * (SafetyEscalation sends it before touching state). Safety advice itself is not held at all
 * (bot/sendImmediately): a slow store must not delay it. Holding costs nothing with expectReplies, where
 * the adapter returns every reply in the HTTP response anyway; on Teams and SMS the replies leave
 * a few milliseconds later, at the end of the turn, instead of one by one.
 *
 * The held sends are the `next` continuations of onSendActivities, so the activities travel the
 * rest of the pipeline (the adapter's send, expectReplies' buffer) exactly once, unchanged.
 */
import type { Activity, ConversationState, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import { Outbox } from '../bot/Outbox';
import { isImmediate } from '../bot/sendImmediately';
import { isStorageConflict } from './StorageConflictError';

export interface ConflictRetryOptions {
  readonly conversationState: ConversationState;
  readonly logger: Logger;
  /** Called once per turn with what was actually sent (for the transcript log). */
  readonly onSent?: (context: TurnContext, sent: readonly Partial<Activity>[]) => void;
}

type Turn = (context: TurnContext) => Promise<void>;

export function withConflictRetry(turn: Turn, options: ConflictRetryOptions): Turn {
  return async (context) => {
    let held: { activities: Partial<Activity>[]; send: () => Promise<ResourceResponse[]> }[] = [];
    let holding = true;
    let immediateSent = false;
    context.onSendActivities(async (_context, activities, send) => {
      // After the turn (the error handler's apology) sends go straight through.
      if (!holding) return send();
      // Safety advice is never held; a re-run after a conflict does not send it twice.
      if (isImmediate(context)) {
        if (immediateSent) return activities.map(() => ({ id: '' }));
        immediateSent = true;
        return send();
      }
      held.push({ activities, send });
      return activities.map(() => ({ id: '' }));
    });
    const release = async () => {
      holding = false;
      const releasing = held;
      held = [];
      for (const { send } of releasing) await send();
      options.onSent?.(context, releasing.flatMap(({ activities }) => activities));
    };

    try {
      await turn(context);
    } catch (error) {
      if (!isStorageConflict(error)) {
        await release();
        throw error;
      }
      held = [];
      options.logger.info({ channelId: context.activity.channelId, activityType: context.activity.type }, 'conversation state changed during the turn; running it again on the saved state');
      Outbox.for(context).take();
      await options.conversationState.load(context, true);
      try {
        await turn(context);
      } catch (retryError) {
        // A second conflict goes to the turn error handler, which keeps the stored state as it is.
        await release();
        throw retryError;
      }
    }
    await release();
  };
}
