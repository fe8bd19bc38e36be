/**
 * One patient message, in the order the product promises:
 *   1. red-flag check on the full text, before state is loaded or anything can drop the message;
 *   2. load the conversation's state;
 *   3. an answer to a pending clarifying question;
 *   4. the active dialog (the screening), which handles its own cancel and help;
 *   5. a tap or a numbered choice, then commands, small talk, booking, and the FAQ;
 *   6. the outcome rendered under the session policy for the channel (TurnDelivery.prepare);
 *   7. state saved, then the replies sent and the events recorded (TurnDelivery.deliver). Safety
 *      advice left at once, at stage 1, 3 or 4; its record is saved after the turn (SaveAfterReply).
 * Stages 1-5 are here and return a TurnOutcome; SciaticaBot runs 6 and 7.
 */
import type { TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogSet } from 'botbuilder-dialogs';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Tap } from '../channels/Reply';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { RedFlagDetector } from '../safety/RedFlagDetector';
import { carriesRisk } from '../safety/SafetyAssessment';
import type { ClinicReplies } from './ClinicReplies';
import type { CommandResponder } from './CommandResponder';
import type { ConversationWording } from './ConversationWording';
import { withoutSalesPitch } from './EscalationPolicy';
import type { FaqResponder } from './FaqResponder';
import type { Intent, IntentRouter } from './IntentRouter';
import { recogniseYesNo } from './recogniseYesNo';
import { RedFlagCheck } from './RedFlagCheck';
import { readTap } from './readTap';
import type { SafetyEscalation } from './SafetyEscalation';
import type { SaveAfterReply } from './SaveAfterReply';
import type { Screening } from './Screening';
import { notePatientMessage, type ConversationAccessors, type SessionState } from './SessionState';
import { combine, outcome, replying, type TurnOutcome } from './TurnOutcome';

export interface MessageTurnParts {
  readonly accessors: ConversationAccessors;
  /** The next message waits for the escalation record a previous turn is still saving. */
  readonly afterReply: Pick<SaveAfterReply, 'settledFor'>;
  readonly dialogs: DialogSet;
  readonly screening: Screening;
  readonly detector: Pick<RedFlagDetector, 'assess'>;
  readonly escalations: Pick<SafetyEscalation, 'escalate' | 'fromClarification'>;
  readonly router: IntentRouter;
  readonly commands: CommandResponder;
  readonly faq: FaqResponder;
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  readonly knowledge: () => KnowledgeBase;
  /** SMS_IDLE_HOURS: after this long a silent SMS patient is greeted as new. */
  readonly smsIdleHours: number;
}

export class MessageTurn {
  constructor(private readonly parts: MessageTurnParts) {}

  /** What this message gets; safety advice has already gone out when the outcome returns. */
  async run(context: TurnContext): Promise<TurnOutcome> {
    const { activity } = context;
    const text = typeof activity.text === 'string' ? activity.text : '';
    const safety = text ? RedFlagCheck.of(context, this.parts.detector, text).assessment : undefined;
    if (safety?.kind === 'escalate') return this.parts.escalations.escalate(context, safety);

    await this.parts.afterReply.settledFor(context);
    const session = await this.parts.accessors.session.get(context, {});
    await this.greetAsNewAfterSilence(context, session);
    const started = outcome({ events: notePatientMessage(session) ? [{ kind: 'conversationStarted' }] : [] });
    const dc = await this.parts.dialogs.createContext(context);

    let decided: TurnOutcome;
    if (safety?.kind === 'clarify') {
      session.pendingClarification = safety.ruleId;
      decided = replying({ text: safety.question, purpose: 'prompt', choices: this.parts.replies.yesNoChoices() });
    } else if (session.pendingClarification) {
      decided = await this.answerClarification(context, session, dc, text);
    } else {
      decided = (await this.continueDialog(dc)) ?? (await this.respond(context, session, dc, text));
    }
    const replies = safety && carriesRisk(safety) ? withoutSalesPitch(decided.replies) : decided.replies;
    return combine(started, { ...decided, replies });
  }

  /** A yes or "not sure" to a clarifying question is the red flag it asked about. */
  private async answerClarification(context: TurnContext, session: SessionState, dc: DialogContext, text: string): Promise<TurnOutcome> {
    const ruleId = session.pendingClarification as string;
    session.pendingClarification = undefined;
    const tap = readTap(context.activity.value);
    const answer = tap && 'answer' in tap ? tap.answer : recogniseYesNo(text);
    if (answer === 'yes' || answer === 'unsure') return this.parts.escalations.escalate(context, this.parts.escalations.fromClarification(ruleId));
    if (answer !== 'no') return this.respond(context, session, dc, text);
    if (dc.activeDialog) return this.parts.screening.askAgain(dc);
    return replying(this.parts.replies.topics(this.parts.wording.askAway, this.parts.knowledge()));
  }

  /** The active dialog's outcome, or undefined when there is none or it handed the message back. */
  private async continueDialog(dc: DialogContext): Promise<TurnOutcome | undefined> {
    if (!dc.activeDialog) return undefined;
    const result = await dc.continueDialog();
    return result.status === DialogTurnStatus.empty ? undefined : (result.result as TurnOutcome | undefined) ?? replying();
  }

  private async respond(context: TurnContext, session: SessionState, dc: DialogContext, text: string): Promise<TurnOutcome> {
    const channelId = context.activity.channelId;
    const tap = readTap(context.activity.value) ?? this.numberedChoice(session, text);
    if (tap && 'entryId' in tap) return this.parts.faq.answerEntry(channelId, session, tap.entryId, text);
    if (tap && 'command' in tap) return this.parts.commands.run(context, dc, session, tap.command);
    // A yes / no tap with no question waiting (an old button) is read as the words on it.
    const intent = this.parts.router.route(text, capabilitiesFor(channelId).carrierOptOutWords);
    // The whole text: the FAQ finds the question in it before applying the length cap (MAX_TEXT_LENGTH).
    return this.handleIntent(context, session, dc, intent, text);
  }

  private async handleIntent(context: TurnContext, session: SessionState, dc: DialogContext, intent: Intent, text: string): Promise<TurnOutcome> {
    const { replies, wording } = this.parts;
    const kb = this.parts.knowledge();
    switch (intent.kind) {
      case 'carrierOptOut':
        return replying(); // The carrier has handled it; any reply would be blocked or unwelcome.
      case 'smallTalk':
        return replying(replies.text(intent.topic.reply));
      case 'spanish':
        return replying(replies.otherLanguage());
      case 'booking':
        return replying(replies.booking(context.activity.channelId));
      case 'command':
        return this.parts.commands.run(context, dc, session, intent.command);
      case 'question':
        if (!text.trim()) return replying(replies.topics(wording.askAway, kb));
        return this.parts.faq.answerQuestion(context.activity.channelId, session, kb, text);
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
    if (silentHours < this.parts.smsIdleHours) return;
    session.welcomed = false;
    session.lastMessageAt = undefined;
    session.numberedChoices = undefined;
    session.more = undefined;
    session.pendingClarification = undefined;
    await this.parts.accessors.dialogState.delete(context);
  }
}
