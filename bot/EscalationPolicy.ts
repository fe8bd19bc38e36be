/**
 * After an escalation the whole session changes: every reply starts with the advice again in one
 * line, the bot makes no booking pitch, and any booking request (typed, or the FAQ's booking topic)
 * gets the same reply: the practice's details without links (the patient's first step is urgent
 * care, not a booking page).
 */
import type { Reply } from '../channels/Reply';
import type { EscalationRecord } from './SessionState';

export interface EscalationPolicyWording {
  /** The one-line advice for the session's urgency. */
  readonly reminder: string;
  /** The practice's details (name, phone, hours), said instead of any booking reply. */
  readonly practiceDetails: string;
}

export function applyEscalationPolicy(
  replies: readonly Reply[],
  escalation: EscalationRecord | undefined,
  wording: EscalationPolicyWording,
): Reply[] {
  if (!escalation) return [...replies];
  const kept = replies
    .filter((reply) => reply.purpose !== 'bookingOffer')
    .map((reply): Reply => (reply.purpose === 'booking' ? { text: wording.practiceDetails, purpose: 'booking' } : reply));
  if (!kept.length || kept[0].purpose === 'escalation') return kept;
  const [first, ...rest] = kept;
  return [{ ...first, lead: wording.reminder }, ...rest];
}

/** A message that carries a risk word (even one set aside as negated or past) never gets a sales pitch. */
export function withoutSalesPitch(replies: readonly Reply[]): Reply[] {
  return replies.filter((reply) => reply.purpose !== 'bookingOffer');
}
