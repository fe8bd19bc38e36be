/**
 * The last stage of a turn: the session policy, the SMS introduction, then the channel renderer;
 * what the renderer held back to keep a message short is kept for "more".
 */
import type { TurnContext } from 'botbuilder';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { Reply } from '../channels/Reply';
import { renderReplies } from '../channels/ReplyRenderer';
import { applyEscalationPolicy } from './EscalationPolicy';
import type { SessionState } from './SessionState';

export interface DeliveryWording {
  /** The one-line advice repeated after an escalation, for the session's urgency. */
  reminderFor(session: SessionState): string;
  /** Said with the first reply on channels that never sent a welcome. */
  readonly introduction: string;
}

export async function deliverReplies(context: TurnContext, replies: readonly Reply[], session: SessionState, wording: DeliveryWording): Promise<void> {
  const caps = capabilitiesFor(context.activity.channelId);
  let final = applyEscalationPolicy(replies, session.escalation, session.escalation ? wording.reminderFor(session) : '');
  if (!final.length) return;
  if (!session.welcomed) {
    session.welcomed = true;
    if (!caps.sendsConversationUpdate && final[0].purpose !== 'escalation') {
      final = [{ ...final[0], text: `${wording.introduction}\n\n${final[0].text}` }, ...final.slice(1)];
    }
  }
  const rendered = renderReplies(final, caps);
  if (caps.choices === 'numberedList') session.numberedChoices = [...rendered.numberedChoices];
  session.more = rendered.held.length ? [...rendered.held] : undefined;
  await context.sendActivities(rendered.activities);
}
