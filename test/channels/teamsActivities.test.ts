/**
 * Teams sends more than messages: invokes, installation updates, typing, reactions, edits. Each gets
 * the answer Teams expects over HTTP — 501 for an invoke the bot does not implement (as Bot Framework
 * does), the welcome for an install, 200 and no reply for the rest — and none of them reaches the FAQ
 * or the safety check.
 * Replies are delivered the way Teams gets them (posted to the serviceUrl), to a local recorder.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { RunningBot } from '../../server/startBot';
import { ChannelConversation } from '../support/ChannelConversation';
import { startTestBot } from '../support/testBot';

const SILENT_ACTIVITIES: Record<string, Record<string, unknown>> = {
  'installationUpdate (remove)': { type: 'installationUpdate', action: 'remove' },
  typing: { type: 'typing' },
  messageReaction: { type: 'messageReaction', reactionsAdded: [{ type: 'like' }], replyToId: 'reply-1' },
  messageUpdate: { type: 'messageUpdate', text: 'what is sciatica', channelData: { eventType: 'editMessage' } },
  messageDelete: { type: 'messageDelete', channelData: { eventType: 'softDeleteMessage' } },
  'conversationUpdate (bot added)': { type: 'conversationUpdate', membersAdded: [{ id: 'sciatica-bot' }] },
  'conversationUpdate (member removed)': { type: 'conversationUpdate', membersRemoved: [{ id: 'someone' }] },
  'event (meeting start)': { type: 'event', name: 'application/vnd.microsoft.meetingStart', value: {} },
};

const UNKNOWN_INVOKES = ['adaptiveCard/action', 'task/fetch', 'composeExtension/query', 'config/fetch', 'some/futureInvoke'];

describe('Teams activities other than messages', () => {
  let bot: RunningBot;
  let recorder: Server;
  let serviceUrl: string;
  const posted: string[] = [];

  before(async () => {
    bot = await startTestBot();
    recorder = createServer((req, res) => {
      posted.push(`${req.method} ${req.url}`);
      req.resume().on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"sent-1"}');
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await bot.close();
    recorder.close();
  });
  beforeEach(() => posted.splice(0));

  /** Posts as Teams does: no expectReplies, replies go to the serviceUrl. */
  function postAsTeams(activity: Record<string, unknown>): Promise<Response> {
    const conversation = new ChannelConversation(bot.url, 'msteams');
    return fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: conversation.conversationId },
        from: { id: conversation.userId },
        recipient: { id: 'sciatica-bot' },
        id: 'activity-1',
        ...activity,
      }),
    });
  }

  it('posts its reply to a message to the serviceUrl (the recorder works)', async () => {
    const response = await postAsTeams({ type: 'message', text: 'what is sciatica' });
    expect(response.status).to.equal(200);
    expect(posted).to.have.length(1);
  });

  for (const name of UNKNOWN_INVOKES) {
    it(`answers the invoke "${name}" with 501 Not Implemented and sends nothing`, async () => {
      const response = await postAsTeams({ type: 'invoke', name, value: {} });
      expect(response.status).to.equal(501);
      expect(posted).to.be.empty;
    });
  }

  it('welcomes a patient who installs the app, once, without consulting the FAQ or the safety check', async () => {
    const conversation = new ChannelConversation(bot.url, 'emulator');
    const install = { type: 'installationUpdate', action: 'add', text: "what is sciatica? I can't control my bladder" };
    const first = await conversation.post(install);
    expect(first.status).to.equal(200);
    expect(first.text).to.match(/not a diagnosis/);
    expect(
      first.activities.filter((activity) => activity.type === 'trace'),
      'no FaqMatch or RedFlag trace',
    ).to.be.empty;
    expect((await conversation.post(install)).activities, 'welcomed once').to.be.empty;
  });

  for (const [label, activity] of Object.entries(SILENT_ACTIVITIES)) {
    it(`answers ${label} with 200 and no reply`, async () => {
      expect((await postAsTeams(activity)).status).to.equal(200);
      expect(posted).to.be.empty;
    });

    it(`keeps ${label} away from the FAQ and the safety check (expectReplies, traces visible)`, async () => {
      const conversation = new ChannelConversation(bot.url, 'emulator');
      const turn = await conversation.post({ ...activity, text: "what is sciatica? I can't control my bladder" });
      expect(turn.status).to.equal(200);
      expect(turn.activities, 'no reply, no FaqMatch or RedFlag trace').to.be.empty;
    });
  }
});
