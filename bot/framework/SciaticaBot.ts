/**
 * The seam between the Bot Framework and the bot: activity in, TurnOutcome out, delivered. A
 * message goes through the `MessageTurn` pipeline; a patient joining (conversationUpdate, Teams'
 * installationUpdate, or Web Chat's `webchat/join` event) is welcomed once (the chat page's
 * repeated join aside, see `welcome`); other activities (typing, reactions) need no reply, and
 * invokes get the SDK's answer (501). Every outcome ends the same way: a red flag's advice sent
 * at once, the rest rendered (TurnDelivery.prepare), state saved (after the turn, for a turn that
 * escalated: SaveAfterReply), then sent with its events recorded.
 */
import { type Activity, ActivityHandler, ActivityTypes, type ConversationState, DeliveryModes, type TurnContext } from 'botbuilder';
import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import type { RedFlagDetector } from '../../safety/RedFlagDetector';
import { isStorageConflict } from '../../storage/StorageConflictError';
import type { TurnAttempt } from '../../storage/withConflictRetry';
import type { TurnEventSink } from '../../usage/TurnEvents';
import type { ClinicReplies } from '../ClinicReplies';
import type { MessageTurn } from '../MessageTurn';
import type { PatientMessage } from '../PatientMessage';
import type { SafetyEscalation } from '../SafetyEscalation';
import type { SessionState } from '../SessionState';
import { NOTHING, replying, type TurnOutcome } from '../TurnOutcome';
import { type ConversationAccessors, sessionOf } from './ConversationAccessors';
import { RedFlagCheck } from './RedFlagCheck';
import type { SaveAfterReply, StateChange } from './SaveAfterReply';
import type { TurnDelivery } from './TurnDelivery';

export const WEBCHAT_JOIN_EVENT = 'webchat/join';

export interface BotTurnParts {
  readonly messageTurn: MessageTurn;
  readonly detector: Pick<RedFlagDetector, 'assess'>;
  readonly escalations: Pick<SafetyEscalation, 'remember'>;
  readonly delivery: TurnDelivery;
  readonly conversationState: ConversationState;
  readonly accessors: ConversationAccessors;
  readonly afterReply: Pick<SaveAfterReply, 'start' | 'settledFor'>;
  /** "Forget me" deletes what the usage log kept of the conversation's questions. */
  readonly events: Pick<TurnEventSink, 'forget'>;
  readonly replies: ClinicReplies;
  readonly knowledge: () => KnowledgeBase;
}

export class SciaticaBot {
  /** Invokes and activities the bot does not handle get the SDK's default answer. */
  private readonly sdkDefaults = new ActivityHandler();

  constructor(private readonly parts: BotTurnParts) {}

  async run(context: TurnContext, attempt: TurnAttempt = { last: true }): Promise<void> {
    await this.complete(context, await this.decide(context), attempt);
  }

  private async decide(context: TurnContext): Promise<TurnOutcome> {
    const { activity } = context;
    switch (activity.type) {
      case ActivityTypes.Message: {
        const message = patientMessage(activity);
        // The HTTP layer may have made this check already (the rate limit): it is made once.
        const safety = message.text ? RedFlagCheck.of(context, this.parts.detector, message.text).assessment : undefined;
        return this.parts.messageTurn.run(message, safety, () => this.loadSession(context));
      }
      case ActivityTypes.ConversationUpdate:
        return (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient?.id) ? this.welcome(context) : NOTHING;
      // Teams announces a personal install with installationUpdate, and may list only the bot as added.
      case ActivityTypes.InstallationUpdate:
        return activity.action === 'add' || activity.action === 'add-upgrade' ? this.welcome(context) : NOTHING;
      case ActivityTypes.Event:
        return activity.name === WEBCHAT_JOIN_EVENT
          ? this.welcome(context, activity.deliveryMode === DeliveryModes.ExpectReplies)
          : NOTHING;
      default:
        await this.sdkDefaults.run(context);
        return NOTHING;
    }
  }

  /**
   * Sends a red flag's advice at once, then renders, saves and sends the rest: a turn that lost a
   * state race and runs again sends nothing more, so the patient never sees replies computed from
   * state that was thrown away. Any other failure, or a race lost on the last attempt, still sends
   * what was decided before the error handler apologises.
   */
  private async complete(context: TurnContext, outcome: TurnOutcome, attempt: TurnAttempt): Promise<void> {
    const { delivery, accessors, afterReply, conversationState } = this.parts;
    const { channelId, conversation } = context.activity;
    const afterTheReply: StateChange[] = [];
    if (outcome.escalation) {
      const { advice, trace, escalation } = outcome.escalation;
      await delivery.sendNow(context, [advice], [trace]);
      afterTheReply.push((session) => this.parts.escalations.remember(session, escalation, channelId, conversation.id));
    }
    if (outcome.forgotten !== undefined) {
      await conversationState.delete(context);
      await this.parts.events.forget(channelId, conversation.id);
    }
    const session = outcome.replies.length && outcome.forgotten === undefined ? await accessors.session.get(context, {}) : undefined;
    const prepared = delivery.prepare(channelId, outcome, session);
    try {
      if (!afterReply.start(context, afterTheReply)) await conversationState.saveChanges(context, false);
    } catch (error) {
      if (!isStorageConflict(error) || attempt.last) await delivery.deliver(context, prepared);
      throw error;
    }
    await delivery.deliver(context, prepared);
  }

  /** The next message waits for the escalation record a previous turn may still be saving. */
  private async loadSession(context: TurnContext): Promise<SessionState> {
    await this.parts.afterReply.settledFor(context);
    return sessionOf(context, this.parts.accessors);
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

function patientMessage(activity: Activity): PatientMessage {
  return {
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    text: typeof activity.text === 'string' ? activity.text : '',
    value: activity.value,
  };
}
