/**
 * Bot Framework authentication. With MicrosoftAppId set, /api/messages needs a valid Bot Framework
 * token. With it empty (development), auth is off: start-up says so loudly, and only turns whose
 * replies come back in the response, or go to this machine, are accepted (no request forgery).
 */
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { ChannelConversation } from '../support/ChannelConversation';
import { capturedLogger } from '../support/capturedLogger';
import { type FakeConnector, startFakeConnector } from '../support/FakeConnector';
import { TEST_SETTINGS } from '../support/testBot';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('with a MicrosoftAppId (auth on)', () => {
  let bot: RunningBot;
  const logs = capturedLogger('info');
  const AUTH_ON = {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'made-up-secret',
    MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
    MicrosoftAppType: 'SingleTenant',
  };
  before(async () => {
    bot = await startBot(loadConfig({ ...TEST_SETTINGS, ...AUTH_ON, LOG_LEVEL: 'info' }), logs.logger);
  });
  after(() => bot.close());

  const post = (authorization?: string) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'message',
        text: 'hi',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        conversation: { id: 'c1' },
        from: { id: 'u1' },
        recipient: { id: APP_ID },
      }),
    });

  const jwt = (header: object, payload: object) => `${base64url(header)}.${base64url(payload)}.c2lnbmF0dXJl`;
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;
  const forged = jwt({ alg: 'RS256', kid: 'made-up', typ: 'JWT' }, { iss: 'https://sts.attacker.example/', aud: APP_ID, exp: inAnHour });
  const forgedJwts: [string, string][] = [
    ['a forged, unsigned JWT from an unknown issuer', forged],
    [
      'a forged JWT naming the tenant issuer',
      jwt(
        { alg: 'RS256', kid: 'made-up', typ: 'JWT' },
        { iss: 'https://sts.windows.net/66666666-7777-8888-9999-000000000000/', aud: APP_ID, exp: inAnHour, appid: APP_ID, ver: '1.0' },
      ),
    ],
    [
      'an unsigned JWT (alg none)',
      jwt(
        { alg: 'none', typ: 'JWT' },
        { iss: 'https://sts.windows.net/66666666-7777-8888-9999-000000000000/', aud: APP_ID, exp: inAnHour },
      ),
    ],
  ];
  /** Checked against Bot Framework's signing keys, which this machine cannot fetch (no internet): 503 here, 401 online. */
  const botFrameworkIssued = jwt(
    { alg: 'RS256', kid: 'made-up', typ: 'JWT' },
    { iss: 'https://api.botframework.com', aud: APP_ID, exp: inAnHour, serviceurl: 'https://smba.trafficmanager.net/amer/' },
  );
  const cases: [string, string | undefined][] = [
    ['no Authorization header', undefined],
    ['a garbage bearer token', 'Bearer garbage'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ...forgedJwts.map(([name, token]): [string, string] => [name, `Bearer ${token}`]),
  ];
  for (const [name, authorization] of cases) {
    it(`refuses ${name} with 401`, async () => {
      expect((await post(authorization)).status).to.equal(401);
    });
  }

  it('answers forged tokens with a plain 401 and one JSON log line each, and prints nothing to the console', async () => {
    const printed: string[] = [];
    const originalError = console.error;
    const originalWrite = process.stderr.write;
    console.error = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    };
    process.stderr.write = ((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    const answers: { status: number; body: string }[] = [];
    const linesBefore = logs.lines.length;
    try {
      for (const token of [...forgedJwts.map(([, jwtText]) => jwtText), botFrameworkIssued]) {
        const response = await post(`Bearer ${token}`);
        answers.push({ status: response.status, body: await response.text() });
      }
    } finally {
      console.error = originalError;
      process.stderr.write = originalWrite;
    }
    expect(printed, 'console.error / stderr output').to.deep.equal([]);
    for (const { status, body } of answers.slice(0, forgedJwts.length)) {
      expect(status).to.equal(401);
      expect(JSON.parse(body)).to.deep.equal({ error: 'unauthorized' });
    }
    const last = answers[answers.length - 1];
    expect(last.status, 'refused; 503 only while the signing keys cannot be fetched').to.be.oneOf([401, 503]);
    expect(last.body, 'no SDK detail for the caller').to.not.match(/openid|botframework\.com|Unauthorized\./i);
    const lines = logs.lines.slice(linesBefore);
    expect(lines.map((line) => line.path)).to.deep.equal(answers.map(() => '/api/messages'));
    expect(lines).to.have.length(answers.length);
    for (const line of lines) expect(line.refused, 'the reason, for the operator, on one line').to.be.a('string').and.not.match(/\n/);
    expect(logs.raw()).to.not.contain(forged);
  });

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

  const remote = [
    'https://attacker.example/',
    'http://169.254.169.254/latest/',
    'http://localhost.attacker.example/',
    'http://127.0.0.1@attacker.example/',
    undefined,
  ];
  for (const serviceUrl of remote) {
    it(`refuses a turn that would post replies to ${serviceUrl ?? 'no serviceUrl'} (403)`, async () => {
      const turn = await new ChannelConversation(bot.url, 'msteams').post({
        type: 'message',
        text: 'hi',
        deliveryMode: undefined,
        serviceUrl,
      });
      expect(turn.status).to.equal(403);
    });
  }

  it('accepts expectReplies turns, whatever their serviceUrl (nothing is posted anywhere)', async () => {
    expect((await new ChannelConversation(bot.url, 'msteams').say('what is sciatica')).status).to.equal(200);
  });

  it('posts replies to a loopback serviceUrl (the Emulator), once each', async () => {
    const patient = new ChannelConversation(bot.url, 'emulator');
    const turn = await patient.post({
      type: 'message',
      text: 'what is sciatica',
      deliveryMode: undefined,
      serviceUrl: connector.serviceUrl,
    });
    expect(turn.status).to.equal(200);
    const replies = connector.posted.filter(
      (activity) => activity.conversation?.id === patient.conversationId && activity.type === 'message',
    );
    expect(replies.length).to.be.greaterThan(0);
    expect(replies.map((reply) => reply.text).join('\n')).to.match(/sciatic nerve/i);
    expect(new Set(replies.map((reply) => reply.text)).size).to.equal(replies.length);
  });
});
