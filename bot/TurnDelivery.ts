/**
 * The last stage of a turn: the session policy, the SMS introduction, then the channel renderer;
 * what the renderer held back to keep a message short is kept for "more", and the booking links
 * that went out are counted (not those the policy removed or "more" still holds).
 */
import type { TurnContext } from 'botbuilder';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Reply } from '../channels/Reply';
import { renderReplies } from '../channels/ReplyRenderer';
import { applyEscalationPolicy } from './EscalationPolicy';
import type { SessionState } from './SessionState';
import { TurnEventLog, type TurnEvent } from './TurnEvents';

export interface DeliveryWording {
  /** The one-line advice repeated after an escalation, for the session's urgency. */
  reminderFor(session: SessionState): string;
  /** Said with the first reply on channels that never sent a welcome. */
  readonly introduction: string;
  /** The practice's details, the only booking reply after an escalation. */
  readonly practiceDetails: string;
}

export async function deliverReplies(context: TurnContext, replies: readonly Reply[], session: SessionState, wording: DeliveryWording): Promise<void> {
  const caps = capabilitiesFor(context.activity.channelId);
  let final = applyEscalationPolicy(replies, session.escalation, { reminder: wording.reminderFor(session), practiceDetails: wording.practiceDetails });
  if (!final.length) return;
  if (!session.welcomed) {
    session.welcomed = true;
    if (!caps.sendsConversationUpdate && final[0].purpose !== 'escalation') {
      const [first, ...rest] = final;
      final = [{ ...first, lead: first.lead ? `${wording.introduction}\n\n${first.lead}` : wording.introduction }, ...rest];
    }
  }
  const rendered = renderReplies(final, caps);
  if (caps.choices === 'numberedList') session.numberedChoices = [...rendered.numberedChoices];
  session.more = rendered.held.length ? [...rendered.held] : undefined;
  const offers = rendered.delivered.filter((reply) => reply.links?.length);
  TurnEventLog.for(context).add(...offers.map((): TurnEvent => ({ kind: 'bookingOffered' })));
  await context.sendActivities(rendered.activities);
}
