/**
 * What the bot says and how it reads answers live in knowledge/conversation.json, not in code: a
 * clinic's edited copy changes the numbered-list prompt and the MORE hint patients see on SMS, the
 * typed words that count as a yes, and the words that skip a context question of the safety check.
 */
import { expect } from 'chai';
import { useBotWithEditedWording } from '../support/editedWordingBot';
import { faqWithLongAnswer } from '../support/longAnswerFaq';
import { Transcript } from './channelTranscript';
import { expectEmergencyAdvice } from './expectEscalation';

const REPLY_WITH_NUMBER = 'Text back the number you want.';
const MORE_HINT = 'Text MORE to keep reading.';

describe('wording edited in conversation.json reaches the patient', () => {
  const bot = useBotWithEditedWording(
    (wording) => {
      wording.replyWithNumber = REPLY_WITH_NUMBER;
      wording.moreHint = MORE_HINT;
      wording.yesNo.yes.push('aye');
      wording.screeningSkipWords.words.push('rather not');
    },
    (directory) => ({ FAQ_PATH: faqWithLongAnswer(directory) }),
  );

  it('on SMS, a numbered list ends with the edited prompt and a long answer with the edited MORE hint', async () => {
    const patient = new Transcript(bot.url, 'sms');
    await patient.sayOnce('hi');
    const question = await patient.sayOnce('check my symptoms');
    expect(question.text).to.match(/^1\. Yes$/m);
    expect(question.text.endsWith(`\n\n${REPLY_WITH_NUMBER}`), question.text).to.equal(true);
    await patient.sayOnce('start over');
    const answer = await patient.sayOnce('what is sciatica');
    expect(answer.text.endsWith(`\n\n${MORE_HINT}`), answer.text).to.equal(true);
    expect(answer.text).to.not.include('Reply MORE');
  });

  it('a typed yes from the edited list escalates', async () => {
    const patient = new Transcript(bot.url, 'webchat');
    await patient.say('check my symptoms');
    expectEmergencyAdvice(await patient.say('aye'), 'webchat', 'bladder-bowel');
  });

  it('an edited skip word skips a context question without asking it again', async () => {
    const patient = new Transcript(bot.url, 'webchat');
    let turn = await patient.say('check my symptoms');
    while (!/How long have you had this pain/.test(turn.text)) turn = await patient.choose(turn, 'No');
    const next = await patient.say('rather not');
    expect(next.text).to.not.match(/How long have you had this pain/);
    expect(next.text).to.match(/scale of 0 to 10/);
  });
});
