/**
 * The safety check answered in patients' own words on every channel: all "no" ends in advice
 * tailored to duration, pain and age and the booking links; a "yes", a hesitant yes, "not sure", or
 * an answer still not understood after two re-asks escalates at once, with no booking link.
 */
import { expect } from 'chai';
import type { Turn } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';
import { CHANNELS, choicesOf, linksOf, Transcript } from './channelTranscript';
import { expectEmergencyAdvice } from './expectEscalation';

const FIRST_QUESTION = /^Have you had any trouble passing urine/m;
const QUESTIONS = 11;
const TYPED_NO = ['no', 'nope', "no I don't", 'not really', 'nah'];

describe('the safety check on each channel', () => {
  const bot = useTestBot();

  async function startCheck(patient: Transcript): Promise<Turn> {
    const turn = await patient.say('check my symptoms');
    expect(turn.text).to.match(FIRST_QUESTION);
    expect(choicesOf(turn, patient.channel).map((c) => c.title)).to.deep.equal(['Yes', 'No', 'Not sure']);
    return turn;
  }

  for (const channel of CHANNELS) {
    describe(channel, () => {
      it('all "no" (in many wordings), then context, ends in tailored advice and both booking links', async () => {
        const patient = new Transcript(bot.url, channel);
        let turn = await startCheck(patient);
        for (let question = 0; question < QUESTIONS; question++) {
          const typed = TYPED_NO[question];
          // The rest are taps: "No" on a button, or "2" on SMS.
          turn = typed ? await patient.say(typed) : await patient.choose(turn, 'No');
          expect(turn.text, `after answer ${question + 1}`).to.not.match(/didn't catch that|Please call/);
        }
        expect(turn.text).to.match(/How long have you had this pain/);
        expect((await patient.say('about three weeks')).text).to.match(/scale of 0 to 10/);
        expect((await patient.say('8/10')).text).to.match(/how old are you/);
        const closing = await patient.say("I'm 62");
        expect(closing.text).to.match(/Nothing you've told me needs urgent medical attention/);
        expect(closing.text, 'acute').to.match(/Acute sciatica often settles within 4 to 6 weeks/);
        expect(closing.text, 'not persistent').to.not.match(/lasted longer than 6 weeks/);
        expect(closing.text, 'high pain').to.match(/Your pain is high right now/);
        expect(closing.text, 'age').to.match(/over 50 with new back pain/);
        expect(closing.text, 'safety net').to.match(/If anything changes.*call 911/);
        expect(linksOf(closing, channel).map((l) => l.title)).to.deep.equal(['Book your first session', 'Schedule a free discovery call']);
        const last = closing.messages.at(-1)!;
        expect(linksOf({ ...closing, messages: [last], text: last.text ?? '' }, channel), 'ends with the links').to.have.length(2);
      });

      it('a "Yes" to the first question escalates with the emergency number, no booking link', async () => {
        const patient = new Transcript(bot.url, channel);
        const question = await startCheck(patient);
        expectEmergencyAdvice(await patient.choose(question, 'Yes'), channel, 'bladder-bowel');
      });

      it('a tapped "Not sure" (3 on SMS) escalates like a yes', async () => {
        const patient = new Transcript(bot.url, channel);
        const question = await startCheck(patient);
        expectEmergencyAdvice(await patient.choose(question, 'Not sure'), channel, 'bladder-bowel');
      });

      for (const answer of ['yeah', 'I think so', 'not sure']) {
        it(`"${answer}" escalates at once`, async () => {
          const patient = new Transcript(bot.url, channel);
          await startCheck(patient);
          expectEmergencyAdvice(await patient.say(answer), channel, 'bladder-bowel');
        });
      }

      it('an answer it cannot read is asked again twice, then treated as "not sure"', async () => {
        const patient = new Transcript(bot.url, channel);
        await startCheck(patient);
        for (let attempt = 0; attempt < 2; attempt++) {
          const again = await patient.say('purple elephants');
          expect(again.text)
            .to.match(/didn't catch that/)
            .and.match(FIRST_QUESTION);
        }
        expectEmergencyAdvice(await patient.say('purple elephants'), channel, 'bladder-bowel');
      });
    });
  }
});
