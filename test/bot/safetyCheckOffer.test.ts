import { expect } from 'chai';
import { ChannelConversation, suggestedActions } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';

const OFFER = /quick safety check/;

describe('offering the safety check when a patient describes symptoms', () => {
  const bot = useTestBot();

  it('answers, then offers the check once per conversation; the offer starts it', async () => {
    const patient = new ChannelConversation(bot.url, 'webchat');
    const first = await patient.say('I have had a burning pain down my left leg for three weeks');
    expect(first.messages.at(-1)?.text).to.match(OFFER);
    expect(suggestedActions(first).map((action) => action.title)).to.include('Check my symptoms');

    const second = await patient.say('my leg hurts when i sit, what causes sciatica');
    expect(second.messages.length, 'an answer or a did-you-mean').to.be.greaterThan(0);
    expect(second.text, 'offered once').not.to.match(OFFER);

    const check = await patient.say('check my symptoms');
    expect(check.text).to.match(/bladder or bowels/);
  });

  it('does not offer it for a general question', async () => {
    const turn = await new ChannelConversation(bot.url, 'webchat').say('how long does sciatica usually last');
    expect(turn.text).not.to.match(OFFER);
  });
});
