/**
 * After an escalation the whole session changes: every reply starts with the advice again in one
 * line, the bot makes no booking pitch, and a booking request gets the practice's details without
 * links (the patient's first step is urgent care, not a booking page).
 */
import type { Reply } from '../channels/Reply';
import type { EscalationRecord } from './SessionState';

export function applyEscalationPolicy(replies: readonly Reply[], escalation: EscalationRecord | undefined, reminder: string): Reply[] {
  if (!escalation) return [...replies];
  const kept = replies
    .filter((reply) => reply.purpose !== 'bookingOffer')
    .map((reply) => (reply.purpose === 'booking' ? { ...reply, links: undefined } : reply));
  if (!kept.length || kept[0].purpose === 'escalation') return kept;
  const [first, ...rest] = kept;
  return [{ ...first, text: `${reminder}\n\n${first.text}` }, ...rest];
}

/** A message that carries a risk word (even one set aside as negated or past) never gets a sales pitch. */
export function withoutSalesPitch(replies: readonly Reply[]): Reply[] {
  return replies.filter((reply) => reply.purpose !== 'bookingOffer');
}
