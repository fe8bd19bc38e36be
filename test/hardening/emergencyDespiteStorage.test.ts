import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../config/BotConfig';
import { createLogger } from '../../config/logger';
import { startBot, type RunningBot } from '../../server/startBot';
import { startFakeConnector, type FakeConnector } from '../support/FakeConnector';
import { FaultyStorage } from '../support/FaultyStorage';
import { TEST_SETTINGS } from '../support/testBot';
import { waitUntil } from '../knowledge/waitUntil';

describe('emergency advice when conversation storage stops answering', () => {
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
        type: 'message', text: 'I wet myself this morning and did not even notice', channelId: 'sms', serviceUrl: connector.serviceUrl,
        conversation: { id: `sms-${randomUUID()}` }, from: { id: '+15550100' }, recipient: { id: 'bot' },
      }),
    });
    try {
      await waitUntil(() => connector.posted.some((activity) => /call 911/i.test(activity.text ?? '')), 5000, 'the emergency reply to be posted');
    } finally {
      release();
    }
    expect((await turn).status).to.be.below(500);
  });
});
