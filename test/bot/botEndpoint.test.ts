import { expect } from 'chai';
import { ChannelConversation, traces } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';

describe('the Bot Framework endpoint over HTTP', () => {
  const bot = useTestBot();

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers a question in the HTTP body with expectReplies', async () => {
    const turn = await new ChannelConversation(bot.url, 'webchat').say('what is sciatica');
    expect(turn.status).to.equal(200);
    expect(turn.text).to.match(/sciatic nerve/i);
  });

  it('answers /healthz for load balancers', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ status: 'ok' });
  });

  it('refuses malformed activities with a 400, not a 500', async () => {
    const base = {
      channelId: 'webchat',
      conversation: { id: 'c1' },
      from: { id: 'u1' },
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://localhost',
    };
    const cases: unknown[] = [
      { ...base },
      { ...base, type: 42 },
      { ...base, type: 'message', text: { nested: true } },
      { ...base, type: 'message', conversation: 'c1' },
      { ...base, type: 'message', from: null },
      { ...base, type: 'notAType' },
      [],
      null,
    ];
    for (const body of cases) {
      const response = await post(JSON.stringify(body));
      expect(response.status, JSON.stringify(body)).to.equal(400);
    }
    expect((await post('{"type": "message",')).status).to.equal(400);
  });

  it('with auth off, refuses to post replies to a remote serviceUrl (no request forgery)', async () => {
    const conversation = new ChannelConversation(bot.url, 'webchat');
    const turn = await conversation.post({
      type: 'message',
      text: 'hi',
      deliveryMode: 'normal',
      serviceUrl: 'http://169.254.169.254/latest/',
    });
    expect(turn.status).to.equal(403);
  });

  it('sends the FaqMatch trace on the Emulator, with candidates scored 0..1', async () => {
    const turn = await new ChannelConversation(bot.url, 'emulator').say('what is sciatica');
    const [faqTrace] = traces(turn, 'FaqMatch');
    expect(faqTrace).to.include({ label: 'FAQ match', valueType: 'https://sciatica-bot/schemas/faq-match' });
    const value = faqTrace.value as { query: string; answerId: string; candidates: { id: string; score: number }[] };
    expect(value.query).to.equal('what is sciatica');
    expect(value.answerId).to.equal('what-is-sciatica');
    expect(value.candidates.length).to.be.within(1, 5);
    for (const candidate of value.candidates) expect(candidate.score).to.be.within(0, 1);
  });

  it('sets answerId to null when nothing was answered', async () => {
    const turn = await new ChannelConversation(bot.url, 'emulator').say('what will the weather be like tomorrow');
    const value = traces(turn, 'FaqMatch')[0].value as { answerId: string | null };
    expect(value.answerId).to.equal(null);
  });

  for (const channelId of ['webchat', 'msteams', 'sms', 'directline', 'slack']) {
    it(`sends no trace activity on ${channelId}`, async () => {
      const conversation = new ChannelConversation(bot.url, channelId);
      const turns = [await conversation.say('what is sciatica'), await conversation.say('I wet myself and did not notice')];
      for (const turn of turns) expect(turn.activities.filter((a) => a.type === 'trace')).to.deep.equal([]);
    });
  }
});
