/**
 * Runs a turn so that losing an eTag race costs nothing: if saving the conversation state fails
 * because another turn (another message of the same patient, perhaps on another instance) saved
 * first, the state is read again and the turn runs once more on it. A second loss goes to the
 * adapter's error handler, which keeps the stored state as it is.
 *
 * Replies must not go out twice, and the patient must not see replies computed from state that was
 * thrown away. The turn sees to that (bot/framework/SciaticaBot): it sends only once its state is saved, and a
 * run that lost the race sends nothing unless `attempt.last` says no other run will follow.
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import { turnLogger } from '../config/requestContext';
import { isStorageConflict } from './StorageConflictError';

export interface ConflictRetryOptions {
  readonly conversationState: ConversationState;
  readonly logger: Logger;
}

/** Which run of the turn this is: the last one sends its replies even if it loses the race too. */
export interface TurnAttempt {
  readonly last: boolean;
}

type Turn = (context: TurnContext, attempt: TurnAttempt) => Promise<void>;

export function withConflictRetry(turn: Turn, options: ConflictRetryOptions): (context: TurnContext) => Promise<void> {
  return async (context) => {
    try {
      await turn(context, { last: false });
    } catch (error) {
      if (!isStorageConflict(error)) throw error;
      turnLogger(options.logger, context).info(
        { channelId: context.activity.channelId, activityType: context.activity.type },
        'conversation state changed during the turn; running it again on the saved state',
      );
      await options.conversationState.load(context, true);
      await turn(context, { last: true });
    }
  };
}
