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
import { notePatientMessage, type ConversationAccessors, type SessionState } from './SessionState';
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
    const { activities } = renderReplies([this.reply(escalation.urgency)], caps);
    await sendImmediately(context, [...activities, trace(RED_FLAG, { urgency: escalation.urgency, flags: [...escalation.flags] })]);
    TurnEventLog.for(context).add({ kind: 'escalated', urgency: escalation.urgency });
    try {
      const session = await this.accessors.session.get(context, {});
      // An emergency can be the patient's first (and only) message: it starts a conversation too.
      if (notePatientMessage(session)) TurnEventLog.for(context).add({ kind: 'conversationStarted' });
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
    return { kind: 'escalate', urgency: rule?.urgency ?? 'emergency', flags: [ruleId] };
  }

  /** The one-line advice repeated at the top of every reply after an escalation. */
  reminder(session: SessionState): string {
    return session.escalation ? this.replies.say(this.rules.escalations[session.escalation.urgency].reminder) : '';
  }

  private reply(urgency: Urgency): Reply {
    const wording = this.rules.escalations[urgency];
    const number = urgency === 'crisis' ? this.replies.placeholders.crisisLine : urgency === 'emergency' ? this.replies.placeholders.emergencyNumber : undefined;
    return {
      text: this.replies.say(wording.text),
      purpose: 'escalation',
      safety: true,
      call: number ? { title: this.replies.say(wording.callButtonTitle), number } : undefined,
    };
  }
}
