/**
 * One patient message, in the order the product promises:
 *   1. red-flag check on the full text, before state is loaded or anything can drop the message;
 *   2. load the conversation's state (SciaticaBot reads it for the turn);
 *   3. an answer to a pending clarifying question;
 *   4. the running screening, which handles its own cancel and help;
 *   5. a tap or a numbered choice, then commands, small talk, booking, and the FAQ;
 *   6. the outcome rendered under the session policy for the channel (TurnDelivery.prepare);
 *   7. state saved, then the replies sent and the events recorded (TurnDelivery.deliver). A red
 *      flag's advice (stage 1, 3 or 4) is sent the moment the outcome returns, before anything is
 *      saved; the session's record of it is saved after the turn (SaveAfterReply).
 * Stages 1-5 are here, free of the Bot Framework: a PatientMessage and the session in, a
 * TurnOutcome out. SciaticaBot, the seam to the SDK, runs 6 and 7.
 */
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Tap } from '../channels/Reply';
import type { KnowledgeBase } from '../faq/KnowledgeBase';
import { carriesRisk, type SafetyAssessment } from '../safety/SafetyAssessment';
import type { ClinicReplies } from './ClinicReplies';
import type { CommandResponder } from './CommandResponder';
import type { ConversationWording } from './ConversationWording';
import { withoutSalesPitch } from './EscalationPolicy';
import type { FaqResponder } from './FaqResponder';
import type { Intent, IntentRouter } from './IntentRouter';
import type { PatientMessage } from './PatientMessage';
import { readTap } from './readTap';
import type { SafetyEscalation } from './SafetyEscalation';
import type { Screening } from './Screening';
import { notePatientMessage, type SessionState } from './SessionState';
import { combine, outcome, replying, type TurnOutcome } from './TurnOutcome';
import type { YesNoRecogniser } from './YesNoRecogniser';

export interface MessageTurnParts {
  readonly screening: Screening;
  readonly escalations: Pick<SafetyEscalation, 'escalate' | 'fromClarification'>;
  readonly router: IntentRouter;
  readonly yesNo: YesNoRecogniser;
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

  /**
   * What this message gets. `safety` is the red-flag check of its text (undefined without text);
   * `loadSession` reads the conversation's state, which a red flag never waits for.
   */
  async run(message: PatientMessage, safety: SafetyAssessment | undefined, loadSession: () => Promise<SessionState>): Promise<TurnOutcome> {
    if (safety?.kind === 'escalate') return this.parts.escalations.escalate(safety);

    const session = await loadSession();
    this.greetAsNewAfterSilence(message.channelId, session);
    const started = outcome({ events: notePatientMessage(session) ? [{ kind: 'conversationStarted' }] : [] });

    let decided: TurnOutcome;
    if (safety?.kind === 'clarify') {
      session.pendingClarification = safety.ruleId;
      decided = replying({ text: safety.question, purpose: 'prompt', choices: this.parts.replies.yesNoChoices() });
    } else if (session.pendingClarification) {
      decided = this.answerClarification(message, session);
    } else {
      decided = this.parts.screening.continue(session, message) ?? this.respond(message, session);
    }
    const replies = safety && carriesRisk(safety) ? withoutSalesPitch(decided.replies) : decided.replies;
    return combine(started, { ...decided, replies });
  }

  /** A yes or "not sure" to a clarifying question is the red flag it asked about. */
  private answerClarification(message: PatientMessage, session: SessionState): TurnOutcome {
    const ruleId = session.pendingClarification as string;
    session.pendingClarification = undefined;
    const tap = readTap(message.value);
    const answer = tap && 'answer' in tap ? tap.answer : this.parts.yesNo.recognise(message.text);
    if (answer === 'yes' || answer === 'unsure') return this.parts.escalations.escalate(this.parts.escalations.fromClarification(ruleId));
    if (answer !== 'no') return this.respond(message, session);
    if (session.screening) return this.parts.screening.askAgain(session);
    return replying(this.parts.replies.topics(this.parts.wording.askAway, this.parts.knowledge()));
  }

  private respond(message: PatientMessage, session: SessionState): TurnOutcome {
    const { channelId, text } = message;
    const tap = readTap(message.value) ?? this.numberedChoice(session, text);
    if (tap && 'entryId' in tap) return this.parts.faq.answerEntry(channelId, session, tap.entryId, text);
    if (tap && 'command' in tap) return this.parts.commands.run(message, session, tap.command);
    // A yes / no tap with no question waiting (an old button) is read as the words on it.
    const intent = this.parts.router.route(text, capabilitiesFor(channelId).carrierOptOutWords);
    // The whole text: the FAQ finds the question in it before applying the length cap (MAX_TEXT_LENGTH).
    return this.handleIntent(message, session, intent);
  }

  private handleIntent(message: PatientMessage, session: SessionState, intent: Intent): TurnOutcome {
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
        return replying(replies.booking(message.channelId));
      case 'command':
        return this.parts.commands.run(message, session, intent.command);
      case 'question':
        if (!message.text.trim()) return replying(replies.topics(wording.askAway, kb));
        return this.parts.faq.answerQuestion(message.channelId, session, kb, message.text);
    }
  }

  /** On plain-text channels a lone number picks from the list offered last. */
  private numberedChoice(session: SessionState, text: string): Tap | undefined {
    const match = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
    return match ? session.numberedChoices?.[Number(match[1]) - 1]?.tap : undefined;
  }

  /** SMS conversations never end: after a long silence the patient is greeted (and counted) as new. */
  private greetAsNewAfterSilence(channelId: string, session: SessionState): void {
    if (capabilitiesFor(channelId).sendsConversationUpdate || !session.lastMessageAt) return;
    const silentHours = (Date.now() - Date.parse(session.lastMessageAt)) / 3_600_000;
    if (silentHours < this.parts.smsIdleHours) return;
    session.welcomed = false;
    session.lastMessageAt = undefined;
    session.numberedChoices = undefined;
    session.more = undefined;
    session.pendingClarification = undefined;
    session.screening = undefined;
  }
}
