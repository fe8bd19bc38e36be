/**
 * A patient in the middle of the safety check when this version is deployed keeps their place: the
 * screening used to live in botbuilder-dialogs' stack (`dialogState`), and is now session state.
 */
import { MemoryStorage } from 'botbuilder';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { loadRedFlagRules } from '../../safety/RedFlagRules';
import { TEST_SETTINGS } from '../support/testBot';
import { assembleTestBot, testAdapterFor } from '../support/testBotParts';

describe('a screening in progress across the upgrade', () => {
  it('carries on from the question the old version asked, and a yes still escalates', async () => {
    const { screening } = loadRedFlagRules(loadConfig(TEST_SETTINGS).redFlagsPath);
    const storage = new MemoryStorage();
    // As the previous version stored a conversation waiting on the second red-flag question.
    await storage.write({
      'webchat/conversations/Convo1/': {
        session: { welcomed: true, lastMessageAt: new Date().toISOString() },
        dialogState: { dialogStack: [{ id: 'screening', state: { progress: { step: 1, reasks: 0 } } }] },
      },
    });
    const assembled = assembleTestBot(storage);
    const asked = (index: number) => assembled.replies.say(screening.questions[index].text);

    await testAdapterFor('webchat', assembled)
      .send('no')
      .assertReply((reply) => expect(reply.text).to.equal(asked(2)))
      .send('yes')
      .assertReply((reply) => expect(reply.text).to.match(/call 911/i))
      .startTest();
  });
});
