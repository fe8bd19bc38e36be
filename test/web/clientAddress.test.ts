/**
 * Whose budget a web request spends: the TCP peer, or behind trusted reverse proxies the address the
 * first of them saw, never an address a client wrote itself.
 */
import { expect } from 'chai';
import type * as restify from 'restify';
import { clientAddress } from '../../server/webchat/requestGuards';
import { startWebChatTestBot, type WebChatTestBot } from './webChatClient';

const PROXY = '10.0.0.4';
const request = (forwardedFor?: string) =>
  ({
    socket: { remoteAddress: PROXY },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as restify.Request;

describe('clientAddress', () => {
  it("uses the connection's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request('203.0.113.7'), 0)).to.equal(PROXY);
  });

  it('takes the entry the trusted proxy appended, without the port Azure adds', () => {
    expect(clientAddress(request('203.0.113.7:50312'), 1)).to.equal('203.0.113.7');
    expect(clientAddress(request('[2001:db8::7]:50312'), 1)).to.equal('2001:db8::7');
    expect(clientAddress(request('2001:db8::7'), 1)).to.equal('2001:db8::7');
  });

  it('ignores what a client wrote to the left of the trusted entries', () => {
    expect(clientAddress(request('1.2.3.4, 5.6.7.8, 203.0.113.7'), 1)).to.equal('203.0.113.7');
    expect(clientAddress(request('1.2.3.4, 203.0.113.7, 10.0.0.9'), 2)).to.equal('203.0.113.7');
  });

  it("falls back to the connection's address when the proxies wrote fewer entries than trusted", () => {
    expect(clientAddress(request(), 1)).to.equal(PROXY);
    expect(clientAddress(request('203.0.113.7'), 2)).to.equal(PROXY);
  });
});

describe('per-address limits behind a trusted proxy (TRUSTED_PROXIES=1)', () => {
  let bot: WebChatTestBot;
  before(async () => {
    bot = await startWebChatTestBot({ TRUSTED_PROXIES: '1', WEB_REQUESTS_PER_MINUTE_PER_ADDRESS: '3' });
  });
  after(async () => {
    await bot?.close();
  });

  const issue = (forwardedFor: string) => bot.post('/api/webchat/conversations', {}, { 'X-Forwarded-For': forwardedFor });

  it('gives each visitor a budget of their own, which a forged entry does not renew', async () => {
    for (let i = 0; i < 3; i += 1) expect((await issue(`198.51.100.${i}, 203.0.113.7:4000${i}`)).status).to.equal(201);
    expect((await issue('198.51.100.9, 203.0.113.7:40009')).status).to.equal(429);
    expect((await issue('203.0.113.8:40010')).status, 'another visitor behind the same proxy').to.equal(201);
  });
});
