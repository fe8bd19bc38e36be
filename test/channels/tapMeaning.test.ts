/**
 * Buttons carry what they mean: the "Check my symptoms", yes / no / not sure and "None of these" taps
 * carry a command or an answer, so staff editing the phrase lists and labels in conversation.json
 * cannot turn a button into something else (before, a tap said its phrase again and was matched
 * against the editable lists: without "check my symptoms" in them, the safety-check button became an
 * FAQ answer).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { capturedLogger } from '../support/capturedLogger';
import { TEST_SETTINGS } from '../support/testBot';
import { CHANNELS, choicesOf, Transcript } from './channelTranscript';

const FIRST_QUESTION = /^Have you had any trouble passing urine/m;
const SECOND_QUESTION = /^Do you have any numbness/m;
const AMBIGUOUS = ['back pain', 'what helps', 'tight hip', 'pain in my buttock'];

/** conversation.json as a clinic might edit it: new trigger phrases, and a "No" label no recogniser knows. */
function editedWording(directory: string): string {
  const wording = JSON.parse(readFileSync('knowledge/conversation.json', 'utf8'));
  wording.commands.checkSymptoms = wording.commands.checkSymptoms.filter((phrase: string) => phrase !== 'check my symptoms');
  wording.commands.checkSymptoms.push('run the symptom checker');
  wording.commands.noneOfThese = ['none of the above'];
  wording.answerChoices.no = 'All clear';
  const path = join(directory, 'conversation.json');
  writeFileSync(path, JSON.stringify(wording));
  return path;
}

describe('buttons carry what they mean, whatever the editable phrase lists say', () => {
  let directory = '';
  let bot: RunningBot;
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'tap-meaning-'));
    bot = await startBot(loadConfig(TEST_SETTINGS), capturedLogger().logger, { conversationWordingPath: editedWording(directory) });
  });
  after(async () => {
    await bot.close();
    rmSync(directory, { recursive: true, force: true });
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
        const kb = bot.assembled.knowledge();
        const message = AMBIGUOUS.find((text) => kb.decide(text).kind === 'didYouMean') as string;
        const patient = new Transcript(bot.url, channel);
        const offer = await patient.say(message);
        const reply = await patient.choose(offer, 'None of these');
        expect(reply.text).to.match(/^Thanks\. Could you say it another way\?/);
      });
    });
  }
});
