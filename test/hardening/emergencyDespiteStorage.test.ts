import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { createLogger } from '../../config/logger';
import { type RunningBot, startBot } from '../../server/startBot';
import { type Azurite, startAzurite } from '../support/azurite';
import { ChannelConversation } from '../support/ChannelConversation';
import { type CapturedLogger, capturedLogger } from '../support/capturedLogger';
import { type FakeConnector, startFakeConnector } from '../support/FakeConnector';
import { FaultyStorage } from '../support/FaultyStorage';
import { TEST_SETTINGS } from '../support/testBot';
import { waitUntil } from '../support/waitUntil';
import { startWebChatTestBot, visibleText, type WebChatTestBot } from '../web/webChatClient';

const EMERGENCY = 'I wet myself this morning and did not even notice';

describe('emergency advice when conversation storage stops answering', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let connector: FakeConnector;
  const storage = new FaultyStorage();
  before(async () => {
    connector = await startFakeConnector();
    const config = loadConfig(TEST_SETTINGS);
    bot = await startBot(config, createLogger(config), { storage: storage.asConversationStorage() });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('posts the emergency reply at once, before the stalled state read returns', async () => {
    const release = storage.holdReads();
    const turn = fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: EMERGENCY,
        channelId: 'sms',
        serviceUrl: connector.serviceUrl,
        conversation: { id: `sms-${randomUUID()}` },
        from: { id: '+15550100' },
        recipient: { id: 'bot' },
      }),
    });
    try {
      await waitUntil(
        () => connector.posted.some((activity) => /call 911/i.test(activity.text ?? '')),
        5000,
        'the emergency reply to be posted',
      );
    } finally {
      release();
    }
    expect((await turn).status).to.be.below(500);
  });

  it('answers the next message with the reminder even while the escalation is still being saved (a conversation stored for the first time)', async () => {
    const patient = new ChannelConversation(bot.url, 'msteams');
    // Saves take 5 s: the next message arrives while the escalation is still being written.
    storage.writeDelayMs = 5000;
    try {
      expect((await patient.say(EMERGENCY)).text).to.match(/call 911/i);
      const next = await patient.say('is walking good for sciatica');
      expect(next.text).to.match(/Reminder: if you have any of those warning signs, call 911/);
    } finally {
      storage.writeDelayMs = 0;
    }
    expect((await patient.say('what is sciatica')).text).to.match(/Reminder: if you have any of those warning signs, call 911/);
  });
});

describe('safety advice while blob storage is frozen (Azurite stopped with SIGSTOP)', function () {
  this.timeout(180_000);
  let azurite: Azurite;
  let connector: FakeConnector;
  let web: WebChatTestBot;
  let logs: CapturedLogger;

  const start = async (settings: Record<string, string>) => {
    logs = capturedLogger();
    web = await startWebChatTestBot(
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: `state-${randomUUID()}`, ...settings },
      logs.logger,
    );
  };
  before(async () => {
    azurite = await startAzurite();
    connector = await startFakeConnector();
  });
  afterEach(() => web?.close());
  after(async () => {
    await connector.close();
    await azurite.stop();
  });

  /** A patient on SMS: replies are posted to the connector, not returned in the response. */
  const smsTurn = (conversationId: string, text: string) =>
    fetch(`${web.running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text,
        channelId: 'sms',
        serviceUrl: connector.serviceUrl,
        conversation: { id: conversationId },
        from: { id: '+15550100' },
        recipient: { id: 'bot' },
      }),
    });
  const postedTo = (conversationId: string) =>
    connector.posted
      .filter((activity) => activity.conversation?.id === conversationId)
      .map((activity) => activity.text ?? '')
      .join('\n');

  it('gives the emergency advice on the web chat page, an expectReplies channel and SMS while storage is frozen, and remembers it once storage is back', async () => {
    // A generous bound: the record must be saved when Azurite answers again, not given up while it is paused.
    await start({ STORAGE_TIMEOUT_MS: '60000' });
    const page = await web.startConversation();
    const teams = new ChannelConversation(web.running.url, 'msteams');
    const sms = `sms-${randomUUID()}`;
    // Each patient has chatted before, so there is stored state to update.
    expect((await web.say(page, { type: 'message', text: 'what is sciatica' })).status).to.equal(200);
    expect((await teams.say('what is sciatica')).status).to.equal(200);
    expect((await smsTurn(sms, 'what is sciatica')).status).to.equal(200);
    await waitUntil(() => postedTo(sms).length > 0, 10_000, 'the SMS answer');

    azurite.pause();
    let answers: { page: string; teams: string; sms: string };
    try {
      const [pageTurn, teamsTurn] = await Promise.all([
        web
          .say(page, { type: 'message', text: EMERGENCY })
          .then(async (response) => visibleText(((await response.json()) as { activities: [] }).activities)),
        teams.say(EMERGENCY),
        smsTurn(sms, EMERGENCY),
      ]);
      await waitUntil(() => /call 911/i.test(postedTo(sms)), 60_000, 'the emergency advice posted to SMS');
      answers = { page: pageTurn, teams: teamsTurn.text, sms: postedTo(sms) };
      // Nothing about storage has been decided yet: no save has finished or failed while it is paused.
      expect(logs.lines.filter((line) => line.level >= 50).map((line) => line.msg)).to.deep.equal([]);
    } finally {
      azurite.resume();
    }
    for (const [channel, text] of Object.entries(answers)) {
      expect(text, channel).to.match(/call 911/i);
      expect(text, channel).to.not.match(/something went wrong/i);
    }

    await web.running.assembled.settled();
    const reminder = /Reminder: if you have any of those warning signs, call 911/;
    const pageAfter = await web.say(page, { type: 'message', text: 'what is sciatica' });
    expect(visibleText(((await pageAfter.json()) as { activities: [] }).activities)).to.match(reminder);
    expect((await teams.say('what is sciatica')).text).to.match(reminder);
  });

  it('answers an ordinary message with an apology once STORAGE_TIMEOUT_MS has passed, rather than wait on a frozen store', async () => {
    await start({ STORAGE_TIMEOUT_MS: '1000' });
    const teams = new ChannelConversation(web.running.url, 'msteams');
    expect((await teams.say('what is sciatica')).status).to.equal(200);
    azurite.pause();
    let turn: Awaited<ReturnType<ChannelConversation['say']>>;
    try {
      turn = await teams.say('is walking good for sciatica');
    } finally {
      azurite.resume();
    }
    expect(turn.status).to.equal(200);
    expect(turn.text).to.match(/something went wrong/i);
    expect(logs.raw()).to.include('did not finish within 1000 ms');
  });
});
