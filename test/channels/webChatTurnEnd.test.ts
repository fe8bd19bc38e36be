/**
 * What Web Chat shows at the end of a turn: it shows suggested actions only on the last activity, so
 * the choices a turn offers must be there, beside the booking card that follows an answer or the
 * no-answer reply; and the emergency advice is marked for the page to show as an alert.
 */

import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { ChannelConversation, cardButtons } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';

const lastOf = (messages: Activity[]) => messages[messages.length - 1];
const titles = (activity: Activity) => (activity.suggestedActions?.actions ?? []).map((action) => action.title);

describe('Web Chat: the end of a turn', () => {
  const bot = useTestBot();

  it("shows the no-answer reply's topics on the last activity, beside the booking buttons", async () => {
    const chat = new ChannelConversation(bot.url, 'webchat');
    await chat.join();
    const turn = await chat.say('blah blah quantum flux capacitor');
    expect(turn.text).to.match(/popular topics/i);
    const last = lastOf(turn.messages);
    expect(titles(last), 'topics at the end of the turn').to.have.length.greaterThan(0);
    expect(cardButtons({ ...turn, activities: [last], messages: [last] }).map((button) => button.title)).to.include(
      'Book your first session',
    );
  });

  it('marks the emergency advice as a safety alert, with a call button that dials the number once', async () => {
    const chat = new ChannelConversation(bot.url, 'webchat');
    const turn = await chat.say('I cant feel my groin and cant pee');
    expect(turn.messages[0].channelData).to.deep.include({ safetyAlert: true });
    expect(cardButtons(turn).find((button) => button.type === 'call')?.value).to.equal('911');
  });
});
