/**
 * Leaving, asking for help in, and breaking into the safety check, on every channel. On SMS,
 * "cancel" is a carrier opt-out word: it gets no reply and the patient keeps their place, and
 * "restart" or "menu" leave the check instead.
 */
import { expect } from 'chai';
import { useTestBot } from '../support/testBot';
import { CHANNELS, choicesOf, Transcript } from './channelTranscript';
import { expectEmergencyAdvice } from './expectEscalation';

const FIRST_QUESTION = /^Have you had any trouble passing urine/m;
const SECOND_QUESTION = /^Do you have any numbness or loss of feeling in your groin/m;

describe('interrupting the safety check on each channel', () => {
  const bot = useTestBot();

  for (const channel of CHANNELS) {
    describe(channel, () => {
      if (channel === 'sms') {
        it('"cancel" gets no reply and keeps the place; "restart" leaves the check', async () => {
          const patient = new Transcript(bot.url, channel);
          await patient.say('check my symptoms');
          const cancelled = await patient.say('cancel');
          expect(cancelled.activities, 'no reply at all').to.be.empty;
          expect((await patient.say('no')).text, 'still in the check').to.match(SECOND_QUESTION);
          const restarted = await patient.say('restart');
          expect(restarted.text)
            .to.match(/let's start again/)
            .and.not.match(/loss of feeling|Please call/);
          // The numbers now mean the topics listed, not Yes / No / Not sure.
          expect(choicesOf(restarted, channel).map((c) => c.title)).to.deep.equal([
            'What is sciatica?',
            'Common causes',
            'How long to heal?',
          ]);
          expect((await patient.say('2')).text).to.match(/herniated disc/i);
        });

        it('"menu" leaves the check with the help and the topics', async () => {
          const patient = new Transcript(bot.url, channel);
          await patient.say('check my symptoms');
          const menu = await patient.say('menu');
          expect(menu.text)
            .to.match(/\+1 555 010 2030 \(Monday to Friday, 8am to 6pm\)/)
            .and.not.match(FIRST_QUESTION);
          expect(choicesOf(menu, channel)).to.have.length(3);
          expect((await patient.say('no')).text, 'no longer in the check').to.not.match(SECOND_QUESTION);
        });
      } else {
        it('"cancel" leaves the check, and a later "no" is not taken as an answer', async () => {
          const patient = new Transcript(bot.url, channel);
          await patient.say('check my symptoms');
          const cancelled = await patient.say('cancel');
          expect(cancelled.text)
            .to.match(/I've stopped that/)
            .and.not.match(FIRST_QUESTION);
          const later = await patient.say('no');
          expect(later.text)
            .to.not.match(SECOND_QUESTION)
            .and.not.match(/didn't catch that/);
        });
      }

      it('"help" answers, asks the same question again, and the check carries on', async () => {
        const patient = new Transcript(bot.url, channel);
        await patient.say('check my symptoms');
        const help = await patient.say('help');
        expect(help.messages[0].text)
          .to.match(/check your symptoms/)
          .and.match(/\+1 555 010 2030 \(Monday to Friday, 8am to 6pm\)/);
        expect(help.messages.at(-1)!.text).to.match(FIRST_QUESTION);
        expect(choicesOf(help, channel).map((c) => c.title)).to.deep.equal(['Yes', 'No', 'Not sure']);
        expect((await patient.say('no')).text).to.match(SECOND_QUESTION);
      });

      it('"more" during the check asks the same question again and keeps the place', async () => {
        const patient = new Transcript(bot.url, channel);
        await patient.say('check my symptoms');
        const again = await patient.say('more');
        expect(again.messages).to.have.length(1);
        expect(again.text).to.match(FIRST_QUESTION);
        expect((await patient.say('no')).text).to.match(SECOND_QUESTION);
      });

      it('a red flag typed instead of an answer escalates at once and ends the check', async () => {
        const patient = new Transcript(bot.url, channel);
        await patient.say('check my symptoms');
        expectEmergencyAdvice(await patient.say("actually I can't feel my bum"), channel);
        expect((await patient.say('no')).text, 'the check is over').to.not.match(SECOND_QUESTION);
      });
    });
  }
});
