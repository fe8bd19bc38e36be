/**
 * The conversation's state as the Bot Framework keeps it: properties of ConversationState, read
 * and written through the turn's context. Only the seam (SciaticaBot, SaveAfterReply, the error
 * handler) uses them; the turn's logic gets the SessionState itself.
 */
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ScreeningProgress, SessionState } from '../SessionState';

/**
 * `legacyDialogState` is where
 * botbuilder-dialogs kept a running screening before it became session state: read once, so a
 * screening in progress when this version is deployed carries on (drop it once stored state from
 * before 2026-12 has expired).
 */
export interface ConversationAccessors {
  readonly session: StatePropertyAccessor<SessionState>;
  readonly legacyDialogState: StatePropertyAccessor<LegacyDialogState | undefined>;
}

interface LegacyDialogState {
  readonly dialogStack?: readonly { readonly id: string; readonly state?: { readonly progress?: ScreeningProgress } }[];
}

export function createAccessors(conversationState: ConversationState): ConversationAccessors {
  return {
    session: conversationState.createProperty<SessionState>('session'),
    legacyDialogState: conversationState.createProperty<LegacyDialogState | undefined>('dialogState'),
  };
}

/** The turn's session, with a screening left in the old dialog stack moved into it. */
export async function sessionOf(context: TurnContext, accessors: ConversationAccessors): Promise<SessionState> {
  const session = await accessors.session.get(context, {});
  const legacy = await accessors.legacyDialogState.get(context);
  if (legacy) {
    const screening = legacy.dialogStack?.find((dialog) => dialog.id === 'screening')?.state?.progress;
    if (screening && !session.screening) session.screening = screening;
    await accessors.legacyDialogState.delete(context);
  }
  return session;
}
