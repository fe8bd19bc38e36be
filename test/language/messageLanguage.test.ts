/**
 * The language of a message (language/MessageLanguage): plainly English messages skip the detector, which
 * must change no decision, and a server that starts before the detector has loaded still reads a Spanish
 * message as Spanish.
 */
import { expect } from 'chai';
import { isPlainlyEnglish, MessageLanguage } from '../../language/MessageLanguage';
import { developmentMessages } from '../support/developmentMessages';

const SPANISH = 'me duele mucho la espalda y no puedo dormir';

describe('message language (the reply language of what is not safety advice)', () => {
  it('reads a Spanish message as Spanish and an English one as English', async () => {
    const language = await MessageLanguage.load();
    expect(language.isSpanish(SPANISH)).to.equal(true);
    expect(language.isSpanish('can I pay con tarjeta? y hay estacionamiento?')).to.equal(true);
    expect(language.isSpanish('my back hurts and I cannot sleep at night')).to.equal(false);
  });

  it("skips the detector only where it says the same or is wrong: every development message, the detector's own verdict", async () => {
    const language = await MessageLanguage.load();
    const { eld } = await import('eld/extrasmall');
    const messages = developmentMessages();
    const differ = messages.filter((text) => {
      const result = eld.detect(text);
      const detector = text.trim().split(/\s+/).length >= 3 && result.language === 'es' && result.isReliable();
      return language.isSpanish(text) !== detector;
    });
    // The one difference is the detector's mistake: English slang it reads as Spanish ("mate", the tea), which
    // had the bot answer that it only speaks English, in Spanish.
    expect(differ).to.deep.equal(['no idea mate']);
    expect(language.isSpanish('no idea mate')).to.equal(false);
    // The shortcut is worth having: most messages are plainly English.
    expect(messages.filter(isPlainlyEnglish).length).to.be.greaterThan(messages.length * 0.8);
  });

  it('answers a plainly English message before the detector has loaded, and has a Spanish one wait for it', async () => {
    const language = MessageLanguage.later();
    expect(language.readyFor('what is sciatica and how long does it last')).to.equal(undefined);
    expect(language.isSpanish('what is sciatica and how long does it last')).to.equal(false);
    // A short question, often a conversation's first, right after a restart: it must not wait either.
    expect(language.readyFor('what is sciatica')).to.equal(undefined);
    expect(language.isSpanish('what is sciatica')).to.equal(false);
    const loading = language.readyFor(SPANISH);
    expect(loading).to.be.instanceOf(Promise);
    await loading;
    expect(language.readyFor(SPANISH)).to.equal(undefined);
    expect(language.isSpanish(SPANISH)).to.equal(true);
  });
});
