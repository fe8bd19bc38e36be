/**
 * Auth off (no MicrosoftAppId) is for a developer's machine: the bot listens on loopback unless
 * ALLOW_ANONYMOUS_ON_NETWORK=true (HOST=0.0.0.0 alone is not enough), replies only ever go to an
 * http(s) serviceUrl, and one client address can start only so many conversations a minute.
 */
import { type AddressInfo, connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { ChannelConversation } from '../support/ChannelConversation';
import { capturedLogger } from '../support/capturedLogger';
import { TEST_SETTINGS, useTestBot } from '../support/testBot';

const NETWORK = { ...TEST_SETTINGS, HOST: '0.0.0.0' };
const APP_ID = '11111111-2222-3333-4444-555555555555';

/** This machine's first address that is not loopback, if it has one. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && !address.internal && address.family === 'IPv4')?.address;

/** Whether a TCP connection to address:port is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('auth off: where the bot listens', () => {
  it('listens on loopback when HOST is unset or 0.0.0.0 and no MicrosoftAppId is set', () => {
    const unset: Record<string, string> = { ...TEST_SETTINGS };
    delete unset.HOST;
    expect(loadConfig(unset).host).to.equal('127.0.0.1');
    expect(loadConfig(NETWORK)).to.include({ host: '127.0.0.1', refusedHost: '0.0.0.0' });
    expect(loadConfig({ ...NETWORK, HOST: 'localhost' }).host).to.equal('localhost');
  });

  it('listens where HOST says with ALLOW_ANONYMOUS_ON_NETWORK=true, or with a MicrosoftAppId', () => {
    expect(loadConfig({ ...NETWORK, ALLOW_ANONYMOUS_ON_NETWORK: 'true' }).host).to.equal('0.0.0.0');
    expect(loadConfig({ ...NETWORK, MicrosoftAppId: APP_ID }).host).to.equal('0.0.0.0');
  });

  describe('a real server started with HOST=0.0.0.0 and auth off', () => {
    let bot: RunningBot;
    const logs = capturedLogger('info');
    before(async () => {
      bot = await startBot(loadConfig({ ...NETWORK, LOG_LEVEL: 'info' }), logs.logger);
    });
    after(() => bot.close());

    it('is bound to 127.0.0.1 only, and says why at start-up', async () => {
      const { address, port } = bot.server.address() as AddressInfo;
      expect(address).to.equal('127.0.0.1');
      expect(await accepts('127.0.0.1', port)).to.equal(true);
      if (networkAddress) expect(await accepts(networkAddress, port), `not reachable on ${networkAddress}`).to.equal(false);
      const warning = logs.lines.find((line) => /HOST=0\.0\.0\.0 not used/.test(line.msg ?? ''));
      expect(warning?.level).to.equal(40);
      expect(warning?.msg).to.contain('ALLOW_ANONYMOUS_ON_NETWORK=true');
    });
  });

  describe('a real server with ALLOW_ANONYMOUS_ON_NETWORK=true', () => {
    let bot: RunningBot;
    before(async () => {
      bot = await startBot(loadConfig({ ...NETWORK, ALLOW_ANONYMOUS_ON_NETWORK: 'true' }), capturedLogger('info').logger);
    });
    after(() => bot.close());

    it('is reachable from the network', async () => {
      const { address, port } = bot.server.address() as AddressInfo;
      expect(address).to.equal('0.0.0.0');
      if (networkAddress) expect(await accepts(networkAddress, port)).to.equal(true);
    });
  });
});

describe('auth off: serviceUrl and new conversations', () => {
  const bot = useTestBot({ NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS: '3' });

  for (const serviceUrl of ['gopher://127.0.0.1:70/', 'file:///etc/passwd', 'ftp://127.0.0.1/', 'javascript:alert(1)', 'not a url']) {
    it(`refuses serviceUrl ${serviceUrl} with 400, even for expectReplies`, async () => {
      const turn = await new ChannelConversation(bot.url, 'emulator').post({ type: 'message', text: 'hi', serviceUrl });
      expect(turn.status).to.equal(400);
    });
  }

  it('limits the conversations one address may start (429), while those started carry on', async () => {
    const started = [1, 2, 3].map(() => new ChannelConversation(bot.url, 'emulator'));
    for (const patient of started) expect((await patient.say('hello')).status).to.equal(200);
    const refused = await new ChannelConversation(bot.url, 'emulator').say('hello');
    expect(refused.status).to.equal(429);
    for (const patient of started) expect((await patient.say('what is sciatica')).status).to.equal(200);
  });
});
