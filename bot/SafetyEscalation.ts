/**
 * What happens when a red flag is found: the advice goes out at once, before state is touched, so
 * nothing that fails afterwards can hold it back; then the session remembers the escalation (for
 * the reminder and the no-pitch rule) and any running dialog is dropped.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Reply } from '../channels/Reply';
import { renderReplies } from '../channels/ReplyRenderer';
import type { RedFlagRules } from '../safety/RedFlagRules';
import type { SafetyAssessment, Urgency } from '../safety/SafetyAssessment';
import type { ClinicReplies } from './ClinicReplies';
import type { ConversationAccessors, SessionState } from './SessionState';
import { sendImmediately } from './sendImmediately';
import { RED_FLAG, trace } from './Traces';
import { TurnEventLog } from './TurnEvents';

type Escalation = Extract<SafetyAssessment, { kind: 'escalate' }>;

/** A later, milder escalation never replaces a graver one in the session's memory. */
const SEVERITY: Readonly<Record<Urgency, number>> = { urgent: 1, crisis: 2, emergency: 3 };

export class SafetyEscalation {
  constructor(
    private readonly rules: RedFlagRules,
    private readonly replies: ClinicReplies,
    private readonly accessors: ConversationAccessors,
    private readonly logger: Logger,
  ) {}

  async escalate(context: TurnContext, escalation: Escalation): Promise<void> {
    const caps = capabilitiesFor(context.activity.channelId);
    const { activities } = renderReplies([this.reply(escalation)], caps);
    await sendImmediately(context, [...activities, trace(RED_FLAG, { urgency: escalation.urgency, flags: [...escalation.flags] })]);
    TurnEventLog.for(context).add({ kind: 'escalated', urgency: escalation.urgency });
    try {
      const session = await this.accessors.session.get(context, {});
      if (!session.escalation || SEVERITY[escalation.urgency] >= SEVERITY[session.escalation.urgency]) {
        session.escalation = { urgency: escalation.urgency, flags: [...escalation.flags], at: new Date().toISOString() };
      }
      session.welcomed = true;
      session.pendingClarification = undefined;
      session.numberedChoices = undefined;
      await this.accessors.dialogState.delete(context);
    } catch (error) {
      // The advice has been sent; a storage fault must not turn it into an error reply.
      this.logger.error({ err: error, urgency: escalation.urgency }, 'could not record an escalation in conversation state');
    }
  }

  /** The escalation a "yes" to a clarifying question means. */
  fromClarification(ruleId: string): Escalation {
    const rule = this.rules.clarify.find((candidate) => candidate.id === ruleId);
    const urgency = rule?.urgency ?? 'emergency';
    return { kind: 'escalate', urgency, flags: [ruleId], advice: urgency, language: 'en', aboutSomeoneElse: false };
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
      call: number ? { title: this.replies.say(wording.callButtonTitle), number } : undefined,
    };
  }
}
