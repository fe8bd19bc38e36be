/**
 * What a patient sees of issue 14's FAQ changes, through the assembled bot: a question at the end of a
 * long story is answered, and a question about another body part or species gets the polite "I can only
 * help with sciatica" with topics, never a sciatica answer or a booking pitch.
 */

import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { testAdapterFor } from '../support/testBotParts';

const text = (activity: Partial<Activity>) => activity.text ?? '';
const hasLinks = (activity: Partial<Activity>) => (activity.attachments ?? []).length > 0;

const STORY =
  "Hi, I'm 47 and I work in an office in Manchester. It started about five weeks ago after I moved house and carried a lot of boxes. " +
  'The pain goes from my lower back through my right buttock and down the back of my thigh. My partner says I should just rest and ' +
  'the physio gave me some exercises that I do every morning. I also tried heat and some tablets from the chemist, which help a bit. ' +
  'It is a little better than it was at the start but it is still there most days. How long does sciatica normally take to go away?';

describe('FAQ answers in a conversation (issue 14)', () => {
  it('answers the question at the end of a story longer than MAX_TEXT_LENGTH', async () => {
    expect(STORY.length).to.be.above(500);
    await testAdapterFor('webchat')
      .send(STORY)
      .assertReply((reply) => expect(text(reply)).to.match(/4–6 weeks/))
      .startTest();
  });

  it('reads a short follow-up with the previous answer, and lets the patient switch topic', async () => {
    await testAdapterFor('webchat')
      .send('should i get a cortisone injection')
      .assertReply((reply) => expect(text(reply)).to.match(/cortisone/i))
      .send('how long does it last')
      .assertReply((reply) => expect(text(reply)).to.match(/cortisone/i))
      .send('what about piriformis?')
      .assertReply((reply) => expect(text(reply)).to.match(/piriformis is a small muscle/i))
      .startTest();
  });

  it('reads "how do I know?" after an answer with that answer, while "how are you?" stays small talk', async () => {
    await testAdapterFor('webchat')
      .send('will I need surgery?')
      .assertReply((reply) => expect(text(reply)).to.match(/without an operation/i))
      .send('how do I know?')
      .assertReply((reply) => expect(text(reply)).to.match(/without an operation/i))
      .send('how are you?')
      .assertReply((reply) => expect(text(reply)).to.match(/thanks for asking/i))
      .startTest();
  });

  it('says it can only help with sciatica when asked about another body part or an animal, with no answer and no pitch', async () => {
    for (const question of ['can a cortisone injection help my knee', 'is ibuprofen safe for my cat']) {
      const replies: Partial<Activity>[] = [];
      await testAdapterFor('webchat')
        .send(question)
        .assertReply((reply) => void replies.push(reply))
        .startTest();
      expect(text(replies[0]), question).to.match(/I can only help with sciatica/);
      expect(text(replies[0]), question).to.not.match(/cortisone|ibuprofen/i);
      expect(hasLinks(replies[0]), question).to.equal(false);
    }
  });
});
