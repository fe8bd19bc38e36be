/**
 * The renderer at the channels' limits, where the transcripts do not reach: a Teams card with more
 * buttons than Teams shows, and SMS replies cut for "more" (never the safety advice).
 */
import { expect } from 'chai';
import { capabilitiesFor } from '../../channels/ChannelCapabilities';
import { MORE_HINT } from '../../channels/pageReply';
import type { Reply } from '../../channels/Reply';
import { renderReplies } from '../../channels/ReplyRenderer';

const choices = Array.from({ length: 6 }, (_, index) => ({ title: `Topic ${index + 1}`, tap: { entryId: `topic-${index + 1}` } }));
const sentences = (count: number) => Array.from({ length: count }, (_, index) => `Sentence number ${index + 1} says something useful about sciatica.`).join(' ');

describe('ReplyRenderer at the channel limits', () => {
  it('keeps a Teams hero card to 6 buttons: links and the call button first, then choices', () => {
    const reply: Reply = {
      text: 'Here are your options.',
      purpose: 'answer',
      links: [{ title: 'Book', url: 'https://booking.example.com/a' }, { title: 'Call us back', url: 'https://booking.example.com/b' }],
      call: { title: 'Call 911', number: '911' },
      choices,
    };
    const { activities } = renderReplies([reply], capabilitiesFor('msteams'));
    const buttons = (activities[0].attachments![0].content as { buttons: { title: string }[] }).buttons;
    expect(buttons.map((b) => b.title)).to.deep.equal(['Book', 'Call us back', 'Call 911', 'Topic 1', 'Topic 2', 'Topic 3']);
  });

  it('cuts a long SMS reply after a sentence and holds the rest, with its list, for "more"', () => {
    const sms = capabilitiesFor('sms');
    const reply: Reply = { text: sentences(10), purpose: 'answer', choices: choices.slice(0, 3) };
    const first = renderReplies([reply, { text: 'Book with us.', purpose: 'bookingOffer' }], sms);
    expect(first.activities).to.have.length(1);
    const text = first.activities[0].text!;
    expect(text.length).to.be.at.most(320);
    expect(text).to.match(/sciatica\.\n\nReply MORE for the rest\.$/);
    expect(first.numberedChoices, 'the list has not been shown yet').to.deep.equal([]);
    expect(first.held.map((r) => r.purpose)).to.deep.equal(['answer', 'bookingOffer']);

    const shown = [text];
    let held = first.held;
    let numbered = first.numberedChoices;
    while (held.length) {
      const next = renderReplies(held, sms);
      shown.push(...next.activities.map((a) => a.text!));
      ({ held, numberedChoices: numbered } = next);
    }
    for (const part of shown) expect(part.length, part).to.be.at.most(320);
    const all = shown.join(' ').replaceAll(MORE_HINT, '').replace(/\s+/g, ' ');
    expect(all).to.include(sentences(10)).and.include('1. Topic 1 2. Topic 2 3. Topic 3').and.include('Book with us.');
    expect(numbered.map((c) => c.title)).to.deep.equal(['Topic 1', 'Topic 2', 'Topic 3']);
  });

  it('holds only the list back when the text fits but the list does not', () => {
    const reply: Reply = { text: 'x'.repeat(280), purpose: 'answer', choices: choices.slice(0, 3) };
    const { activities, held } = renderReplies([reply], capabilitiesFor('sms'));
    expect(activities[0].text).to.equal(`${'x'.repeat(280)}\n\n${MORE_HINT}`);
    expect(held).to.deep.equal([{ ...reply, text: '' }]);
    expect(renderReplies(held, capabilitiesFor('sms')).activities[0].text).to.equal('1. Topic 1\n2. Topic 2\n3. Topic 3\n\nReply with a number.');
  });

  it('never cuts safety advice, and never cuts on channels with room', () => {
    const advice: Reply = { text: sentences(8), purpose: 'escalation', call: { title: 'Call 911', number: '911' } };
    const sms = renderReplies([advice], capabilitiesFor('sms'));
    expect(sms.held).to.deep.equal([]);
    expect(sms.activities.map((a) => a.text)).to.deep.equal([sentences(8)]);
    for (const channel of ['webchat', 'emulator', 'msteams']) {
      expect(renderReplies([{ text: sentences(20), purpose: 'answer' }], capabilitiesFor(channel)).held, channel).to.deep.equal([]);
    }
  });
});
