/**
 * What SMS (Azure Bot Service's Twilio channel) needs beyond the shared flows: an introduction in the
 * first reply (Twilio sends no conversationUpdate), short messages with the rest on "more", no reply
 * at all to carrier opt-out words, help reached with "menu", and a new greeting after a long silence.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItem } from 'botbuilder';
import { expect } from 'chai';
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../../bot/ConversationWording';
import type { SessionState } from '../../bot/SessionState';
import { smsSegments } from '../../channels/smsSegments';
import { faqWithLongAnswer } from '../support/longAnswerFaq';
import { useTestBot } from '../support/testBot';
import { choicesOf, Transcript } from './channelTranscript';

const { moreHint } = loadConversationWording(CONVERSATION_WORDING_PATH);
const INTRODUCTION =
  "Hi, I'm the Garrett Sciatica Clinic assistant: general information about sciatica, not a diagnosis. In an emergency call 911.";
const OPT_OUT_WORDS = ['STOP', 'Unsubscribe', 'end', 'QUIT', 'cancel', 'STOPALL', 'revoke', 'OPTOUT'];

describe('SMS conventions', () => {
  let directory = '';
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'sms-faq-'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));
  const bot = useTestBot(() => ({ FAQ_PATH: faqWithLongAnswer(directory) }));

  it('introduces the bot in the first reply only', async () => {
    const patient = new Transcript(bot.url, 'sms');
    expect((await patient.say('hi')).messages[0].text?.startsWith(`${INTRODUCTION}\n\n`)).to.equal(true);
    expect((await patient.say('hello')).text).to.not.include(INTRODUCTION);
  });

  it('sends a long answer in short parts, the next on "more", and its numbers work after the last', async () => {
    const patient = new Transcript(bot.url, 'sms');
    await patient.say('hi');
    let part = await patient.sayOnce('what is sciatica');
    const parts = [part];
    while (part.text.endsWith(moreHint)) {
      expect(part.messages).to.have.length(1);
      expect(choicesOf(part, 'sms'), 'the list comes with the last part').to.be.empty;
      part = await patient.sayOnce('more');
      parts.push(part);
    }
    expect(parts.length).to.be.at.least(2);
    for (const { text } of parts.slice(0, -1)) expect(smsSegments(text), 'a part before MORE').to.be.at.most(3);
    const whole = parts
      .map((p) => p.text.replace(moreHint, ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(whole).to.include('pressing on the nerve. Relief tends to last');
    expect(choicesOf(part, 'sms').map((c) => c.title)).to.deep.equal(['Symptoms', 'Common causes', 'Finding the cause']);
    expect((await patient.say('3')).text).to.match(/find|cause/i);
  });

  it('ends the safety check with its safety net in the first message, nothing behind MORE, and the booking links in a message of their own', async () => {
    const patient = new Transcript(bot.url, 'sms');
    let turn = await patient.sayOnce('check my symptoms');
    while (/^1\. Yes$/m.test(turn.text)) turn = await patient.sayOnce('2');
    await patient.sayOnce('about three weeks');
    await patient.sayOnce('8/10');
    const closing = await patient.sayOnce("I'm 62");
    const texts = closing.messages.map((message) => message.text ?? '');
    for (const text of texts) expect(text, 'nothing waits for MORE').to.not.include(moreHint);
    expect(texts[0])
      .to.match(/^Thank you\. Nothing you've told me needs urgent medical attention/)
      .and.match(/If anything changes.*call 911 straight away\.$/s);
    expect(texts.at(-1)).to.match(/^Book your first session: https:\/\/\S+\nSchedule a free discovery call: https:\/\/\S+$/);
    expect(texts.slice(0, -1).join('\n')).to.not.match(/https:/);
  });

  it('after an escalation, a reply starts with the reminder and goes on with the answer, not one sentence and MORE', async () => {
    const patient = new Transcript(bot.url, 'sms');
    await patient.say("I can't control my bladder and my legs are numb");
    const answer = await patient.sayOnce('how long does sciatica last');
    const [first] = answer.messages.map((message) => message.text ?? '');
    const [reminder, opening] = first.split('\n\n');
    expect(reminder).to.match(/^Reminder: .*call 911/);
    expect(opening.match(/[.!?](\s|$)/g)?.length, opening).to.be.at.least(3);
    expect(answer.text).to.not.include(moreHint);
  });

  it('writes an answer\'s numbered steps as a), b), so "1" can only mean the first choice', async () => {
    const patient = new Transcript(bot.url, 'sms');
    await patient.say("I can't control my bladder and my legs are numb");
    const answer = await patient.say('how does treatment work');
    expect(answer.text)
      .to.match(/^a\) Identify the specific cause$/m)
      .and.match(/^e\) Maintain it/m);
    expect(answer.text.match(/^\d+\. /gm), 'numbered lines are the choices only').to.have.length(choicesOf(answer, 'sms').length);
    expect((await patient.say('1')).text).to.match(/cause/i);
  });

  it('answers "more" with nothing left by offering the topics', async () => {
    const turn = await new Transcript(bot.url, 'sms').say('more');
    expect(choicesOf(turn, 'sms')).to.have.length(3);
  });

  for (const word of OPT_OUT_WORDS) {
    it(`does not answer the carrier opt-out word "${word}", in or out of the safety check`, async () => {
      const patient = new Transcript(bot.url, 'sms');
      await patient.say('hi');
      expect((await patient.say(word)).activities).to.be.empty;
      await patient.say('check my symptoms');
      expect((await patient.say(word)).activities).to.be.empty;
      expect((await patient.say('no')).text, 'the check carries on').to.match(/^Do you have any numbness/m);
    });
  }

  it('"menu" gives the bot\'s own help, with the clinic phone and hours, and the topics', async () => {
    const turn = await new Transcript(bot.url, 'sms').say('menu');
    expect(turn.text)
      .to.include('call +1 555 010 2030 (Monday to Friday, 8am to 6pm)')
      .and.match(/RESTART/);
    expect(choicesOf(turn, 'sms').map((c) => c.title)).to.deep.equal(['What is sciatica?', 'Common causes', 'How long to heal?']);
  });

  describe('after SMS_IDLE_HOURS of silence', () => {
    /** Moves the conversation's last message back in time, as if the patient had been silent. */
    async function silence(patient: Transcript, hours: number): Promise<void> {
      // ConversationState's storage key (botbuilder 4.x, no namespace).
      const key = `sms/conversations/${patient.conversation.conversationId}/`;
      const items = await bot.running.storage.read([key]);
      const state = items[key] as StoreItem & { session: SessionState };
      state.session.lastMessageAt = new Date(Date.now() - hours * 3_600_000).toISOString();
      await bot.running.storage.write({ [key]: state });
    }

    it('greets the patient as new and forgets the half-finished check', async () => {
      const patient = new Transcript(bot.url, 'sms');
      await patient.say('check my symptoms');
      await silence(patient, 25);
      const turn = await patient.say('no');
      expect(turn.messages[0].text?.startsWith(INTRODUCTION)).to.equal(true);
      expect(turn.text, 'not taken as an answer').to.not.match(/^Do you have any numbness/m);
    });

    it('keeps the conversation going after a shorter silence', async () => {
      const patient = new Transcript(bot.url, 'sms');
      await patient.say('check my symptoms');
      await silence(patient, 23);
      const turn = await patient.say('no');
      expect(turn.text).to.not.include(INTRODUCTION);
      expect(turn.text).to.match(/^Do you have any numbness/m);
    });
  });
});
