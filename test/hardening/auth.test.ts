/**
 * Bot Framework authentication. With MicrosoftAppId set, /api/messages needs a valid Bot Framework
 * token. With it empty (development), auth is off: start-up says so loudly, and only turns whose
 * replies come back in the response, or go to this machine, are accepted (no request forgery).
 */
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { startBot, type RunningBot } from '../../server/startBot';
import { capturedLogger } from '../support/capturedLogger';
import { ChannelConversation } from '../support/ChannelConversation';
import { startFakeConnector, type FakeConnector } from '../support/FakeConnector';
import { startTestBot, TEST_SETTINGS } from '../support/testBot';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('with a MicrosoftAppId (auth on)', () => {
  let bot: RunningBot;
  const quiet = console.error;
  before(async () => {
    bot = await startTestBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'made-up-secret', MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000', MicrosoftAppType: 'SingleTenant' });
    // CloudAdapter prints every refused token to the console; the assertions are on the status.
    console.error = () => undefined;
  });
  after(async () => {
    console.error = quiet;
    await bot.close();
  });

  const post = (authorization?: string) => fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/amer/', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: APP_ID } }),
  });

  const forged = `${base64url({ alg: 'RS256', kid: 'made-up', typ: 'JWT' })}.${base64url({ iss: 'https://sts.attacker.example/', aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJl`;
  const cases: [string, string | undefined][] = [
    ['no Authorization header', undefined],
    ['a garbage bearer token', 'Bearer garbage'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['a forged, unsigned JWT from an unknown issuer', `Bearer ${forged}`],
  ];
  for (const [name, authorization] of cases) {
    it(`refuses ${name} with 401`, async () => {
      expect((await post(authorization)).status).to.equal(401);
    });
  }

  it('even refuses expectReplies turns (that exemption is for auth-off development only)', async () => {
    const turn = await new ChannelConversation(bot.url, 'msteams').say('hello');
    expect(turn.status).to.equal(401);
  });

  it('still answers the health probe', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });
});

describe('with no MicrosoftAppId (auth off, development)', () => {
  let bot: RunningBot;
  let connector: FakeConnector;
  const logs = capturedLogger('info');
  before(async () => {
    connector = await startFakeConnector();
    bot = await startBot(loadConfig({ ...TEST_SETTINGS, LOG_LEVEL: 'info' }), logs.logger);
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('says loudly at start-up that auth is off', () => {
    const warning = logs.lines.find((line) => /AUTH IS OFF/.test(line.msg ?? ''));
    expect(warning?.level).to.equal(40);
  });

  const remote = ['https://attacker.example/', 'http://169.254.169.254/latest/', 'http://localhost.attacker.example/', 'http://127.0.0.1@attacker.example/', 'file:///etc/passwd', 'not a url', undefined];
  for (const serviceUrl of remote) {
    it(`refuses a turn that would post replies to ${serviceUrl ?? 'no serviceUrl'} (403)`, async () => {
      const turn = await new ChannelConversation(bot.url, 'msteams').post({ type: 'message', text: 'hi', deliveryMode: undefined, serviceUrl });
      expect(turn.status).to.equal(403);
    });
  }

  it('accepts expectReplies turns, whatever their serviceUrl (nothing is posted anywhere)', async () => {
    expect((await new ChannelConversation(bot.url, 'msteams').say('what is sciatica')).status).to.equal(200);
  });

  it('posts replies to a loopback serviceUrl (the Emulator), once each', async () => {
    const patient = new ChannelConversation(bot.url, 'emulator');
    const turn = await patient.post({ type: 'message', text: 'what is sciatica', deliveryMode: undefined, serviceUrl: connector.serviceUrl });
    expect(turn.status).to.equal(200);
    const replies = connector.posted.filter((activity) => activity.conversation?.id === patient.conversationId && activity.type === 'message');
    expect(replies.length).to.be.greaterThan(0);
    expect(replies.map((reply) => reply.text).join('\n')).to.match(/sciatic nerve/i);
    expect(new Set(replies.map((reply) => reply.text)).size).to.equal(replies.length);
  });
});
