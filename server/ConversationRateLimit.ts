/**
 * The per-conversation turn budgets of /api/messages (TURNS_PER_MINUTE_PER_CONVERSATION, and
 * RED_FLAG_TURNS_PER_MINUTE for messages that may describe a red flag; see SafetyFirstBudget).
 * There is no per-address budget here: every Teams and SMS message arrives from the Bot
 * Connector's few addresses.
 *
 * A turn is counted inside the turn, after its Bot Framework token has been checked, and the
 * budget is checked before the turn runs. So a caller without a valid token cannot spend a
 * patient's budget (an SMS conversation id is a phone number, easy to guess), yet a conversation
 * over budget gets its 429 without costing a turn.
 */
import type { TurnContext } from 'botbuilder';
import type { RedFlagCheck } from '../bot/framework/RedFlagCheck';
import { RateLimiter } from './RateLimiter';
import { refusalFor, type SafetyAdvice, type TurnRefusal } from './SafetyFirstBudget';

interface ConversationActivity {
  readonly channelId: string;
  readonly conversation: { readonly id: string };
}

/** A conversation across channels: ids are only unique within a channel. */
export function conversationKey(activity: ConversationActivity): string {
  return `${activity.channelId}\u0000${activity.conversation.id}`;
}

export class ConversationRateLimit {
  private readonly everyday: RateLimiter;
  private readonly redFlag: RateLimiter;

  constructor(
    turnsPerMinute: number,
    redFlagTurnsPerMinute: number,
    private readonly advice: SafetyAdvice,
  ) {
    this.everyday = new RateLimiter(turnsPerMinute);
    this.redFlag = new RateLimiter(redFlagTurnsPerMinute);
  }

  /** Before the turn: why the request is refused, or undefined. */
  refuse(activity: ConversationActivity, check: RedFlagCheck): TurnRefusal | undefined {
    const key = conversationKey(activity);
    return refusalFor(this.everyday.peek(key), check, () => this.redFlag.peek(key), this.advice);
  }

  /** Inside the authenticated turn: a turn beyond the everyday budget was let through on the red-flag one. */
  count(context: TurnContext): void {
    const key = conversationKey(context.activity as ConversationActivity);
    if (!this.everyday.take(key).allowed) this.redFlag.take(key);
  }
}
