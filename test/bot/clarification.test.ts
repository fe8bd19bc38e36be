import { expect } from 'chai';
import { ChannelConversation, traces } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';

const AMBIGUOUS = 'I had an accident this morning';
const QUESTION = /have you lost control of your bladder or bowels/i;

describe('a clarifying question for an ambiguous message', () => {
  const bot = useTestBot();

  it('asks once, without a RedFlag trace; a yes escalates with the rule that asked', async () => {
    const patient = new ChannelConversation(bot.url, 'emulator');
    const asked = await patient.say(AMBIGUOUS);
    expect(asked.text).to.match(QUESTION);
    expect(traces(asked, 'RedFlag')).to.be.empty;

    const yes = await patient.say('yeah');
    expect(yes.messages[0].text).to.match(/call 911/i);
    expect(traces(yes, 'RedFlag').map((trace) => trace.value)).to.deep.equal([{ urgency: 'emergency', flags: ['bladder-bowel-check'] }]);
  });

  it('treats "not sure" as a yes', async () => {
    const patient = new ChannelConversation(bot.url, 'webchat');
    await patient.say(AMBIGUOUS);
    expect((await patient.say('not sure')).text).to.match(/call 911/i);
  });

  it('after a no, carries on without escalating', async () => {
    const patient = new ChannelConversation(bot.url, 'emulator');
    await patient.say(AMBIGUOUS);
    const no = await patient.say('no, a car bumped into mine');
    expect(traces(no, 'RedFlag')).to.be.empty;
    expect(no.text).not.to.match(/call 911/i);
  });

  it('in the middle of the safety check, a no goes back to the question that was being asked', async () => {
    const patient = new ChannelConversation(bot.url, 'webchat');
    await patient.say('check my symptoms');
    await patient.say('no');
    expect((await patient.say(AMBIGUOUS)).text).to.match(QUESTION);
    expect((await patient.say('no')).text).to.match(/numbness or loss of feeling in your groin/);
  });
});
