/**
 * One patient message, in the order the product promises:
 *   1. red-flag check on the full text, before state is loaded or anything can drop the message;
 *   2. load the conversation's state;
 *   3. an answer to a pending clarifying question;
 *   4. the active dialog (the screening), which handles its own cancel and help;
 *   5. a tap or a numbered choice, then commands, small talk, booking, and the FAQ;
 *   6. delivery: session policy, then the channel renderer;
 *   7. save state (after the reply has gone, on a turn that escalated: SaveAfterReply).
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogSet } from 'botbuilder-dialogs';
import type { BotConfig } from '../config/BotConfig';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Tap } from '../channels/Reply';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { RedFlagDetector } from '../safety/RedFlagDetector';
import { carriesRisk } from '../safety/SafetyAssessment';
import { withoutSalesPitch } from './EscalationPolicy';
import { recogniseYesNo } from '../dialogs/recogniseYesNo';
import type { ClinicReplies } from './ClinicReplies';
import { CommandResponder } from './CommandResponder';
import type { ConversationWording } from './ConversationWording';
import { FaqResponder } from './FaqResponder';
import type { SafetyEscalation } from './SafetyEscalation';
import type { SaveAfterReply } from './SaveAfterReply';
import type { Intent, IntentRouter } from './IntentRouter';
import { Outbox } from './Outbox';
import { RedFlagCheck } from './RedFlagCheck';
import { readTap } from './readTap';
import { notePatientMessage, type ConversationAccessors, type SessionState } from './SessionState';
import { deliverReplies, type DeliveryWording } from './TurnDelivery';
import { TurnEventLog, type TurnEventSink } from './TurnEvents';

export interface MessageTurnServices {
  readonly config: BotConfig;
  readonly conversationState: ConversationState;
  readonly accessors: ConversationAccessors;
  /** State changes saved after the turn's replies have gone (the escalation record). */
  readonly afterReply: SaveAfterReply;
  readonly dialogs: DialogSet;
  readonly detector: RedFlagDetector;
  readonly escalations: SafetyEscalation;
  readonly knowledge: () => KnowledgeBase;
  readonly router: IntentRouter;
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  /** Where a turn's events go once it has ended (SciaticaBot.run); handlers add them to TurnEventLog. */
  readonly events: TurnEventSink;
}

export class MessageTurn {
  private readonly commands: CommandResponder;
  private readonly faq: FaqResponder;

  constructor(private readonly services: MessageTurnServices) {
    this.commands = new CommandResponder(services);
    this.faq = new FaqResponder(services);
  }

  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const text = typeof activity.text === 'string' ? activity.text : '';
    const safety = text ? RedFlagCheck.of(context, this.services.detector, text).assessment : undefined;
    if (safety?.kind === 'escalate') return this.services.escalations.escalate(context, safety);

    await this.services.afterReply.settledFor(context);
    const session = await this.services.accessors.session.get(context, {});
    await this.greetAsNewAfterSilence(context, session);
    if (notePatientMessage(session)) TurnEventLog.for(context).add({ kind: 'conversationStarted' });
    const outbox = Outbox.for(context);
    const dc = await this.services.dialogs.createContext(context);

    if (safety?.kind === 'clarify') {
      session.pendingClarification = safety.ruleId;
      outbox.add({ text: safety.question, purpose: 'prompt', choices: this.services.replies.yesNoChoices() });
    } else if (session.pendingClarification) {
      if (await this.answerClarification(context, session, dc, text)) return;
    } else if (!(await this.continueDialog(dc))) {
      await this.respond(context, session, dc, text);
    }

