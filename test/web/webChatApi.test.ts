import { expect } from 'chai';
import { WebChatTokens } from '../../server/webchat/WebChatTokens';
import { SIGNING_KEY, startWebChatTestBot, visibleText, WELCOME_OPENING, type WebChatTestBot } from './webChatClient';

describe('web chat endpoints', () => {
  let bot: WebChatTestBot;
  before(async () => {
    bot = await startWebChatTestBot();
  });
  after(async () => {
    await bot?.close();
  });

  it('issues a conversation with a signed token, never cached', async () => {
    const response = await bot.post('/api/webchat/conversations', {});
    expect(response.status).to.equal(201);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const session = await response.json();
    expect(session.conversationId).to.match(/^wc-/);
    expect(session.token).to.match(/^v1\./);
    expect(session.expiresAt).to.be.greaterThan(Date.now() / 1000);
  });

  it('welcomes on webchat/join until the patient writes (a reload can lose the first), then answers on the webchat channel', async () => {
    const session = await bot.startConversation();
    const join = async () => (await bot.say(session, { type: 'event', name: 'webchat/join' })).json();
    const joined = await join();
    expect(joined.id).to.be.a('string');
    expect(visibleText(joined.activities)).to.contain(WELCOME_OPENING);
    expect(visibleText((await join()).activities)).to.contain(WELCOME_OPENING);

    const response = await bot.say(session, {
      type: 'message',
      text: 'what causes sciatica',
      channelId: 'msteams',
      from: { id: 'someone-else' },
    });
    expect(response.status).to.equal(200);
    const turn = await response.json();
    expect(turn.activities).to.not.be.empty;
    for (const reply of turn.activities) {
      expect(reply).to.include({ channelId: 'webchat' });
      expect(reply.conversation.id).to.equal(session.conversationId);
      expect(reply.recipient.id).to.equal(session.userId);
      expect(reply.id).to.be.a('string');
      expect(Date.parse(reply.timestamp)).to.be.greaterThan(Date.parse(turn.timestamp));
      expect(reply.type).to.not.equal('trace');
    }
    expect((await join()).activities).to.deep.equal([]);
  });

  it('refuses a missing, tampered, foreign or expired token with 401', async () => {
    const session = await bot.startConversation();
    const other = await bot.startConversation();
    const message = { type: 'message', text: 'hello' };
    expect((await bot.say({ ...session, token: '' }, message)).status).to.equal(401);
    expect((await bot.say({ ...session, token: `${session.token.slice(0, -2)}xx` }, message)).status).to.equal(401);
    expect((await bot.say({ ...session, token: other.token }, message)).status).to.equal(401);
    const old = new WebChatTokens(SIGNING_KEY, 60, () => Date.now() - 3_600_000).issue();
    const expired = await bot.say(old, message);
    expect(expired.status).to.equal(401);
    expect((await expired.json()).error).to.contain('expired');
  });

  it('refuses other sites with 403, and answers CORS only for ALLOWED_ORIGINS', async () => {
    const session = await bot.startConversation();
    expect((await bot.post('/api/webchat/conversations', {}, { Origin: 'https://evil.example' })).status).to.equal(403);
    expect((await bot.say(session, { type: 'message', text: 'hi' }, { Origin: 'https://evil.example' })).status).to.equal(403);
    const preflight = await fetch(`${bot.base}/api/webchat/conversations`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example' },
    });
    expect(preflight.status).to.equal(403);
    expect(preflight.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('refuses a body over the limit with 413 and an activity it does not accept with 400', async () => {
    const session = await bot.startConversation();
    const huge = await bot.say(session, { type: 'message', text: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).to.equal(413);
    for (const body of [
      { type: 'invoke', name: 'x' },
      { type: 'event', name: 'other' },
      { type: 'message' },
      { type: 'message', text: 5 },
      [1],
    ]) {
      expect((await bot.say(session, body)).status, JSON.stringify(body)).to.equal(400);
    }
  });
});

describe('web chat endpoints: limits and cross-origin use', () => {
  let bot: WebChatTestBot;
  before(async () => {
    bot = await startWebChatTestBot({
      TURNS_PER_MINUTE_PER_CONVERSATION: '2',
      WEB_REQUESTS_PER_MINUTE_PER_ADDRESS: '8',
      ALLOWED_ORIGINS: 'https://clinic.example',
    });
  });
  after(async () => {
    await bot?.close();
  });

  it('allows a listed origin, with CORS headers and a preflight', async () => {
    const preflight = await fetch(`${bot.base}/api/webchat/conversations`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://clinic.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('access-control-allow-origin')).to.equal('https://clinic.example');
    expect(preflight.headers.get('access-control-allow-headers')).to.contain('Authorization');
    const issued = await bot.post('/api/webchat/conversations', {}, { Origin: 'https://clinic.example' });
    expect(issued.status).to.equal(201);
    expect(issued.headers.get('access-control-allow-origin')).to.equal('https://clinic.example');
  });

  it('limits turns per conversation and requests per address with 429 and Retry-After', async () => {
    const session = await bot.startConversation();
    const message = { type: 'message', text: 'hello' };
    expect((await bot.say(session, message)).status).to.equal(200);
    expect((await bot.say(session, message)).status).to.equal(200);
    const limited = await bot.say(session, message);
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 60);
    expect((await limited.json()).message).to.contain('faster than I can answer');

    const emergency = await bot.say(session, { type: 'message', text: 'I wet myself and did not notice' });
    expect(emergency.status, 'a red flag is never rate-limited').to.equal(200);
    expect(JSON.stringify(await emergency.json())).to.match(/call 911/i);

    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i += 1) status = (await bot.post('/api/webchat/conversations', {})).status;
    expect(status).to.equal(429);
  });
});

describe('web chat endpoints with a MicrosoftAppId (production auth on /api/messages)', () => {
  let bot: WebChatTestBot;
  before(async () => {
    bot = await startWebChatTestBot({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
      MicrosoftAppType: 'MultiTenant',
    });
  });
  after(async () => {
    await bot?.close();
  });

  it('still runs web chat turns in process, with no call to Azure', async () => {
    const session = await bot.startConversation();
    const turn = await (await bot.say(session, { type: 'message', text: 'what causes sciatica' })).json();
    expect(turn.activities).to.not.be.empty;
    expect(turn.activities[0].channelId).to.equal('webchat');
  });
});
