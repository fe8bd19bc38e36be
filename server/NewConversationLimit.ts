/**
 * With auth off, anyone who can reach /api/messages can start conversations under any id, each with
 * its own state and turn budget. So new conversation ids are limited per client address
 * (NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS); a conversation already seen carries on. With auth
 * on, every turn comes from the Bot Connector's few addresses, and this limit does not apply.
 */
import { forgetOldestKeys } from './forgetOldestKeys';
import { type RateDecision, RateLimiter } from './RateLimiter';

export class NewConversationLimit {
  private readonly perAddress: RateLimiter;
  /** Conversations seen recently, oldest first; bounded like RateLimiter's keys. */
  private readonly known = new Map<string, true>();

  constructor(
    perMinute: number,
    private readonly maxKnown = 50_000,
  ) {
    this.perAddress = new RateLimiter(perMinute);
  }

  /** The refusal for a conversation this address may not start now, else undefined. */
  refuse(address: string, conversationKey: string): RateDecision | undefined {
    if (this.known.delete(conversationKey)) {
      this.known.set(conversationKey, true);
      return undefined;
    }
    const decision = this.perAddress.take(address);
    if (!decision.allowed) return decision;
    this.known.set(conversationKey, true);
    forgetOldestKeys(this.known, this.maxKnown);
    return undefined;
  }
}
