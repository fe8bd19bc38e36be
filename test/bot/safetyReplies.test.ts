import { expect } from 'chai';
import { ChannelConversation } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';

/** What a patient sees of the booking links in a web chat turn. */
const BOOKING_LINK = 'booking.example.com';
const attachmentsText = (turn: { messages: { attachments?: unknown[] }[] }) =>
  JSON.stringify(turn.messages.map((m) => m.attachments ?? []));

describe("safety replies in the patient's words and situation", () => {
  const bot = useTestBot({ CRISIS_LINE: '988' });

  it('answers a Spanish red flag with the advice in Spanish, and the emergency number', async () => {
    const turn = await new ChannelConversation(bot.url, 'webchat').say('desde anoche no puedo orinar y no siento las nalgas');
    expect(turn.messages[0].text).to.match(/^Llame al 911/);
  });

  it('answers an attempt in progress with "call the emergency number now", and gives the crisis line too', async () => {
    const turn = await new ChannelConversation(bot.url, 'webchat').say("i've taken all my tablets");
    expect(turn.messages[0].text)
      .to.match(/^Please call 911 now/)
      .and.match(/988/);
  });

  it('tells a caregiver the advice is for the person they describe', async () => {
    const turn = await new ChannelConversation(bot.url, 'webchat').say("my husband can't pee since last night");
    expect(turn.messages[0].text)
      .to.match(/^You are describing someone else/)
      .and.match(/call 911/i);
  });

  it('gives a Spanish message that is no red flag a short Spanish reply with the clinic phone', async () => {
    const turn = await new ChannelConversation(bot.url, 'webchat').say('hola, quiero saber qué ejercicios puedo hacer para la ciática');
    expect(turn.text).to.match(/solo responde en inglés/);
  });

  it('adds no booking pitch to a message that carries a risk word, even one set aside as denied', async () => {
    const plain = await new ChannelConversation(bot.url, 'webchat').say('what is the weather like on mars');
    expect(attachmentsText(plain), 'the no-answer turn offers booking').to.contain(BOOKING_LINK);
    const risky = await new ChannelConversation(bot.url, 'webchat').say('no bladder problems but what is the weather like on mars');
    expect(risky.status).to.equal(200);
    expect(attachmentsText(risky)).not.to.contain(BOOKING_LINK);
  });
});
