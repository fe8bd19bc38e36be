/**
 * The per-conversation turn budget of /api/messages: 429 with Retry-After beyond it, per
 * conversation (not per address), and never in the way of a message describing a red flag.
 */

import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { RedFlagCheck } from '../../bot/framework/RedFlagCheck';
import { ConversationRateLimit } from '../../server/ConversationRateLimit';
import type { RunningBot } from '../../server/startBot';
import { ChannelConversation } from '../support/ChannelConversation';
import { startTestBot } from '../support/testBot';

const LIMIT = 3;

describe('rate limit per conversation on /api/messages', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startTestBot({ TURNS_PER_MINUTE_PER_CONVERSATION: String(LIMIT) });
  });
  after(() => bot.close());

  async function exhausted(channelId = 'sms'): Promise<ChannelConversation> {
    const patient = new ChannelConversation(bot.url, channelId);
    for (let i = 0; i < LIMIT; i++) expect((await patient.say('hello')).status).to.equal(200);
    return patient;
  }

  it('answers 429 with Retry-After once a conversation is over its budget', async () => {
    const patient = await exhausted();
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'hello again',
        channelId: 'sms',
        deliveryMode: 'expectReplies',
        conversation: { id: patient.conversationId },
        from: { id: patient.userId },
      }),
    });
    expect(response.status).to.equal(429);
    expect(Number(response.headers.get('retry-after'))).to.be.within(1, 60);
  });

  it('limits each conversation on its own: others from the same address carry on', async () => {
    await exhausted();
    expect((await new ChannelConversation(bot.url, 'sms').say('hello')).status).to.equal(200);
  });

  for (const text of [
    "I can't feel my groin and I wet myself",
    'i havent been able to pee since last night even though i feel like i need to',
  ]) {
    it(`lets a red-flag message through however fast: "${text.slice(0, 30)}…"`, async () => {
      const patient = await exhausted();
      expect((await patient.say('hello')).status).to.equal(429);
      const turn = await patient.say(text);
      expect(turn.status).to.equal(200);
      expect(turn.text).to.match(/call 911/i);
    });
  }
});

describe('ConversationRateLimit', () => {
  const activity = { channelId: 'sms', conversation: { id: '+15550102030' }, text: 'hi' };
  const contextOf = (a: typeof activity) => ({ activity: a as unknown as Activity }) as never;
  const everyday = new RedFlagCheck({ assess: () => ({ kind: 'clear', riskConcepts: [] }) }, 'hi');

  it('counts only turns that reached the bot (after the token check), so refused callers cannot spend a budget', () => {
    const limit = new ConversationRateLimit(2, 4, () => 'advice');
    // Ten unauthenticated requests are checked but never counted.
    for (let i = 0; i < 10; i++) expect(limit.refuse(activity, everyday)).to.equal(undefined);
    limit.count(contextOf(activity));
    limit.count(contextOf(activity));
    expect(limit.refuse(activity, everyday)?.retryAfterSeconds).to.be.a('number');
    expect(limit.refuse({ ...activity, conversation: { id: 'another' } }, everyday)).to.equal(undefined);
  });
});
