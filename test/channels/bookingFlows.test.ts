/**
 * Booking on every channel: however the patient asks, both links go out with the configured URLs,
 * tagged with the channel; on SMS they come in a message of their own, as plain URLs.
 */
import { expect } from 'chai';
import { TEST_SETTINGS, useTestBot } from '../support/testBot';
import { CHANNELS, linksOf, Transcript } from './channelTranscript';

const REQUESTS = ['book', 'I want to book an appointment', 'how do I see Dr. Garrett'];

describe('booking on each channel', () => {
  const bot = useTestBot();

  for (const channel of CHANNELS) {
    for (const request of REQUESTS) {
      it(`${channel}: "${request}" gets both booking links with the configured URLs`, async () => {
        const turn = await new Transcript(bot.url, channel).say(request);
        expect(turn.text).to.match(/book a first session with Dr\. Garrett/);
        const links = linksOf(turn, channel);
        expect(links.map((link) => link.title)).to.deep.equal(['Book your first session', 'Schedule a free discovery call']);
        const [first, discovery] = links.map((link) => new URL(link.url));
        expect(`${first.origin}${first.pathname}`).to.equal(TEST_SETTINGS.BOOKING_URL);
        expect(`${discovery.origin}${discovery.pathname}`).to.equal(TEST_SETTINGS.DISCOVERY_CALL_URL);
        for (const url of [first, discovery]) expect(url.searchParams.get('utm_medium')).to.equal(channel);

        if (channel === 'sms') {
          const last = turn.messages.at(-1)?.text ?? '';
          expect(last, 'links in a message of their own').to.equal(links.map((link) => `${link.title}: ${link.url}`).join('\n'));
        } else {
          expect(turn.messages.at(-1)?.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.hero');
        }
      });
    }
  }
});
