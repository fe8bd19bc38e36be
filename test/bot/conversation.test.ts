import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { testAdapterFor } from '../support/testBotParts';

const text = (activity: Partial<Activity>) => activity.text ?? '';
const actionTitles = (activity: Partial<Activity>) => (activity.suggestedActions?.actions ?? []).map((action) => action.title);

describe('a conversation with the bot (TestAdapter transcripts)', () => {
  it('welcomes a patient who joins: who it is, not a diagnosis, the emergency number, topics to tap', async () => {
    const adapter = testAdapterFor('webchat');
    await adapter
      .send({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'patient', name: 'Patient' }],
        recipient: { id: 'bot', name: 'bot' },
      } as Partial<Activity>)
      .assertReply((reply) => {
        expect(text(reply)).to.include('automated assistant for Garrett Sciatica Clinic');
        expect(text(reply)).to.match(/not a diagnosis/);
        expect(text(reply)).to.include('911');
      })
      .assertReply((reply) => expect(actionTitles(reply)).to.deep.equal(['What is sciatica?', 'Common causes', 'How long to heal?']))
      .startTest();
  });

  it('answers a question sent as the very first message, with no gate, and offers its follow-ups', async () => {
    await testAdapterFor('webchat')
      .send('whats piriformis syndrome')
      .assertReply((reply) => {
        expect(text(reply)).to.match(/piriformis/i);
        expect(actionTitles(reply).length).to.be.within(1, 3);
      })
      .startTest();
  });

  it('introduces itself in one line with the first answer on a channel that sends no conversationUpdate', async () => {
    await testAdapterFor('sms')
      .send('what is sciatica')
      .assertReply((reply) => {
        const [introduction, ...answer] = text(reply).split('\n');
        expect(introduction).to.match(/assistant.*not a diagnosis.*911/);
        expect(answer.join(' ')).to.match(/isn't a diagnosis on its own/i);
      })
      .startTest();
  });

  const smallTalk: [string, RegExp][] = [
    ['hello', /what would you like to know/i],
    ['thanks!', /you're welcome/i],
    ['bye', /take care/i],
    ['are you a human?', /not a person.*\+1 555 010 2030/],
    ['what can you do', /check your symptoms/i],
  ];
  for (const [said, expected] of smallTalk) {
    it(`replies to "${said}" with small talk, never the no-answer fallback`, async () => {
      await testAdapterFor('webchat')
        .send(said)
        .assertReply((reply) => {
          expect(text(reply)).to.match(expected);
          expect(text(reply)).not.to.match(/don't have an answer/);
        })
        .startTest();
    });
  }

  it('answers a "did you mean" tap by the entry id it carries, not by matching the text again', async () => {
    await testAdapterFor('webchat')
      .send({ type: 'message', text: 'Something unrelated', value: { entryId: 'spinal-stenosis' } } as Partial<Activity>)
      .assertReply((reply) => expect(text(reply)).to.match(/narrow/i))
      .startTest();
  });

  it('lets "help" answer and re-ask, and "cancel" leave the screening, at any step', async () => {
    await testAdapterFor('webchat')
      .send('check my symptoms')
      .assertReply((reply) => expect(text(reply)).to.match(/few quick questions/))
      .assertReply((reply) => expect(text(reply)).to.match(/bladder or bowels/))
      .send('no')
      .assertReply((reply) => expect(text(reply)).to.match(/groin/))
      .send('help')
      .assertReply((reply) => expect(text(reply)).to.match(/start over/))
      .assertReply((reply) => expect(text(reply)).to.match(/groin/))
      .send('cancel')
      .assertReply((reply) => expect(text(reply)).to.match(/stopped that/))
      .send('no')
      .assertReply((reply) => expect(text(reply)).not.to.match(/weakness in a leg/))
      .startTest();
  });

  it('starts over on request, with the topics to tap', async () => {
    await testAdapterFor('webchat')
      .send('check my symptoms')
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send('start over')
      .assertReply((reply) => expect(text(reply)).to.match(/start again/))
      .assertReply((reply) => expect(actionTitles(reply)).to.include('What is sciatica?'))
      .startTest();
  });
});
