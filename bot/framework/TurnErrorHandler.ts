/**
 * The one error boundary of a turn: log the error once (never the patient's words), apologise, and
 * end a running screening so the next message starts clean. The escalation record is kept apart
 * from the screening and survives, and a storage conflict (another instance saved first) leaves the stored
 * conversation alone rather than overwrite a newer state.
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from '../../config/logger';
import { turnLogger } from '../../config/requestContext';
import { isStorageConflict } from '../../storage/StorageConflictError';
import { type ConversationAccessors, sessionOf } from './ConversationAccessors';

export function createTurnErrorHandler(deps: {
  logger: Logger;
  conversationState: ConversationState;
  accessors: ConversationAccessors;
  apology: string;
}): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const { activity } = context;
    const logger = turnLogger(deps.logger, context);
    logger.error({ err: error, channelId: activity.channelId, activityType: activity.type }, 'turn failed');
    if (activity.type !== 'message') return;
    try {
      await context.sendActivity({ type: 'message', text: deps.apology });
      if (isStorageConflict(error)) return;
      (await sessionOf(context, deps.accessors)).screening = undefined;
      await deps.conversationState.saveChanges(context, false);
    } catch (recoveryError) {
      logger.error({ err: recoveryError }, 'could not recover from a failed turn');
    }
  };
}
