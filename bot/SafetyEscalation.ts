/**
 * What happens when a red flag is found: the advice goes out at once (TurnDelivery.sendNow, the one
 * reply that does not wait for the end of the turn), before state is touched, so nothing that fails
 * afterwards can hold it back. The session then remembers the escalation (for
 * the reminder and the no-pitch rule) and any running dialog is dropped, after the turn
 * (SaveAfterReply): where replies travel in the HTTP response, a store that is slow or down would
 * otherwise hold the advice back until the save had finished or failed.
 */
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../channels/Reply';
import type { RedFlagRules } from '../safety/RedFlagRules';
import type { SafetyAssessment, Urgency } from '../safety/SafetyAssessment';
import type { ClinicReplies } from './ClinicReplies';
import type { SaveAfterReply } from './SaveAfterReply';
import { notePatientMessage, type ConversationAccessors, type SessionState } from './SessionState';
import { RED_FLAG, trace } from './Traces';
import { sendNow } from './TurnDelivery';
import type { TurnEventSink } from '../knowledge/usage/TurnEvents';
import { outcome, type TurnOutcome } from './TurnOutcome';

type Escalation = Extract<SafetyAssessment, { kind: 'escalate' }>;

/** A later, milder escalation never replaces a graver one in the session's memory. */
const SEVERITY: Readonly<Record<Urgency, number>> = { urgent: 1, crisis: 2, emergency: 3 };

export class SafetyEscalation {
  constructor(
    private readonly rules: RedFlagRules,
    private readonly replies: ClinicReplies,
    private readonly accessors: ConversationAccessors,
    private readonly afterReply: SaveAfterReply,
    /** Where the remembered escalation's "conversation started" goes: the turn's own events have gone by then. */
    private readonly events: TurnEventSink,
  ) {}

  /** Sends the advice now; the outcome left for the end of the turn is its event. */
  async escalate(context: TurnContext, escalation: Escalation): Promise<TurnOutcome> {
    await sendNow(context, [this.reply(escalation)], [trace(RED_FLAG, { urgency: escalation.urgency, flags: [...escalation.flags] })]);
    this.afterReply.schedule(context, (later) => this.remember(later, escalation));
    return outcome({ events: [{ kind: 'escalated', urgency: escalation.urgency }] });
  }

  private async remember(context: TurnContext, escalation: Escalation): Promise<void> {
    const session = await this.accessors.session.get(context, {});
    // An emergency can be the patient's first (and only) message: it starts a conversation too.
    const { channelId, conversation } = context.activity;
    if (notePatientMessage(session)) this.events.record({ kind: 'conversationStarted' }, channelId, conversation.id);
    if (!session.escalation || SEVERITY[escalation.urgency] >= SEVERITY[session.escalation.urgency]) {
      session.escalation = { urgency: escalation.urgency, flags: [...escalation.flags], at: new Date().toISOString() };
    }
    session.welcomed = true;
    session.pendingClarification = undefined;
    session.numberedChoices = undefined;
    await this.accessors.dialogState.delete(context);
  }

  /** The escalation a "yes" to a clarifying question means. */
  fromClarification(ruleId: string): Escalation {
    const rule = this.rules.clarify.find((candidate) => candidate.id === ruleId);
    const urgency = rule?.urgency ?? 'emergency';
    return { kind: 'escalate', urgency, flags: [ruleId], advice: urgency, language: 'en', aboutSomeoneElse: false };
  }

  /**
   * The advice for a message that may describe a red flag, as plain text that needs no state: what
   * a patient refused by the rate limit still sees. A clarifying question's advice is the one a
   * "yes" would get.
   */
  adviceFor(assessment: Exclude<SafetyAssessment, { kind: 'clear' }>): string {
    const escalation = assessment.kind === 'escalate' ? assessment : this.fromClarification(assessment.ruleId);
    return this.reply(escalation).text;
  }

  /** The one-line advice repeated at the top of every reply after an escalation. */
  reminder(session: SessionState): string {
    return session.escalation ? this.replies.say(this.rules.escalations[session.escalation.urgency].reminder) : '';
  }

  /** The advice in the red flag's language, for whoever it is about; an attempt in progress gets its own. */
  private reply(escalation: Escalation): Reply {
    const { urgency, advice, language } = escalation;
    const spanish = language === 'es' ? this.rules.translations.es : undefined;
    const wording = (spanish?.escalations ?? this.rules.escalations)[advice] ?? this.rules.escalations[urgency];
    const number = urgency === 'crisis' && advice !== 'crisisNow'
      ? this.replies.placeholders.crisisLine
      : urgency === 'urgent' ? undefined : this.replies.placeholders.emergencyNumber;
    const forSomeoneElse = escalation.aboutSomeoneElse ? `${spanish?.aboutSomeoneElse ?? this.rules.aboutSomeoneElse}\n\n` : '';
    return {
      text: this.replies.say(`${forSomeoneElse}${wording.text}`),
      purpose: 'escalation',
      safety: true,
      call: number ? { title: this.replies.say(wording.callButtonTitle), number } : undefined,
    };
  }
}
