/**
 * The per-conversation turn budget of /api/messages (TURNS_PER_MINUTE_PER_CONVERSATION). There is
 * no per-address budget here: every Teams and SMS message arrives from the Bot Connector's few
 * addresses. Safety comes before the budget: a message the red-flag detector escalates (or asks a
 * clarifying question about) is let through however fast the patient is writing.
 *
 * A turn is counted inside the turn, after the adapter has checked its Bot Framework token, and
 * the budget is checked before the adapter sees the request. So a caller without a valid token
 * cannot spend a patient's budget (an SMS conversation id is a phone number, easy to guess), yet
 * a conversation over budget gets its 429 without costing a turn.
 */
import type { TurnContext } from 'botbuilder';
import { RateLimiter } from './RateLimiter';

interface ConversationActivity {
  readonly channelId: string;
  readonly conversation: { readonly id: string };
  readonly text?: unknown;
}

function keyOf(activity: ConversationActivity): string {
  return `${activity.channelId}\u0000${activity.conversation.id}`;
}

export class ConversationRateLimit {
  private readonly limiter: RateLimiter;

  constructor(
    turnsPerMinute: number,
    private readonly mayBeRedFlag: (text: string) => boolean,
    limiter?: RateLimiter,
  ) {
    this.limiter = limiter ?? new RateLimiter(turnsPerMinute);
  }

  /** Before the adapter: the seconds for Retry-After when the request is refused, else undefined. */
  refuse(activity: ConversationActivity): number | undefined {
    const decision = this.limiter.peek(keyOf(activity));
    if (decision.allowed) return undefined;
    if (typeof activity.text === 'string' && activity.text && this.mayBeRedFlag(activity.text)) return undefined;
    return decision.retryAfterSeconds;
  }

  /** Inside the authenticated turn. */
  count(context: TurnContext): void {
    this.limiter.take(keyOf(context.activity as ConversationActivity));
  }
}
