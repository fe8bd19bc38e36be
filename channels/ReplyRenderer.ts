/**
 * The one place where a channel-neutral `Reply` becomes activities a channel can show, driven by
 * the capabilities table: suggested actions and cards on Web Chat and the Emulator, hero cards on
 * Teams, numbered plain text on SMS, cut short with the rest held for "more" where messages should be short.
 */
import { ActionTypes, type Activity, type CardAction, CardFactory } from 'botbuilder';
import type { ChannelCapabilities } from './ChannelCapabilities';
import { moveChoicesToTurnEnd } from './moveChoicesToTurnEnd';
import { pageReply } from './pageReply';
import { toPlainText } from './plainText';
import type { Reply, ReplyChoice } from './Reply';
import { smsSegments } from './smsSegments';
import { splitMessage } from './splitMessage';

export interface RenderedTurn {
  readonly activities: Partial<Activity>[];
  /** The choices offered as a numbered list, so "1", "2" can be understood next turn. */
  readonly numberedChoices: readonly ReplyChoice[];
  /** Replies cut off to keep messages short: sent when the patient asks for more. */
  readonly held: readonly Reply[];
  /** What went out now (the first part of a cut reply included), for counting what patients received. */
  readonly delivered: readonly Reply[];
}

/** The renderer's own words on plain-text channels, from the clinic's wording (conversation.json). */
export interface RendererWording {
  /** After a numbered list of choices. */
  readonly replyWithNumber: string;
  /** Ends the first part of a reply cut short for MORE. */
  readonly moreHint: string;
}

export function renderReplies(replies: readonly Reply[], caps: ChannelCapabilities, wording: RendererWording): RenderedTurn {
  const activities: Partial<Activity>[] = [];
  const delivered: Reply[] = [];
  let numberedChoices: readonly ReplyChoice[] = [];
  // A turn with safety advice goes out whole: nothing in it may wait for MORE.
  const segments = caps.cards || replies.some((reply) => reply.safety) ? undefined : caps.preferredSegments;
  for (const [index, reply] of replies.entries()) {
    const page = segments ? pagePlain(reply, caps, segments, wording) : undefined;
    if (page) {
      activities.push(...renderReply(page.now, caps, wording));
      return { activities, numberedChoices, held: [page.rest, ...replies.slice(index + 1)], delivered: [...delivered, page.now] };
    }
    activities.push(...renderReply(reply, caps, wording));
    delivered.push(reply);
    if (caps.choices === 'numberedList' && reply.choices?.length) numberedChoices = reply.choices.slice(0, caps.maxChoices);
  }
  if (caps.choices === 'suggestedActions') moveChoicesToTurnEnd(activities);
  return { activities, numberedChoices, held: [], delivered };
}

function renderReply(reply: Reply, caps: ChannelCapabilities, wording: RendererWording): Partial<Activity>[] {
  const choices = (reply.choices ?? []).slice(0, caps.maxChoices);
  return caps.cards ? renderRich(reply, choices, caps) : renderPlain(reply, choices, caps, wording);
}

/** The lead, then the reply's own text, as one message. */
function fullText(reply: Reply, format: (text: string) => string): string {
  return [reply.lead, reply.text]
    .filter(Boolean)
    .map((text) => format(text as string))
    .join('\n\n');
}

function renderRich(reply: Reply, choices: readonly ReplyChoice[], caps: ChannelCapabilities): Partial<Activity>[] {
  const texts = splitMessage(fullText(reply, caps.markdown ? (text) => text : toPlainText), caps.maxMessageChars);
  const activities: Partial<Activity>[] = texts.map((text) => ({
    type: 'message',
    text,
    textFormat: caps.markdown ? 'markdown' : 'plain',
  }));
  const last = activities[activities.length - 1];
  const buttons: CardAction[] = [
    ...(reply.links ?? []).map((link) => ({ type: ActionTypes.OpenUrl, title: link.title, value: link.url })),
    ...(reply.call && caps.callButton !== 'none' ? [callAction(reply.call, caps.callButton)] : []),
    ...(caps.choices === 'heroCard' ? choices.map(toCardAction) : []),
  ].slice(0, caps.maxCardButtons);
  if (buttons.length) last.attachments = [CardFactory.heroCard('', undefined, buttons)];
  if (caps.choices === 'suggestedActions' && choices.length) {
    last.suggestedActions = { to: [], actions: choices.map(toCardAction) };
  }
  // The chat page shows safety advice as an alert (role="alert", its own styling).
  if (caps.safetyAlerts && reply.purpose === 'escalation')
    activities.forEach((activity) => {
      activity.channelData = { safetyAlert: true };
    });
  return activities;
}

function renderPlain(
  reply: Reply,
  choices: readonly ReplyChoice[],
  caps: ChannelCapabilities,
  wording: RendererWording,
): Partial<Activity>[] {
  const { body, links } = plainMessage(reply, fullText(reply, toPlainText), choices, caps, wording.replyWithNumber);
  const texts = splitMessage(body, caps.maxMessageChars);
  if (links && caps.linksInOwnMessage) texts.push(links);
  return texts.map((text) => ({ type: 'message', text, textFormat: 'plain' }));
}

/** The lead does not take the reply's room: the first part may be as many parts longer as the lead needs. */
function pagePlain(reply: Reply, caps: ChannelCapabilities, segments: number, wording: RendererWording) {
  const text = toPlainText(reply.text);
  const lead = reply.lead ? `${toPlainText(reply.lead)}\n\n` : '';
  const budget = segments + (lead ? smsSegments(lead) : 0);
  const { body } = plainMessage(reply, lead + text, (reply.choices ?? []).slice(0, caps.maxChoices), caps, wording.replyWithNumber);
  return pageReply(reply, text, body, (part) => smsSegments(lead + part) <= budget, wording.moreHint);
}

/** The text, the numbered list and (unless they go in a message of their own) the links. */
function plainMessage(
  reply: Reply,
  text: string,
  choices: readonly ReplyChoice[],
  caps: ChannelCapabilities,
  replyWithNumber: string,
): { body: string; links: string } {
  const lines = [text];
  if (choices.length) {
    lines.push(choices.map((choice, index) => `${index + 1}. ${choice.title}`).join('\n'));
    lines.push(replyWithNumber);
  }
  const links = (reply.links ?? []).map((link) => `${link.title}: ${link.url}`).join('\n');
  if (links && !caps.linksInOwnMessage) lines.push(links);
  return { body: lines.filter(Boolean).join('\n\n'), links };
}

/** Taps carry what they mean in `value` (messageBack), so a tap is never matched again as text. */
function toCardAction(choice: ReplyChoice): CardAction {
  return { type: ActionTypes.MessageBack, title: choice.title, text: choice.title, displayText: choice.title, value: choice.tap };
}

/** Web Chat's `call` action puts "tel:" in front of its value itself; an openUrl needs the whole URI. */
function callAction(call: NonNullable<Reply['call']>, kind: 'call' | 'openUrl'): CardAction {
  const number = call.number.replace(/[^+\d]/g, '');
  return kind === 'call'
    ? { type: ActionTypes.Call, title: call.title, value: number }
    : { type: ActionTypes.OpenUrl, title: call.title, value: `tel:${number}` };
}
