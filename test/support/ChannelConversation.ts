/**
 * One patient's conversation over HTTP on a given channel, with expectReplies so the bot's replies
 * come back in the response body, as Azure Bot Service delivers them to the bot.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { postActivity } from '../../staff/postActivity';

export interface Turn {
  readonly status: number;
  readonly activities: Activity[];
  /** The message activities only (no traces, no typing). */
  readonly messages: Activity[];
  /** All message text of the turn, joined, for simple assertions. */
  readonly text: string;
}

export class ChannelConversation {
  readonly conversationId = `test-${randomUUID()}`;
  readonly userId = `user-${randomUUID()}`;

  constructor(
    private readonly baseUrl: string,
    readonly channelId: string,
  ) {}

  /** Sends a typed message. */
  say(text: string): Promise<Turn> {
    return this.post({ type: 'message', text });
  }

  /** Sends a tap that carries a value (messageBack), with the button's title as text. */
  tap(title: string, value: unknown): Promise<Turn> {
    return this.post({ type: 'message', text: title, value });
  }

  join(): Promise<Turn> {
    return this.post({
      type: 'conversationUpdate',
      membersAdded: [{ id: this.userId, name: 'Patient' }],
    });
  }

  async post(partial: Partial<Activity> & Record<string, unknown>): Promise<Turn> {
    const activity = {
      channelId: this.channelId,
      serviceUrl: 'https://smba.example.invalid/',
      deliveryMode: 'expectReplies',
      conversation: { id: this.conversationId },
      from: { id: this.userId, name: 'Patient' },
      recipient: { id: 'sciatica-bot', name: 'Sciatica bot' },
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      ...partial,
    };
    const { status, activities } = await postActivity(this.baseUrl, activity as Partial<Activity>);
    const messages = activities.filter((a) => a.type === 'message');
    return { status, activities, messages, text: messages.map((m) => m.text ?? '').join('\n') };
  }
}

/** Every button of every card in a turn: title and value. */
export function cardButtons(turn: Turn): { type: string; title: string; value: unknown }[] {
  return turn.messages.flatMap((message) =>
    (message.attachments ?? []).flatMap(
      (attachment) => (attachment.content as { buttons?: { type: string; title: string; value: unknown }[] })?.buttons ?? [],
    ),
  );
}

export function suggestedActions(turn: Turn): { type: string; title: string; value: unknown }[] {
  return turn.messages.flatMap((message) => (message.suggestedActions?.actions ?? []) as { type: string; title: string; value: unknown }[]);
}

export function traces(turn: Turn, name: string): Activity[] {
  return turn.activities.filter((a) => a.type === 'trace' && a.name === name);
}
