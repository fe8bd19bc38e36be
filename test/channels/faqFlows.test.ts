/**
 * The FAQ on every channel: an answer with follow-ups and a tap on one, "did you mean" and a tap on a
 * suggestion, and the honest no-answer with popular topics and the booking offer.
 */
import { expect } from 'chai';
import { toPlainText } from '../../channels/plainText';
import { type Turn, traces } from '../support/ChannelConversation';
import { useTestBot } from '../support/testBot';
import { CHANNELS, choicesOf, linksOf, type TestChannel, Transcript } from './channelTranscript';

/** Candidates for a message the knowledge base cannot settle; the first one it cannot is used. */
const AMBIGUOUS = ['back pain', 'what helps', 'tight hip', 'pain in my buttock'];

function expectChoiceForm(turn: Turn, channel: TestChannel): void {
  if (channel === 'sms')
    expect(turn.text)
      .to.match(/^1\. .+\n2\. /m)
      .and.match(/Reply with a number\./);
  else if (channel === 'msteams')
    expect(turn.messages.some((m) => m.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.hero')).to.equal(true);
  else expect(turn.messages.some((m) => (m.suggestedActions?.actions.length ?? 0) > 0)).to.equal(true);
}

function faqTrace(turn: Turn): { answerId: string | null } {
  const found = traces(turn, 'FaqMatch');
  expect(found, 'one FaqMatch trace').to.have.length(1);
  return found[0].value as { answerId: string | null };
}

describe('FAQ flows on each channel', () => {
  const bot = useTestBot();

  for (const channel of CHANNELS) {
    describe(channel, () => {
      it('answers with follow-ups, and a tapped follow-up answers that topic', async () => {
        const patient = new Transcript(bot.url, channel);
        const answer = await patient.say('what is sciatica');
        expect(answer.text).to.match(/sciatic nerve/i);
        expect(choicesOf(answer, channel).map((c) => c.title)).to.deep.equal(['Symptoms', 'Common causes', 'Finding the cause']);
        expectChoiceForm(answer, channel);
        if (channel === 'emulator') expect(faqTrace(answer).answerId).to.equal('what-is-sciatica');

        const tapped = await patient.choose(answer, 'Common causes');
        expect(tapped.text).to.match(/herniated disc/i);
        if (channel === 'emulator') expect(faqTrace(tapped).answerId).to.equal('causes');
        if (channel === 'msteams' || channel === 'webchat') {
          const offered = choicesOf(answer, channel).find((c) => c.title === 'Common causes');
          expect(offered).to.deep.include({ type: 'messageBack', value: { entryId: 'causes' } });
        }
      });

      it('offers "did you mean" for an ambiguous message, and a tapped suggestion is answered', async () => {
        const kb = bot.running.assembled.knowledge();
        const message = AMBIGUOUS.find((text) => kb.decide(text).kind === 'didYouMean');
        expect(message, 'a real ambiguous message').to.be.a('string');
        const decision = kb.decide(message as string);
        if (decision.kind !== 'didYouMean') throw new Error('unreachable');
        const patient = new Transcript(bot.url, channel);
        const offer = await patient.say(message as string);
        expect(offer.text).to.match(/Did you mean/);
        const titles = choicesOf(offer, channel).map((c) => c.title);
        expect(titles).to.deep.equal([...decision.suggestions.map((entry) => entry.title ?? entry.id), 'None of these']);
        expectChoiceForm(offer, channel);
        if (channel === 'emulator') expect(faqTrace(offer).answerId).to.equal(null);

        const second = decision.suggestions[1];
        const answer = await patient.choose(offer, titles[1]);
        const said = bot.running.assembled.replies.say(second.answer);
        expect(answer.text).to.include((channel === 'sms' ? toPlainText(said) : said).slice(0, 40));
        if (channel === 'emulator') expect(faqTrace(answer).answerId).to.equal(second.id);
      });

      it('admits it has no answer, offers three popular topics and the booking links', async () => {
        const turn = await new Transcript(bot.url, channel).say('what will the weather be like tomorrow');
        expect(turn.text).to.match(/^Sorry, I don't have an answer to that one/m);
        expect(choicesOf(turn, channel).map((c) => c.title)).to.deep.equal(['What is sciatica?', 'Common causes', 'How long to heal?']);
        expect(turn.text).to.match(/book a first session or start with a free discovery call/);
        expect(linksOf(turn, channel).map((l) => l.title)).to.deep.equal(['Book your first session', 'Schedule a free discovery call']);
        if (channel === 'emulator') expect(faqTrace(turn).answerId).to.equal(null);
      });
    });
  }
});
