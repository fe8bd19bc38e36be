/**
 * What happens when a red flag is found: the advice, which SciaticaBot sends the moment it is
 * returned (TurnDelivery.sendNow, the one reply that does not wait for the end of the turn), before
 * state is touched, so nothing that fails afterwards can hold it back. The session then remembers
 * the escalation (for the reminder and the no-pitch rule) and any running screening is dropped,
 * after the turn (SaveAfterReply): where replies travel in the HTTP response, a store that is slow
 * or down would otherwise hold the advice back until the save had finished or failed.
 */
import type { Reply } from '../channels/Reply';
import type { RedFlagRules } from '../safety/RedFlagRules';
import type { SafetyAssessment, Urgency } from '../safety/SafetyAssessment';
import type { TurnEventSink } from '../usage/TurnEvents';
import type { ClinicReplies } from './ClinicReplies';
import { notePatientMessage, type SessionState } from './SessionState';
import { RED_FLAG, trace } from './Traces';
import { type Escalation, outcome, type TurnOutcome } from './TurnOutcome';

/** A later, milder escalation never replaces a graver one in the session's memory. */
const SEVERITY: Readonly<Record<Urgency, number>> = { urgent: 1, crisis: 2, emergency: 3 };

export class SafetyEscalation {
  constructor(
    private readonly rules: RedFlagRules,
    private readonly replies: ClinicReplies,
    /** Where the remembered escalation's "conversation started" goes: the turn's own events have gone by then. */
    private readonly events: Pick<TurnEventSink, 'record'>,
  ) {}

  /** The advice to send now, with its trace; the escalated event goes with the rest of the turn's. */
  escalate(escalation: Escalation): TurnOutcome {
    return outcome({
      escalation: {
        advice: this.reply(escalation),
        trace: trace(RED_FLAG, { urgency: escalation.urgency, flags: [...escalation.flags] }),
        escalation,
      },
      events: [{ kind: 'escalated', urgency: escalation.urgency }],
    });
  }

  /** After the reply, on the session as stored: the record, and a clean slate for the next message. */
  remember(session: SessionState, escalation: Escalation, channelId: string, conversationId: string): void {
    // An emergency can be the patient's first (and only) message: it starts a conversation too.
    if (notePatientMessage(session)) this.events.record({ kind: 'conversationStarted' }, channelId, conversationId);
    if (!session.escalation || SEVERITY[escalation.urgency] >= SEVERITY[session.escalation.urgency]) {
      session.escalation = { urgency: escalation.urgency, flags: [...escalation.flags], at: new Date().toISOString() };
    }
    session.welcomed = true;
    session.pendingClarification = undefined;
    session.numberedChoices = undefined;
    session.screening = undefined;
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
    // Only the plain crisis reply leads with the crisis line; an attempt in progress, or crisis words beside an
    // emergency, lead with the emergency number.
    const number =
      advice === 'crisis'
        ? this.replies.placeholders.crisisLine
        : urgency === 'urgent'
          ? undefined
          : this.replies.placeholders.emergencyNumber;
    const forSomeoneElse = escalation.aboutSomeoneElse ? `${spanish?.aboutSomeoneElse ?? this.rules.aboutSomeoneElse}\n\n` : '';
    return {
      text: this.replies.say(`${forSomeoneElse}${wording.text}`),
      purpose: 'escalation',
      safety: true,
      call: number ? { title: this.replies.say(wording.callButtonTitle), number } : undefined,
    };
  }
}
