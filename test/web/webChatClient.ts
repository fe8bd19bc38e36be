/**
 * Starts the real bot for the web tests and talks to its web endpoints the way the chat page does:
 * same-origin requests carrying the page's Origin header.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../config/logger';
import type { RunningBot } from '../../server/startBot';
import { startTestBot } from '../support/testBot';

export const SIGNING_KEY = 'test-signing-key-'.padEnd(48, 'x');

/** The start of the bot's welcome, from its wording file, up to the first placeholder. */
export const WELCOME_OPENING: string = (JSON.parse(readFileSync('knowledge/conversation.json', 'utf8')) as { welcome: string }).welcome
  .split('{')[0]
  .slice(0, 40)
  .trim();

export interface WebChatTestBot {
  readonly running: RunningBot;
  /** http://127.0.0.1:<port>, the origin the page is served from. */
  readonly base: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  startConversation(): Promise<{ conversationId: string; userId: string; token: string; expiresAt: number }>;
  say(session: { conversationId: string; token: string }, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startWebChatTestBot(settings: Record<string, string> = {}, logger?: Logger): Promise<WebChatTestBot> {
  const running = await startTestBot({ WEBCHAT_SIGNING_KEY: SIGNING_KEY, ...settings }, logger);
  const base = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Origin: base, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    running,
    base,
    post,
    async startConversation() {
      const response = await post('/api/webchat/conversations', {});
      if (response.status !== 201) throw new Error(`conversation not issued: ${response.status}`);
      return response.json();
    },
    say: (session, body, headers = {}) =>
      post(`/api/webchat/conversations/${session.conversationId}/activities`, body, {
        Authorization: `Bearer ${session.token}`,
        ...headers,
      }),
    close: () => running.close(),
  };
}

/** Every text the bot sent, and every button title, in one string: what a patient would see. */
export function visibleText(
  activities: Array<{ text?: string; attachments?: Array<{ content?: { buttons?: Array<{ title?: string }> } }> }>,
): string {
  return activities
    .map((activity) =>
      [
        activity.text ?? '',
        ...(activity.attachments ?? []).flatMap((attachment) => (attachment.content?.buttons ?? []).map((button) => button.title ?? '')),
      ].join('\n'),
    )
    .join('\n');
}
