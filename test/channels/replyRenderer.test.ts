/**
 * The renderer at the channels' limits, where the transcripts do not reach: a Teams card with more
 * buttons than Teams shows, and SMS replies cut for "more" in SMS parts (never the safety advice).
 */
import { expect } from 'chai';
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../../bot/ConversationWording';
import { capabilitiesFor } from '../../channels/ChannelCapabilities';
import type { Reply } from '../../channels/Reply';
import { renderReplies } from '../../channels/ReplyRenderer';
import { smsSegments } from '../../channels/smsSegments';

const wording = loadConversationWording(CONVERSATION_WORDING_PATH);
const { moreHint } = wording;
const choices = Array.from({ length: 6 }, (_, index) => ({ title: `Topic ${index + 1}`, tap: { entryId: `topic-${index + 1}` } }));
const sentences = (count: number) =>
  Array.from({ length: count }, (_, index) => `Sentence number ${index + 1} says something useful about sciatica.`).join(' ');

describe('ReplyRenderer at the channel limits', () => {
  it('keeps a Teams hero card to 6 buttons: links and the call button first, then choices', () => {
    const reply: Reply = {
      text: 'Here are your options.',
      purpose: 'answer',
      links: [
        { title: 'Book', url: 'https://booking.example.com/a' },
        { title: 'Call us back', url: 'https://booking.example.com/b' },
      ],
      call: { title: 'Call 911', number: '911' },
      choices,
    };
    const { activities } = renderReplies([reply], capabilitiesFor('msteams'), wording);
    const buttons = (activities[0].attachments![0].content as { buttons: { title: string }[] }).buttons;
    expect(buttons.map((b) => b.title)).to.deep.equal(['Book', 'Call us back', 'Call 911', 'Topic 1', 'Topic 2', 'Topic 3']);
  });

  it('cuts a long SMS reply after a sentence and holds the rest, with its list, for "more"', () => {
    const sms = capabilitiesFor('sms');
    const reply: Reply = { text: sentences(10), purpose: 'answer', choices: choices.slice(0, 3) };
    const first = renderReplies([reply, { text: 'Book with us.', purpose: 'bookingOffer' }], sms, wording);
    expect(first.activities).to.have.length(1);
    const text = first.activities[0].text!;
    expect(smsSegments(text)).to.equal(3);
    expect(text).to.match(/sciatica\.\n\nReply MORE for the rest\.$/);
    expect(first.numberedChoices, 'the list has not been shown yet').to.deep.equal([]);
    expect(first.held.map((r) => r.purpose)).to.deep.equal(['answer', 'bookingOffer']);

    const shown = [text];
    let held = first.held;
    let numbered = first.numberedChoices;
    while (held.length) {
      const next = renderReplies(held, sms, wording);
      shown.push(...next.activities.map((a) => a.text!));
      ({ held, numberedChoices: numbered } = next);
    }
    for (const part of shown) expect(smsSegments(part), part).to.be.at.most(3);
    const all = shown.join(' ').replaceAll(moreHint, '').replace(/\s+/g, ' ');
    expect(all).to.include(sentences(10)).and.include('1. Topic 1 2. Topic 2 3. Topic 3').and.include('Book with us.');
    expect(numbered.map((c) => c.title)).to.deep.equal(['Topic 1', 'Topic 2', 'Topic 3']);
  });

  it('sends the list with a text that fits rather than hold only the list for "more"', () => {
    const reply: Reply = { text: 'x'.repeat(440), purpose: 'answer', choices: choices.slice(0, 3) };
    const { activities, held } = renderReplies([reply], capabilitiesFor('sms'), wording);
    expect(activities[0].text).to.equal(`${'x'.repeat(440)}\n\n1. Topic 1\n2. Topic 2\n3. Topic 3\n\nReply with a number.`);
    expect(held).to.deep.equal([]);
  });

  it('measures SMS parts, not characters: one character outside the GSM alphabet makes parts of 67', () => {
    const gsm = renderReplies([{ text: sentences(7), purpose: 'answer' }], capabilitiesFor('sms'), wording);
    expect(gsm.held, `${sentences(7).length} GSM-7 characters fit 3 parts`).to.deep.equal([]);
    const ucs2 = renderReplies([{ text: `Ça va. ${sentences(7)}`.replace('Ç', 'Ş'), purpose: 'answer' }], capabilitiesFor('sms'), wording);
    expect(ucs2.held).to.have.length(1);
    expect(smsSegments(ucs2.activities[0].text!)).to.be.at.most(3);
    expect(ucs2.activities[0].text!.length).to.be.below(201);
  });

  it("gives a reply after a reminder its own room: the first part is the reminder, then three parts' worth of the reply", () => {
    const reminder = 'Reminder: if you have any of those warning signs, call 911 or go to the emergency department now.';
    const { activities } = renderReplies([{ text: sentences(10), lead: reminder, purpose: 'answer' }], capabilitiesFor('sms'), wording);
    const [first] = activities.map((a) => a.text!);
    expect(first.startsWith(`${reminder}\n\n${sentences(6)}`), first).to.equal(true);
    expect(first.endsWith(moreHint)).to.equal(true);
    expect(smsSegments(first), 'the reminder takes one part more').to.equal(4);
  });

  it('writes numbered steps as a), b) on SMS, so the only numbers are the choices', () => {
    const steps = 'Step by step:\n1. Find the cause\n2. Decompress the nerve';
    const { activities, numberedChoices } = renderReplies(
      [{ text: steps, purpose: 'answer', choices: choices.slice(0, 2) }],
      capabilitiesFor('sms'),
      wording,
    );
    expect(activities[0].text).to.equal(
      'Step by step:\na) Find the cause\nb) Decompress the nerve\n\n1. Topic 1\n2. Topic 2\n\nReply with a number.',
    );
    expect(numberedChoices.map((c) => c.title)).to.deep.equal(['Topic 1', 'Topic 2']);
  });

  it('never cuts safety advice nor holds back anything in its turn, and never cuts on channels with room', () => {
    const advice: Reply = { text: sentences(10), purpose: 'escalation', safety: true, call: { title: 'Call 911', number: '911' } };
    const sms = renderReplies([advice], capabilitiesFor('sms'), wording);
    expect(sms.held).to.deep.equal([]);
    expect(sms.activities.map((a) => a.text)).to.deep.equal([sentences(10)]);
    const closing: Reply = { text: sentences(10), purpose: 'info', safety: true };
    const offer: Reply = {
      text: 'Book with us.',
      purpose: 'bookingOffer',
      links: [{ title: 'Book', url: 'https://booking.example.com/a' }],
    };
    const turn = renderReplies([closing, offer], capabilitiesFor('sms'), wording);
    expect(turn.held).to.deep.equal([]);
    expect(turn.activities.map((a) => a.text)).to.deep.equal([sentences(10), 'Book with us.', 'Book: https://booking.example.com/a']);
    for (const channel of ['webchat', 'emulator', 'msteams']) {
      expect(renderReplies([{ text: sentences(20), purpose: 'answer' }], capabilitiesFor(channel), wording).held, channel).to.deep.equal(
        [],
      );
    }
  });
});
