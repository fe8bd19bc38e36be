/**
 * Messages that may describe a red flag: checked once each, given a larger budget of their own
 * rather than none, and once even that is spent, refused with the safety advice in the 429 (so a
 * refused patient still sees the emergency number). A web chat message is at most 16 KB.
 */
import { expect } from 'chai';
import { ChannelConversation } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';
import { startWebChatTestBot, type WebChatTestBot } from '../web/webChatClient';

const EVERYDAY = 2;
const RED_FLAG = 4;
const BUDGETS = { TURNS_PER_MINUTE_PER_CONVERSATION: String(EVERYDAY), RED_FLAG_TURNS_PER_MINUTE: String(RED_FLAG) };
const EMERGENCY = "I can't feel my groin and I wet myself";

describe('red-flag messages on /api/messages', () => {
  const bot = useTestBot(BUDGETS);

  it('a flood of red-flag wording is refused once its own budget is spent, and the 429 carries the emergency advice', async () => {
    const patient = new ChannelConversation(bot.url, 'sms');
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < EVERYDAY + RED_FLAG + 5 && !refusal; i++) {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: EMERGENCY,
          channelId: 'sms',
          deliveryMode: 'expectReplies',
          conversation: { id: patient.conversationId },
          from: { id: patient.userId },
        }),
      });
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
    }
    expect(statuses.slice(0, EVERYDAY + RED_FLAG), 'the everyday and red-flag budgets are both spent first').to.deep.equal(
      Array(EVERYDAY + RED_FLAG).fill(200),
    );
    expect(refusal?.status, 'eventually refused').to.equal(429);
    expect(Number(refusal!.headers.get('retry-after'))).to.be.within(1, 60);
    const body = (await refusal!.json()) as { message?: string };
    expect(body.message).to.match(/call 911/i);
  });

  it('an everyday message over the everyday budget is still refused with the plain wording', async () => {
    const patient = new ChannelConversation(bot.url, 'sms');
    for (let i = 0; i < EVERYDAY; i++) expect((await patient.say('hello')).status).to.equal(200);
    expect((await patient.say(EMERGENCY)).status, 'a red flag still gets through').to.equal(200);
    const refused = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'hello',
        channelId: 'sms',
        deliveryMode: 'expectReplies',
        conversation: { id: patient.conversationId },
        from: { id: patient.userId },
      }),
    });
    expect(refused.status).to.equal(429);
    expect(JSON.stringify(await refused.json())).to.not.match(/911/);
  });

  it('runs the red-flag check once per message, also for a message let through on the red-flag budget', async () => {
    const { detector } = bot.running.assembled;
    const assess = detector.assess;
    const checked: string[] = [];
    detector.assess = (text: string) => {
      checked.push(text);
      return assess.call(detector, text);
    };
    try {
      const patient = new ChannelConversation(bot.url, 'sms');
      for (let i = 0; i < EVERYDAY; i++) await patient.say(`hello ${i}`);
      const turn = await patient.say(EMERGENCY);
      expect(turn.text).to.match(/call 911/i);
      expect(checked).to.deep.equal(['hello 0', 'hello 1', EMERGENCY]);
    } finally {
      detector.assess = assess;
    }
  });
});

describe('red-flag messages on the web chat', () => {
  let bot: WebChatTestBot;
  before(async () => {
    bot = await startWebChatTestBot(BUDGETS);
  });
  after(async () => {
    await bot?.close();
  });

  it('a red-flag flood is refused with the emergency advice as the message the chat shows', async () => {
    const session = await bot.startConversation();
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < EVERYDAY + RED_FLAG + 5 && !refusal; i++) {
      const response = await bot.say(session, { type: 'message', text: EMERGENCY });
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
    }
    expect(statuses.slice(0, EVERYDAY + RED_FLAG)).to.deep.equal(Array(EVERYDAY + RED_FLAG).fill(200));
    expect(refusal?.status).to.equal(429);
    expect(((await refusal!.json()) as { message: string }).message).to.match(/call 911/i);
  });

  it('refuses a 17 KB message with 413 (a patient types far less), and reads 15 KB', async () => {
    const session = await bot.startConversation();
    expect((await bot.say(session, { type: 'message', text: 'my leg hurts '.repeat(1340) })).status).to.equal(413);
    expect((await bot.say(session, { type: 'message', text: 'my leg hurts '.repeat(1180) })).status).to.equal(200);
  });

  it('runs the red-flag check once for a message let through on the red-flag budget', async () => {
    const { detector } = bot.running.assembled;
    const assess = detector.assess;
    let calls = 0;
    detector.assess = (text: string) => {
      if (text === EMERGENCY) calls += 1;
      return assess.call(detector, text);
    };
    try {
      const session = await bot.startConversation();
      for (let i = 0; i < EVERYDAY; i++) await bot.say(session, { type: 'message', text: `hello ${i}` });
      const turn = await bot.say(session, { type: 'message', text: EMERGENCY });
      expect(turn.status).to.equal(200);
      expect(calls).to.equal(1);
    } finally {
      detector.assess = assess;
    }
  });
});
