/**
 * The bot's activity routing and the end of every turn. A message goes through the `MessageTurn`
 * pipeline; a patient joining (conversationUpdate, Teams' installationUpdate, or Web Chat's
 * `webchat/join` event) is welcomed once (the chat page's repeated join aside, see `welcome`);
 * other activities (typing, reactions) need no reply, and invokes get the SDK's answer (501).
 * Each returns a TurnOutcome, which ends the same way: rendered (TurnDelivery.prepare), state saved
 * (after the turn, for a turn that escalated: SaveAfterReply), then sent with its events recorded.
 */
import { ActivityHandler, ActivityTypes, DeliveryModes, type ConversationState, type TurnContext } from 'botbuilder';
import { isStorageConflict } from '../storage/StorageConflictError';
import type { TurnAttempt } from '../storage/withConflictRetry';
import type { ClinicReplies } from './ClinicReplies';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { MessageTurn } from './MessageTurn';
import type { SaveAfterReply } from './SaveAfterReply';
import type { ConversationAccessors } from './SessionState';
import type { TurnDelivery } from './TurnDelivery';
import { NOTHING, replying, type TurnOutcome } from './TurnOutcome';

export const WEBCHAT_JOIN_EVENT = 'webchat/join';

export interface BotTurnParts {
  readonly messageTurn: MessageTurn;
  readonly delivery: TurnDelivery;
  readonly conversationState: ConversationState;
  readonly accessors: ConversationAccessors;
  readonly afterReply: Pick<SaveAfterReply, 'start'>;
  readonly replies: ClinicReplies;
  readonly knowledge: () => KnowledgeBase;
}

export class SciaticaBot {
  /** Invokes and activities the bot does not handle get the SDK's default answer. */
  private readonly sdkDefaults = new ActivityHandler();

  constructor(private readonly parts: BotTurnParts) {}

  async run(context: TurnContext, attempt: TurnAttempt = { last: true }): Promise<void> {
    try {
      await this.complete(context, await this.decide(context), attempt);
    } catch (error) {
      // An escalation is remembered even when the turn failed after the advice went out.
      if (!isStorageConflict(error)) this.parts.afterReply.start(context);
      throw error;
    }
  }

  private async decide(context: TurnContext): Promise<TurnOutcome> {
    const { activity } = context;
    switch (activity.type) {
      case ActivityTypes.Message:
        return this.parts.messageTurn.run(context);
      case ActivityTypes.ConversationUpdate:
        return (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id) ? this.welcome(context) : NOTHING;
      // Teams announces a personal install with installationUpdate, and may list only the bot as added.
      case ActivityTypes.InstallationUpdate:
        return activity.action === 'add' || activity.action === 'add-upgrade' ? this.welcome(context) : NOTHING;
      case ActivityTypes.Event:
        return activity.name === WEBCHAT_JOIN_EVENT ? this.welcome(context, activity.deliveryMode === DeliveryModes.ExpectReplies) : NOTHING;
      default:
        await this.sdkDefaults.run(context);
        return NOTHING;
    }
  }

  /**
   * Renders, saves, then sends: a turn that lost a state race and runs again sends nothing, so the
   * patient never sees replies computed from state that was thrown away. Any other failure, or a
   * race lost on the last attempt, still sends what was decided before the error handler apologises.
   */
  private async complete(context: TurnContext, outcome: TurnOutcome, attempt: TurnAttempt): Promise<void> {
    const { delivery, accessors, afterReply, conversationState } = this.parts;
    const session = outcome.replies.length && outcome.forgotten === undefined ? await accessors.session.get(context, {}) : undefined;
    const prepared = delivery.prepare(context.activity.channelId, outcome, session);
    try {
      if (!afterReply.start(context)) await conversationState.saveChanges(context, false);
    } catch (error) {
      if (!isStorageConflict(error) || attempt.last) await delivery.deliver(context, prepared);
      throw error;
    }
    await delivery.deliver(context, prepared);
  }

  /**
   * Once per conversation, whichever of conversationUpdate and webchat/join arrives first. The chat
   * page asks again until the welcome has arrived, and with expectReplies the welcome travels only
   * in the HTTP response, which a reload can lose: so `mayRepeat` repeats it until the patient writes.
   */
  private async welcome(context: TurnContext, mayRepeat = false): Promise<TurnOutcome> {
    const session = await this.parts.accessors.session.get(context, {});
    if (session.welcomed && !(mayRepeat && session.lastMessageAt === undefined)) return NOTHING;
    return replying(...this.parts.replies.welcome(this.parts.knowledge()));
  }
}
