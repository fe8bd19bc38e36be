/**
 * A patient's conversation on one channel, read the way that channel shows it: choices are
 * suggested actions (Web Chat, Emulator), hero card buttons (Teams) or numbered lines (SMS), and
 * tapping one is done the way that channel does it. Every turn is checked against the channel's
 * rules (`expectChannelRules`), so no test can forget them.
 */

import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../../bot/ConversationWording';
import { smsSegments } from '../../channels/smsSegments';
import { ChannelConversation, cardButtons, suggestedActions, type Turn } from '../support/ChannelConversation';

const { moreHint } = loadConversationWording(CONVERSATION_WORDING_PATH);

export const CHANNELS = ['emulator', 'webchat', 'msteams', 'sms'] as const;
export type TestChannel = (typeof CHANNELS)[number];

export interface Offered {
  readonly type: string;
  readonly title: string;
  readonly value: unknown;
}

const TEAMS_MAX_BYTES = 28 * 1024;
const TEAMS_MAX_CARD_BUTTONS = 6;
const SMS_MAX_CHARS = 1600;
/** SMS parts a message may take before the rest waits for MORE; one more for a reminder or introduction before it. */
const SMS_PREFERRED_SEGMENTS = 3;
const OPT_OUT_WORDS = 'stop|stopall|unsubscribe|cancel|end|quit|revoke|optout';

export class Transcript {
  readonly conversation: ChannelConversation;

  constructor(
    baseUrl: string,
    readonly channel: TestChannel,
  ) {
    this.conversation = new ChannelConversation(baseUrl, channel);
  }

  /** One message and the replies to it; on SMS, the parts offered with "more" are fetched too. */
  async say(text: string): Promise<Turn> {
    return this.readAll(await this.checked(this.conversation.say(text)));
  }

  /** Exactly one exchange: no "more" is sent. */
  sayOnce(text: string): Promise<Turn> {
    return this.checked(this.conversation.say(text));
  }

  /** Taps the choice with this title the way the channel does: messageBack, imBack, or its number. */
  async choose(turn: Turn, title: string): Promise<Turn> {
    const offered = choicesOf(turn, this.channel);
    const index = offered.findIndex((choice) => choice.title === title);
    expect(index, `"${title}" among ${JSON.stringify(offered.map((o) => o.title))}`).to.be.at.least(0);
    const choice = offered[index];
    if (this.channel === 'sms') return this.say(String(index + 1));
    if (choice.type === 'messageBack') return this.readAll(await this.checked(this.conversation.tap(title, choice.value)));
    return this.say(String(choice.value));
  }

  private async readAll(turn: Turn): Promise<Turn> {
    let whole = turn;
    while (this.channel === 'sms' && whole.messages.at(-1)?.text?.endsWith(moreHint)) {
      const next = await this.checked(this.conversation.say('more'));
      expect(next.messages, 'a reply to "more"').to.not.be.empty;
      whole = {
        ...whole,
        activities: [...whole.activities, ...next.activities],
        messages: [...whole.messages, ...next.messages],
        text: `${whole.text}\n${next.text}`,
      };
    }
    return whole;
  }

  private async checked(pending: Promise<Turn>): Promise<Turn> {
    const turn = await pending;
    expectChannelRules(turn, this.channel);
    return turn;
  }
}

/** What every turn on each channel must respect, whatever the flow. */
export function expectChannelRules(turn: Turn, channel: TestChannel): void {
  expect(turn.status).to.equal(200);
  if (channel !== 'emulator')
    expect(
      turn.activities.filter((a) => a.type === 'trace'),
      'traces are for the Emulator only',
    ).to.be.empty;
  for (const message of turn.messages) {
    if (channel === 'sms') expectSmsMessage(message);
    if (channel === 'msteams') expectTeamsMessage(message);
  }
}

function expectSmsMessage(message: Activity): void {
  const text = message.text ?? '';
  expect(message.attachments ?? [], 'no attachments on SMS').to.be.empty;
  expect(message.suggestedActions, 'no suggested actions on SMS').to.equal(undefined);
  expect(text.length, text).to.be.within(1, SMS_MAX_CHARS);
  if (text.endsWith(moreHint)) expect(smsSegments(text), text).to.be.at.most(SMS_PREFERRED_SEGMENTS + 1);
  expect(text, 'no markdown on SMS').to.not.match(/\*\*|\]\(|\[|^#|^- /m);
  // Carrier opt-out words would end the patient's SMS service: never offered as a command.
  expect(text).to.not.match(new RegExp(`\\b(${OPT_OUT_WORDS.toUpperCase()})\\b`));
  expect(text).to.not.match(new RegExp(`\\b(text|reply|send|say|type)\\s+["']?(${OPT_OUT_WORDS})\\b`, 'i'));
}

function expectTeamsMessage(message: Activity): void {
  expect(Buffer.byteLength(JSON.stringify(message)), 'Teams message size').to.be.at.most(TEAMS_MAX_BYTES);
  expect(message.suggestedActions, 'Teams gets hero card buttons, not suggested actions').to.equal(undefined);
  for (const attachment of message.attachments ?? []) {
    const buttons = (attachment.content as { buttons?: unknown[] }).buttons ?? [];
    expect(buttons.length, 'hero card buttons on Teams').to.be.at.most(TEAMS_MAX_CARD_BUTTONS);
  }
}

/** The choices offered in a turn, as the channel shows them. On SMS, `value` is the number to reply. */
export function choicesOf(turn: Turn, channel: TestChannel): Offered[] {
  if (channel === 'msteams') return cardButtons(turn).filter((button) => button.type !== 'openUrl');
  if (channel !== 'sms') return suggestedActions(turn);
  const listed = [...turn.messages].reverse().find((message) => /^1\. /m.test(message.text ?? ''));
  return [...(listed?.text ?? '').matchAll(/^(\d+)\. (.+)$/gm)].map(([, number, title]) => ({
    type: 'number',
    title,
    value: Number(number),
  }));
}

/** Links to open: card buttons on rich channels, "Title: URL" lines on SMS. */
export function linksOf(turn: Turn, channel: TestChannel): { title: string; url: string }[] {
  if (channel !== 'sms')
    return cardButtons(turn)
      .filter((b) => b.type === 'openUrl' && /^https?:/.test(String(b.value)))
      .map((b) => ({ title: b.title, url: String(b.value) }));
  return [...turn.text.matchAll(/^(.+): (https?:\/\/\S+)$/gm)].map(([, title, url]) => ({ title, url }));
}

/** The tel: button, where the channel can show one. */
export function callButtonOf(turn: Turn): { type: string; title: string; value: unknown } | undefined {
  return cardButtons(turn).find((button) => button.type === 'call' || String(button.value).startsWith('tel:'));
}
