/**
 * The one place a turn's outcome leaves the bot. `prepare` runs before the state is saved: the
 * session policy, the SMS introduction, then the channel renderer; what the renderer held back to
 * keep a message short is kept for "more". `deliver` runs once the state is saved: it sends, traces
 * on the Emulator only, and records the turn's events, with the booking links that went out (not
 * those the policy removed or "more" still holds). `sendNow` is the one exception: safety advice
 * leaves the moment it is ready, so a slow or failing store can never delay it.
 */
import { type Activity, Channels, type TurnContext } from 'botbuilder';
import { capabilitiesFor } from '../../channels/ChannelCapabilities';
import type { Reply } from '../../channels/Reply';
import { type RendererWording, renderReplies } from '../../channels/ReplyRenderer';
import type { TurnEvent, TurnEventSink } from '../../usage/TurnEvents';
import { applyEscalationPolicy } from '../EscalationPolicy';
import type { SessionState } from '../SessionState';
import type { Trace } from '../Traces';
import type { TurnOutcome } from '../TurnOutcome';

/** Traces are for the Emulator only: an allowlist, in one place. */
const TRACE_CHANNELS: ReadonlySet<string> = new Set([Channels.Emulator]);

export interface DeliveryWording extends RendererWording {
  /** The one-line advice repeated after an escalation, for the session's urgency. */
  reminderFor(session: SessionState): string;
  /** Said with the first reply on channels that never sent a welcome. */
  readonly introduction: string;
  /** The practice's details, the only booking reply after an escalation. */
  readonly practiceDetails: string;
}

/** A turn's outcome as it will be sent, and the events it accounts for. */
export interface Delivery {
  readonly activities: readonly Partial<Activity>[];
  readonly events: readonly TurnEvent[];
}

export class TurnDelivery {
  constructor(
    private readonly wording: DeliveryWording,
    private readonly events: TurnEventSink,
  ) {}

  /** `session` is the conversation's loaded state, needed whenever the outcome has replies. */
  prepare(channelId: string, outcome: TurnOutcome, session: SessionState | undefined): Delivery {
    const traces = traceActivities(channelId, outcome.traces);
    if (outcome.forgotten !== undefined) {
      return {
        activities: [...traces, { type: 'message', text: outcome.forgotten, channelData: { conversationForgotten: true } }],
        events: outcome.events,
      };
    }
    const caps = capabilitiesFor(channelId);
    let final = session
      ? applyEscalationPolicy(outcome.replies, session.escalation, {
          reminder: this.wording.reminderFor(session),
          practiceDetails: this.wording.practiceDetails,
        })
      : [];
    if (!session || !final.length) return { activities: traces, events: outcome.events };
    if (!session.welcomed) {
      session.welcomed = true;
      if (!caps.sendsConversationUpdate && final[0].purpose !== 'escalation') {
        const [first, ...rest] = final;
        final = [{ ...first, lead: first.lead ? `${this.wording.introduction}\n\n${first.lead}` : this.wording.introduction }, ...rest];
      }
    }
    const rendered = renderReplies(final, caps, this.wording);
    if (caps.choices === 'numberedList') session.numberedChoices = [...rendered.numberedChoices];
    session.more = rendered.held.length ? [...rendered.held] : undefined;
    const offers = rendered.delivered.filter((reply) => reply.links?.length);
    return {
      activities: [...traces, ...rendered.activities],
      events: [...outcome.events, ...offers.map((): TurnEvent => ({ kind: 'bookingOffered' }))],
    };
  }

  async deliver(context: TurnContext, delivery: Delivery): Promise<void> {
    if (delivery.activities.length) await context.sendActivities([...delivery.activities]);
    const { channelId, conversation } = context.activity;
    for (const event of delivery.events) this.events.record(event, channelId, conversation.id);
  }

  /** Safety advice, sent at once and whole (never held for "more"), with its traces after it. */
  async sendNow(context: TurnContext, replies: readonly Reply[], traces: readonly Trace[]): Promise<void> {
    const { channelId } = context.activity;
    const { activities } = renderReplies(replies, capabilitiesFor(channelId), this.wording);
    await context.sendActivities([...activities, ...traceActivities(channelId, traces)]);
  }
}

function traceActivities(channelId: string, traces: readonly Trace[]): Partial<Activity>[] {
  return TRACE_CHANNELS.has(channelId) ? traces.map((each) => ({ type: 'trace', ...each })) : [];
}
