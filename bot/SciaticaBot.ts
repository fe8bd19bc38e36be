/**
 * The bot's activity routing: messages go through the `MessageTurn` pipeline; a patient joining
 * (conversationUpdate, Teams' installationUpdate, or Web Chat's `webchat/join` event) is welcomed
 * once (the chat page's repeated join aside, see `welcome`); other activities
 * (typing, installationUpdate, reactions) need no reply, and unknown invokes get the 501 that
 * ActivityHandler answers by default. State is saved at the end of every turn (after it, for a
 * turn that escalated: SaveAfterReply), and then the turn's events go to the usage sink.
 */
import { ActivityHandler, DeliveryModes, type ConversationState, type TurnContext } from 'botbuilder';
import { isStorageConflict } from '../storage/StorageConflictError';
import { MessageTurn, type MessageTurnServices } from './MessageTurn';
import { deliverReplies } from './TurnDelivery';
import { TurnEventLog } from './TurnEvents';

export const WEBCHAT_JOIN_EVENT = 'webchat/join';

export class SciaticaBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly messageTurn: MessageTurn;

  constructor(private readonly services: MessageTurnServices) {
    super();
    this.conversationState = services.conversationState;
    this.messageTurn = new MessageTurn(services);

    this.onMessage(async (context, next) => {
      await this.messageTurn.run(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id);
      if (joined) await this.welcome(context);
      await next();
    });
    // Teams announces a personal install with installationUpdate, and may list only the bot as added.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === WEBCHAT_JOIN_EVENT) await this.welcome(context, context.activity.deliveryMode === DeliveryModes.ExpectReplies);
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
      if (!this.services.afterReply.start(context)) await this.conversationState.saveChanges(context, false);
    } catch (error) {
      // This attempt lost a state race and will be run again (withConflictRetry): the re-run counts.
      if (isStorageConflict(error)) TurnEventLog.for(context).take();
      // An escalation is remembered even when the turn failed after the advice went out.
      else this.services.afterReply.start(context);
      throw error;
    } finally {
      const { channelId, conversation } = context.activity;
      for (const event of TurnEventLog.for(context).take()) this.services.events.record(event, channelId, conversation.id);
    }
  }

  /**
   * Once per conversation, whichever of conversationUpdate and webchat/join arrives first. The chat
   * page asks again until the welcome has arrived, and with expectReplies the welcome travels only
   * in the HTTP response, which a reload can lose: so `mayRepeat` repeats it until the patient writes.
   */
  private async welcome(context: TurnContext, mayRepeat = false): Promise<void> {
    const session = await this.services.accessors.session.get(context, {});
    if (session.welcomed && !(mayRepeat && session.lastMessageAt === undefined)) return;
    await deliverReplies(context, this.services.replies.welcome(this.services.knowledge()), session, this.messageTurn.deliveryWording());
  }
}