    const replies = safety && carriesRisk(safety) ? withoutSalesPitch(outbox.take()) : outbox.take();
    await deliverReplies(context, replies, session, this.deliveryWording());
  }

  /** A yes or "not sure" to a clarifying question is the red flag it asked about; true once escalated. */
  private async answerClarification(context: TurnContext, session: SessionState, dc: DialogContext, text: string): Promise<boolean> {
    const ruleId = session.pendingClarification as string;
    session.pendingClarification = undefined;
    const tap = readTap(context.activity.value);
    const answer = tap && 'answer' in tap ? tap.answer : recogniseYesNo(text);
    if (answer === 'yes' || answer === 'unsure') {
      await this.services.escalations.escalate(context, this.services.escalations.fromClarification(ruleId));
      return true;
    }
    if (answer !== 'no') await this.respond(context, session, dc, text);
    else if (dc.activeDialog) await dc.repromptDialog();
    else Outbox.for(context).add(this.services.replies.topics(this.services.wording.askAway, this.services.knowledge()));
    return false;
  }

  private async continueDialog(dc: DialogContext): Promise<boolean> {
    if (!dc.activeDialog) return false;
    const result = await dc.continueDialog();
    return result.status !== DialogTurnStatus.empty;
  }

  private async respond(context: TurnContext, session: SessionState, dc: DialogContext, text: string): Promise<void> {
    const tap = readTap(context.activity.value) ?? this.numberedChoice(session, text);
    if (tap && 'entryId' in tap) return this.faq.answerEntry(context, session, tap.entryId);
    if (tap && 'command' in tap) return this.commands.run(context, dc, tap.command);
    // A yes / no tap with no question waiting (an old button) is read as the words on it.
    const caps = capabilitiesFor(context.activity.channelId);
    const intent = this.services.router.route(text, caps.carrierOptOutWords);
    // The whole text: the FAQ finds the question in it before applying the length cap (MAX_TEXT_LENGTH).
    await this.handleIntent(context, session, dc, intent, text);
  }

  private async handleIntent(context: TurnContext, session: SessionState, dc: DialogContext, intent: Intent, text: string): Promise<void> {
    const { replies, wording } = this.services;
    const outbox = Outbox.for(context);
    const kb = this.services.knowledge();
    switch (intent.kind) {
      case 'carrierOptOut':
        return; // The carrier has handled it; any reply would be blocked or unwelcome.
      case 'smallTalk':
        return outbox.add(replies.text(intent.topic.reply));
      case 'spanish':
        return outbox.add(replies.otherLanguage());
      case 'booking':
        return outbox.add(replies.booking(context.activity.channelId));
      case 'command':
        return this.commands.run(context, dc, intent.command);
      case 'question':
        if (!text.trim()) return outbox.add(replies.topics(wording.askAway, kb));
        return this.faq.answerQuestion(context, session, kb, text);
    }
  }

  /** On plain-text channels a lone number picks from the list offered last. */
  private numberedChoice(session: SessionState, text: string): Tap | undefined {
    const match = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
    return match ? session.numberedChoices?.[Number(match[1]) - 1]?.tap : undefined;
  }

  /** SMS conversations never end: after a long silence the patient is greeted (and counted) as new. */
  private async greetAsNewAfterSilence(context: TurnContext, session: SessionState): Promise<void> {
    if (capabilitiesFor(context.activity.channelId).sendsConversationUpdate || !session.lastMessageAt) return;
    const silentHours = (Date.now() - Date.parse(session.lastMessageAt)) / 3_600_000;
    if (silentHours < this.services.config.smsIdleHours) return;
    session.welcomed = false;
    session.lastMessageAt = undefined;
    session.numberedChoices = undefined;
    session.more = undefined;
    session.pendingClarification = undefined;
    await this.services.accessors.dialogState.delete(context);
  }

  /** What delivery adds to a turn's replies: the SMS introduction and the after-escalation reminder. */
  deliveryWording(): DeliveryWording {
    return {
      introduction: this.services.replies.introduction(),
      reminderFor: (session: SessionState) => this.services.escalations.reminder(session),
      practiceDetails: this.services.replies.say(this.services.wording.bookingDetails),
    };
  }
}

