/**
 * One patient message, in the order the product promises:
 *   1. red-flag check on the full text, before state is loaded or anything can drop the message;
 *   2. load the conversation's state;
 *   3. an answer to a pending clarifying question;
 *   4. the active dialog (the screening), which handles its own cancel and help;
 *   5. a tap or a numbered choice, then commands, small talk, booking, and the FAQ;
 *   6. delivery: session policy, then the channel renderer;
 *   7. save state.
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogSet } from 'botbuilder-dialogs';
import type { BotConfig } from '../config/BotConfig';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Tap } from '../channels/Reply';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { RedFlagDetector } from '../safety/RedFlagDetector';
import { recogniseYesNo } from '../dialogs/recogniseYesNo';
import { SCREENING_DIALOG } from '../dialogs/ScreeningDialog';
import type { ClinicReplies } from './ClinicReplies';
import type { ConversationWording } from './ConversationWording';
import type { SafetyEscalation } from './SafetyEscalation';
import { FAQ_MATCH, trace } from './Traces';
import type { Intent, IntentRouter } from './IntentRouter';
import { Outbox } from './Outbox';
import type { ConversationAccessors, SessionState } from './SessionState';
import { deliverReplies } from './TurnDelivery';
import type { TurnEventSink } from './TurnEvents';

export interface MessageTurnServices {
  readonly config: BotConfig;
  readonly conversationState: ConversationState;
  readonly accessors: ConversationAccessors;
  readonly dialogs: DialogSet;
  readonly detector: RedFlagDetector;
  readonly escalations: SafetyEscalation;
  readonly knowledge: () => KnowledgeBase;
  readonly router: IntentRouter;
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  readonly events: TurnEventSink;
}

export class MessageTurn {
  constructor(private readonly services: MessageTurnServices) {}

  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const text = typeof activity.text === 'string' ? activity.text : '';
    const safety = text ? this.services.detector.assess(text) : undefined;
    if (safety?.kind === 'escalate') return this.services.escalations.escalate(context, safety);

    const session = await this.services.accessors.session.get(context, {});
    this.greetAsNewAfterSilence(context, session);
    if (!session.welcomed) this.services.events.record({ kind: 'conversationStarted' }, activity.channelId);
    session.lastMessageAt = new Date().toISOString();
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

    await deliverReplies(context, outbox.take(), session, this.deliveryWording());
  }

  /** A yes or "not sure" to a clarifying question is the red flag it asked about; true once escalated. */
  private async answerClarification(context: TurnContext, session: SessionState, dc: DialogContext, text: string): Promise<boolean> {
    const ruleId = session.pendingClarification as string;
    session.pendingClarification = undefined;
    const answer = recogniseYesNo(text);
    if (answer === 'yes' || answer === 'unsure') {
      await this.services.escalations.escalate(context, this.services.escalations.fromClarification(ruleId));
      return true;
    }
    if (answer === 'no') Outbox.for(context).add(this.services.replies.topics(this.services.wording.askAway, this.services.knowledge()));
    else await this.respond(context, session, dc, text);
    return false;
  }

  private async continueDialog(dc: DialogContext): Promise<boolean> {
    if (!dc.activeDialog) return false;
    const result = await dc.continueDialog();
    return result.status !== DialogTurnStatus.empty;
  }

  private async respond(context: TurnContext, session: SessionState, dc: DialogContext, text: string): Promise<void> {
    const tap = readTap(context.activity.value) ?? this.numberedChoice(session, text);
    if (tap && 'entryId' in tap) return this.answerEntry(context, tap.entryId);
    const said = tap ? tap.say : text;
    const caps = capabilitiesFor(context.activity.channelId);
    const intent = this.services.router.route(said, caps.carrierOptOutWords);
    await this.handleIntent(context, dc, intent, said.slice(0, this.services.config.maxTextLength));
  }

  private async handleIntent(context: TurnContext, dc: DialogContext, intent: Intent, text: string): Promise<void> {
    const { replies, wording } = this.services;
    const outbox = Outbox.for(context);
    const kb = this.services.knowledge();
    switch (intent.kind) {
      case 'carrierOptOut':
        return; // The carrier has handled it; any reply would be blocked or unwelcome.
      case 'smallTalk':
        return outbox.add(replies.text(intent.topic.reply));
      case 'booking':
        this.services.events.record({ kind: 'bookingOffered' }, context.activity.channelId);
        return outbox.add(replies.booking(context.activity.channelId));
      case 'command':
        return this.runCommand(context, dc, intent.command);
      case 'question':
        if (!text.trim()) return outbox.add(replies.topics(wording.askAway, kb));
        return this.answerQuestion(context, kb, text);
    }
  }

  private async runCommand(context: TurnContext, dc: DialogContext, command: Extract<Intent, { kind: 'command' }>['command']): Promise<void> {
    const { replies, wording } = this.services;
    const outbox = Outbox.for(context);
    const kb = this.services.knowledge();
    const caps = capabilitiesFor(context.activity.channelId);
    switch (command) {
      case 'checkSymptoms':
        this.services.events.record({ kind: 'screeningStarted' }, context.activity.channelId);
        await dc.beginDialog(SCREENING_DIALOG);
        return;
      case 'help':
        return outbox.add(replies.text(caps.carrierOptOutWords ? wording.smsHelp : wording.help));
      case 'menu':
        // On SMS the carrier may answer HELP itself, so MENU is where the bot's own help is found.
        if (caps.carrierOptOutWords) outbox.add(replies.text(wording.smsHelp));
        return outbox.add(replies.topics(wording.askAway, kb));
      case 'more': {
        const { more } = await this.services.accessors.session.get(context, {});
        return outbox.add(...(more?.length ? more : [replies.topics(wording.askAway, kb)]));
      }
      case 'cancel':
        return outbox.add(replies.text(wording.cancelled));
      case 'startOver':
        return outbox.add(replies.text(wording.startedOver), replies.topics(wording.askAway, kb));
      case 'privacy':
        return outbox.add(replies.text(wording.privacy));
      case 'noneOfThese':
        return outbox.add(replies.text(wording.noneOfTheseReply));
      case 'forgetMe':
        await this.services.conversationState.delete(context);
        // Deleting cleared the cached state too; the confirmation is sent without reading it again.
        await context.sendActivity({ type: 'message', text: replies.say(wording.forgotten) });
        return;
    }
  }

  private async answerQuestion(context: TurnContext, kb: KnowledgeBase, text: string): Promise<void> {
    const { replies } = this.services;
    const channelId = context.activity.channelId;
    const decision = kb.decide(text);
    const outbox = Outbox.for(context);
    await context.sendActivity(trace(FAQ_MATCH, { query: text, answerId: decision.kind === 'answer' ? decision.entry.id : null, candidates: decision.candidates }));
    if (decision.kind === 'answer') {
      this.services.events.record({ kind: 'answered', entryId: decision.entry.id }, channelId);
      return outbox.add(...replies.answer(decision.entry, kb, channelId));
    }
    this.services.events.record({ kind: 'unanswered', outcome: decision.kind, text, closestEntryId: decision.candidates[0]?.id }, channelId);
    if (decision.kind === 'didYouMean') return outbox.add(replies.didYouMean(decision.suggestions));
    this.services.events.record({ kind: 'bookingOffered' }, channelId);
    outbox.add(...replies.noAnswer(kb, channelId));
  }

  private async answerEntry(context: TurnContext, entryId: string): Promise<void> {
    const kb = this.services.knowledge();
    const entry = kb.entry(entryId);
    const channelId = context.activity.channelId;
    if (!entry) return Outbox.for(context).add(this.services.replies.topics(this.services.wording.noAnswer, kb));
    await context.sendActivity(trace(FAQ_MATCH, { query: context.activity.text ?? '', answerId: entry.id, candidates: [{ id: entry.id, score: 1 }] }));
    this.services.events.record({ kind: 'answered', entryId: entry.id }, channelId);
    Outbox.for(context).add(...this.services.replies.answer(entry, kb, channelId));
  }

  /** On plain-text channels a lone number picks from the list offered last. */
  private numberedChoice(session: SessionState, text: string): Tap | undefined {
    const match = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
    return match ? session.numberedChoices?.[Number(match[1]) - 1]?.tap : undefined;
  }

  /** SMS conversations never end: after a long silence the patient is greeted as new. */
  private greetAsNewAfterSilence(context: TurnContext, session: SessionState): void {
    if (capabilitiesFor(context.activity.channelId).sendsConversationUpdate || !session.lastMessageAt) return;
    const silentHours = (Date.now() - Date.parse(session.lastMessageAt)) / 3_600_000;
    if (silentHours < this.services.config.smsIdleHours) return;
    session.welcomed = false;
    session.numberedChoices = undefined;
    session.more = undefined;
    session.pendingClarification = undefined;
    void this.services.accessors.dialogState.delete(context);
  }

  private deliveryWording() {
    return {
      introduction: this.services.replies.introduction(),
      reminderFor: (session: SessionState) => this.services.escalations.reminder(session),
    };
  }
}

/** A tap carries `{ entryId }` in the activity's value (messageBack); anything else is ignored. */
function readTap(value: unknown): Tap | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entryId = (value as { entryId?: unknown }).entryId;
  return typeof entryId === 'string' && entryId.length <= 100 ? { entryId } : undefined;
}
