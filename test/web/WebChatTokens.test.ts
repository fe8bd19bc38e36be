import { expect } from 'chai';
import { userIdFor, WebChatTokens } from '../../server/webchat/WebChatTokens';

const KEY = 'k'.repeat(40);
const HOUR = 3600;

describe('WebChatTokens', () => {
  it('issues a token that verifies for its own conversation', () => {
    const tokens = new WebChatTokens(KEY, HOUR);
    const session = tokens.issue();
    expect(session.conversationId).to.match(/^wc-[0-9a-f-]{36}$/);
    expect(session.userId).to.equal(userIdFor(session.conversationId));
    expect(tokens.verify(`Bearer ${session.token}`, session.conversationId)).to.deep.equal({
      ok: true,
      conversationId: session.conversationId,
      userId: session.userId,
    });
  });

  it('is stateless: another instance with the same key accepts it, one with another key does not', () => {
    const session = new WebChatTokens(KEY, HOUR).issue();
    expect(new WebChatTokens(KEY, HOUR).verify(`Bearer ${session.token}`, session.conversationId).ok).to.equal(true);
    expect(new WebChatTokens('o'.repeat(40), HOUR).verify(`Bearer ${session.token}`, session.conversationId)).to.deep.equal({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('refuses a token used for another conversation', () => {
    const tokens = new WebChatTokens(KEY, HOUR);
    const mine = tokens.issue();
    const theirs = tokens.issue();
    expect(tokens.verify(`Bearer ${mine.token}`, theirs.conversationId)).to.deep.equal({ ok: false, reason: 'wrong conversation' });
  });

  it('refuses a payload edited to name another conversation or a later expiry', () => {
    const tokens = new WebChatTokens(KEY, HOUR);
    const session = tokens.issue();
    const [version, , signature] = session.token.split('.');
    const forged = Buffer.from(JSON.stringify({ c: session.conversationId, e: session.expiresAt + 10 * HOUR })).toString('base64url');
    expect(tokens.verify(`Bearer ${version}.${forged}.${signature}`, session.conversationId)).to.deep.equal({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('refuses an expired token', () => {
    let now = Date.now();
    const tokens = new WebChatTokens(KEY, HOUR, () => now);
    const session = tokens.issue();
    now += HOUR * 1000 + 1;
    expect(tokens.verify(`Bearer ${session.token}`, session.conversationId)).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it('refuses missing and malformed headers', () => {
    const tokens = new WebChatTokens(KEY, HOUR);
    const { conversationId, token } = tokens.issue();
    expect(tokens.verify(undefined, conversationId).ok).to.equal(false);
    expect(tokens.verify(token, conversationId)).to.deep.equal({ ok: false, reason: 'missing' });
    expect(tokens.verify('Bearer v1.abc', conversationId)).to.deep.equal({ ok: false, reason: 'malformed' });
    expect(tokens.verify(`Bearer ${token}.extra`, conversationId)).to.deep.equal({ ok: false, reason: 'malformed' });
  });
});
