/**
 * The rate limits' memory bound: a flood of new keys (conversation ids, client addresses) never grows
 * it past its size; the oldest windows are forgotten first and the recent ones keep their counts.
 */
import { expect } from 'chai';
import { NewConversationLimit } from '../../server/NewConversationLimit';
import { RateLimiter } from '../../server/RateLimiter';

describe('rate limits under a flood of new keys', () => {
  it('forgets the oldest windows first and keeps counting the recent ones', () => {
    const limiter = new RateLimiter(1, 60_000, 100, () => 0);
    for (let i = 0; i < 100; i++) limiter.take(`conversation-${i}`);
    expect(limiter.take('conversation-0').allowed).to.equal(false);
    for (let i = 100; i < 1000; i++) expect(limiter.take(`conversation-${i}`).allowed).to.equal(true);
    expect(limiter.take('conversation-0').allowed).to.equal(true);
    expect(limiter.take('conversation-999').allowed).to.equal(false);
  });

  it('keeps the newest key even with the smallest bound', () => {
    const limiter = new RateLimiter(1, 60_000, 1, () => 0);
    limiter.take('first');
    limiter.take('second');
    expect(limiter.take('second').allowed).to.equal(false);
    expect(limiter.take('first').allowed).to.equal(true);
  });

  it('lets a conversation it has seen recently carry on when its address may start no more', () => {
    const limit = new NewConversationLimit(1000, 100);
    for (let i = 0; i < 1000; i++) expect(limit.refuse('203.0.113.7', `conversation-${i}`)).to.equal(undefined);
    expect(limit.refuse('203.0.113.7', 'a new one')?.allowed).to.equal(false);
    expect(limit.refuse('203.0.113.7', 'conversation-999')).to.equal(undefined);
    expect(limit.refuse('203.0.113.7', 'conversation-0')?.allowed).to.equal(false);
  });
});
