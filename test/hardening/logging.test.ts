/**
 * What the logs hold: one line per request with its id, never message text or personal data by
 * default; with LOG_TRANSCRIPTS=true, the conversation with phone numbers and emails redacted.
 */
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { ChannelConversation } from '../support/ChannelConversation';
import { type CapturedLogger, capturedLogger } from '../support/capturedLogger';
import { FaultyStorage } from '../support/FaultyStorage';
import { TEST_SETTINGS } from '../support/testBot';

const PERSONAL = 'My name is Jane, call me on +1 (555) 010-9876 or jane.doe@mail.example about my sciatica';

async function startLogged(settings: Record<string, string> = {}): Promise<{ bot: RunningBot; logs: CapturedLogger }> {
  const logs = capturedLogger('info');
  const bot = await startBot(loadConfig({ ...TEST_SETTINGS, LOG_LEVEL: 'info', ...settings }), logs.logger);
  return { bot, logs };
}

describe('logging', () => {
  describe('by default', () => {
    let bot: RunningBot;
    let logs: CapturedLogger;
    before(async () => ({ bot, logs } = await startLogged()));
    after(() => bot.close());

    it('logs each request once with its id, method, path, status and duration, and echoes the id', async () => {
      const response = await fetch(`${bot.url}/api/messages?token=secret-in-query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      const id = response.headers.get('x-request-id');
      expect(id).to.be.a('string').with.length.greaterThan(8);
      const lines = logs.lines.filter((line) => line.msg === 'request' && line.reqId === id);
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include({ method: 'POST', path: '/api/messages', status: 400 });
      expect(lines[0].ms).to.be.a('number');
      expect(logs.raw()).to.not.include('secret-in-query');
    });

    it('keeps a caller’s x-request-id when it looks like an id, and replaces one that does not', async () => {
      const kept = await fetch(`${bot.url}/healthz`, { headers: { 'x-request-id': 'azure-fd-7f3a.42' } });
      expect(kept.headers.get('x-request-id')).to.equal('azure-fd-7f3a.42');
      const forged = await fetch(`${bot.url}/healthz`, { headers: { 'x-request-id': '"} {"level":60,"msg":"forged' } });
      expect(forged.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    });

    it('never logs what the patient wrote, or their phone number or email', async () => {
      const turn = await new ChannelConversation(bot.url, 'sms').say(PERSONAL);
      expect(turn.status).to.equal(200);
      const raw = logs.raw();
      for (const secret of ['Jane', '010-9876', '0109876', 'jane.doe', 'mail.example', 'sciatica"']) expect(raw).to.not.include(secret);
      expect(logs.lines.some((line) => line.msg === 'transcript')).to.equal(false);
    });
  });

  describe('with LOG_TRANSCRIPTS=true', () => {
    let bot: RunningBot;
    let logs: CapturedLogger;
    before(async () => ({ bot, logs } = await startLogged({ LOG_TRANSCRIPTS: 'true' })));
    after(() => bot.close());

    it('warns at start-up that transcripts are on', () => {
      expect(logs.lines.some((line) => line.level === 40 && /LOG_TRANSCRIPTS/.test(line.msg ?? ''))).to.equal(true);
    });

    it('logs each turn once, with personal data redacted and the conversation id hashed', async () => {
      const patient = new ChannelConversation(bot.url, 'sms');
      await patient.say(PERSONAL);
      const [line, ...more] = logs.lines.filter((candidate) => candidate.msg === 'transcript');
      expect(more).to.deep.equal([]);
      const transcript = line.transcript as { said: string; replies: string[]; conversation: string; channelId: string };
      expect(transcript.said).to.equal('My name is [name], call me on [phone] or [email] about my sciatica');
      expect(transcript.replies.length).to.be.greaterThan(0);
      expect(transcript.channelId).to.equal('sms');
      expect(transcript.conversation).to.match(/^[0-9a-f]{16}$/);
      expect(line.reqId).to.be.a('string');
      const raw = logs.raw();
      for (const secret of ['010-9876', 'jane.doe', patient.conversationId]) expect(raw).to.not.include(secret);
    });
  });

  describe('inside a turn', () => {
    let bot: RunningBot;
    let logs: CapturedLogger;
    let storage: FaultyStorage;
    before(async () => {
      storage = new FaultyStorage();
      logs = capturedLogger('info');
      const config = loadConfig({ ...TEST_SETTINGS, LOG_LEVEL: 'info', WEBCHAT_SIGNING_KEY: 'test-signing-key-'.padEnd(48, 'x') });
      bot = await startBot(config, logs.logger, { storage: storage.asConversationStorage() });
    });
    after(() => bot.close());

    // The web chat's origin check wants the address the page is served from.
    const base = () => bot.url.replace('localhost', '127.0.0.1');
    const post = (path: string, body: object, headers: Record<string, string>) =>
      fetch(`${base()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const linesOf = (reqId: string) => logs.lines.filter((line) => line.reqId === reqId).map((line) => line.msg);

    it('names the request on the lines a turn writes: a turn run again after an eTag race, the error handler', async () => {
      const activity = {
        type: 'message',
        text: 'what causes sciatica',
        channelId: 'msteams',
        serviceUrl: 'https://smba.example.invalid/',
        deliveryMode: 'expectReplies',
        conversation: { id: 'logged-conversation' },
        from: { id: 'patient' },
        recipient: { id: 'sciatica-bot' },
      };
      storage.failNextWrites('conflict', 1);
      expect((await post('/api/messages', activity, { 'x-request-id': 'channel-raced-1' })).status).to.equal(200);
      storage.failNextWrites('outage', 1);
      expect((await post('/api/messages', activity, { 'x-request-id': 'channel-failed-2' })).status).to.equal(200);
      expect(linesOf('channel-raced-1')).to.deep.equal([
        'conversation state changed during the turn; running it again on the saved state',
        'request',
      ]);
      expect(linesOf('channel-failed-2')).to.deep.equal(['turn failed', 'request']);
    });

    it('names the request on a web chat turn’s lines too', async () => {
      const origin = { Origin: base() };
      const session = (await (await post('/api/webchat/conversations', {}, origin)).json()) as { conversationId: string; token: string };
      storage.failNextWrites('outage', 1);
      const turn = await post(
        `/api/webchat/conversations/${session.conversationId}/activities`,
        { type: 'message', text: 'what causes sciatica' },
        { ...origin, Authorization: `Bearer ${session.token}`, 'x-request-id': 'web-chat-failed-3' },
      );
      expect(turn.status).to.equal(200);
      expect(linesOf('web-chat-failed-3')).to.deep.equal(['turn failed', 'request']);
    });
  });
});
