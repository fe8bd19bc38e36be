/**
 * Emergencies on every channel: one typed as the very first message is answered before any welcome,
 * and for the rest of the session every reply starts with the reminder and nothing pitches a booking;
 * a booking request gets the practice's details, advice first, without links.
 */
import { expect } from 'chai';
import type { Turn } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';
import { CHANNELS, choicesOf, linksOf, type TestChannel, Transcript } from './channelTranscript';
import { BOOKING_PITCH, EMERGENCY_REMINDER, expectEmergencyAdvice } from './expectEscalation';

const EMERGENCY = "I can't control my bladder and my legs are numb";

function expectReminderFirst(turn: Turn, channel: TestChannel): void {
  expect(turn.messages[0]?.text?.startsWith(EMERGENCY_REMINDER), turn.messages[0]?.text).to.equal(true);
  expect(linksOf(turn, channel), 'no booking link after an escalation').to.be.empty;
  expect(turn.text).to.not.match(BOOKING_PITCH);
}

describe('emergencies on each channel', () => {
  const bot = useTestBot();

  for (const channel of CHANNELS) {
    describe(channel, () => {
      it('an emergency as the very first message gets the advice before anything else', async () => {
        const turn = await new Transcript(bot.url, channel).say(EMERGENCY);
        expectEmergencyAdvice(turn, channel);
        expect(turn.text, 'no welcome or introduction').to.not.match(/I'm the Garrett Sciatica Clinic assistant/);
        expect(turn.messages).to.have.length(1);
      });

      it('after an escalation, every reply starts with the reminder and nothing offers a booking', async () => {
        const patient = new Transcript(bot.url, channel);
        expectEmergencyAdvice(await patient.say(EMERGENCY), channel);

        const answer = await patient.say('what is sciatica');
        expectReminderFirst(answer, channel);
        expect(answer.text).to.match(/sciatic nerve/i);
        // An answer that normally ends with the booking offer, and the fallback that always does.
        expectReminderFirst(await patient.say('how long does sciatica last'), channel);
        const fallback = await patient.say('what will the weather be like tomorrow');
        expectReminderFirst(fallback, channel);
        expect(choicesOf(fallback, channel), 'the topics are still offered').to.have.length(3);
        expectReminderFirst(await patient.choose(fallback, 'Common causes'), channel);

        const booking = await patient.say("it's fine, I just want to book");
        expectReminderFirst(booking, channel);
        expect(booking.text)
          .to.match(/book a first session with Dr\. Garrett/)
          .and.match(/\+1 555 010 2030/);
        expect(booking.text.indexOf('Reminder:')).to.be.lessThan(booking.text.indexOf('book a first session'));
      });

      it('after an escalation, "ok can I book then" gets the same reply as any booking request: advice, then the practice\'s details', async () => {
        const patient = new Transcript(bot.url, channel);
        await patient.say(EMERGENCY);
        const asked = await patient.say('ok can I book then');
        expectReminderFirst(asked, channel);
        expect(asked.text, 'no pointing at buttons that are not there').to.not.match(/below|button|option/i);
        expect(asked.text)
          .to.match(/book a first session with Dr\. Garrett/)
          .and.match(/\+1 555 010 2030/);
        const typed = await patient.say('I just want to book');
        expect(asked.messages.map((m) => m.text)).to.deep.equal(typed.messages.map((m) => m.text));
        expect(choicesOf(asked, channel)).to.deep.equal(choicesOf(typed, channel));
      });
    });
  }
});
