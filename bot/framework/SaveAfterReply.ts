/**
 * State changes that must not hold back the reply they follow. With expectReplies (the web chat
 * page, the Emulator) the replies travel in the HTTP response, which goes out only when the turn
 * has ended, state read and save included: a slow store would hold safety advice back with them.
 * A change started here is left out of the turn: the turn ends without touching storage, and
 * the change is applied and saved after it, on a context of its own (the adapter revokes the
 * turn's context when the turn ends) that keeps the state the turn had loaded, if any. A save
 * that loses an eTag race is applied again once on fresh state; a failure is logged. The same
 * conversation's next message waits for it before reading state (settledFor), or it would read
 * the state from before the escalation and, for a conversation stored for the first time, write
 * over the record (a key read as missing is written unconditionally).
 */
import { type ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from '../../config/logger';
import { turnLogger } from '../../config/requestContext';
import { isStorageConflict } from '../../storage/StorageConflictError';
import type { SessionState } from '../SessionState';
import { type ConversationAccessors, sessionOf } from './ConversationAccessors';

export type StateChange = (session: SessionState) => void;

export class SaveAfterReply {
  /** By conversation: one after another, so two of them never race each other. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly conversationState: ConversationState,
    private readonly accessors: ConversationAccessors,
    private readonly logger: Logger,
  ) {}

  /** Called as the turn ends: starts `changes` and says whether there were any (then the turn does not save). */
  start(context: TurnContext, changes: readonly StateChange[]): boolean {
    if (!changes.length) return false;
    const after = new TurnContext(context);
    for (const [key, value] of context.turnState) after.turnState.set(key, value);
    const conversation = conversationOf(context);
    const run: Promise<void> = (this.pending.get(conversation) ?? Promise.resolve())
      .then(() => this.apply(after, changes))
      .catch((error: unknown) =>
        turnLogger(this.logger, after).error(
          { err: error, channelId: after.activity.channelId },
          'could not save conversation state after the reply',
        ),
      )
      .finally(() => {
        if (this.pending.get(conversation) === run) this.pending.delete(conversation);
      });
    this.pending.set(conversation, run);
    return true;
  }

  /** Resolves once this turn's conversation has nothing left to save from earlier turns (never rejects). */
  async settledFor(context: TurnContext): Promise<void> {
    await this.pending.get(conversationOf(context));
  }

  /** Resolves when every change started so far has been saved or has failed (for shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending.values()]);
  }

  private async apply(context: TurnContext, changes: readonly StateChange[]): Promise<void> {
    await this.change(context, changes);
    try {
      await this.conversationState.saveChanges(context, false);
    } catch (error) {
      if (!isStorageConflict(error)) throw error;
      await this.conversationState.load(context, true);
      await this.change(context, changes);
      await this.conversationState.saveChanges(context, false);
    }
  }

  private async change(context: TurnContext, changes: readonly StateChange[]): Promise<void> {
    const session = await sessionOf(context, this.accessors);
    for (const change of changes) change(session);
  }
}

function conversationOf(context: TurnContext): string {
  return `${context.activity.channelId}\n${context.activity.conversation.id}`;
}
