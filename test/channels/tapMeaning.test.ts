/**
 * Buttons carry what they mean: the "Check my symptoms", yes / no / not sure and "None of these" taps
 * carry a command or an answer, so staff editing the phrase lists and labels in conversation.json
 * cannot turn a button into something else (before, a tap said its phrase again and was matched
 * against the editable lists: without "check my symptoms" in them, the safety-check button became an
 * FAQ answer).
 */
import { expect } from 'chai';
import { useBotWithEditedWording } from '../support/editedWordingBot';
import { CHANNELS, choicesOf, Transcript } from './channelTranscript';

const FIRST_QUESTION = /^Have you had any trouble passing urine/m;
const SECOND_QUESTION = /^Do you have any numbness/m;
const AMBIGUOUS = ['back pain', 'what helps', 'tight hip', 'pain in my buttock'];

describe('buttons carry what they mean, whatever the editable phrase lists say', () => {
  // conversation.json as a clinic might edit it: new trigger phrases, and a "No" label no recogniser knows.
  const bot = useBotWithEditedWording((wording) => {
    wording.commands.checkSymptoms = wording.commands.checkSymptoms.filter((phrase: string) => phrase !== 'check my symptoms');
    wording.commands.checkSymptoms.push('run the symptom checker');
    wording.commands.noneOfThese = ['none of the above'];
    wording.answerChoices.no = 'All clear';
  });

  for (const channel of CHANNELS) {
    describe(channel, () => {
      it('the offered "Check my symptoms" starts the safety check, and a tapped "All clear" answers no', async () => {
        const patient = new Transcript(bot.url, channel);
        const offer = await patient.say('I have had a burning pain down my left leg for three weeks');
        const check = await patient.choose(offer, 'Check my symptoms');
        expect(check.text, 'the safety check, not an FAQ answer').to.match(FIRST_QUESTION);
        expect(choicesOf(check, channel).map((choice) => choice.title)).to.deep.equal(['Yes', 'All clear', 'Not sure']);
        const next = await patient.choose(check, 'All clear');
        expect(next.text).to.not.match(/didn't catch that/);
        expect(next.text).to.match(SECOND_QUESTION);
      });

      it('a tapped "None of these" gets its reply', async () => {
        const kb = bot.running.assembled.knowledge();
        const message = AMBIGUOUS.find((text) => kb.decide(text).kind === 'didYouMean') as string;
        const patient = new Transcript(bot.url, channel);
        const offer = await patient.say(message);
        const reply = await patient.choose(offer, 'None of these');
        expect(reply.text).to.match(/^Thanks\. Could you say it another way\?/);
      });
    });
  }
});
