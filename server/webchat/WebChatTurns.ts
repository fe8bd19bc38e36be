/**
 * Runs a web chat turn through the real CloudAdapter in this process: the same middleware, error
 * handler and bot as /api/messages, with `deliveryMode: expectReplies` so the replies come back in
 * the InvokeResponse instead of being posted to a Bot Connector service that does not exist here.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { RedFlagCheck } from '../../bot/framework/RedFlagCheck';
import { keepRequestId } from '../../config/requestContext';
import { type AuthenticateRequestResult, type InProcessAdapter, inProcess } from '../inProcessAdapter';
import { validateActivity } from '../validateActivity';
import type { ClientInput } from './clientInput';

// Only used for outbound calls to a channel, which expectReplies never makes.
const TO_CHANNEL_FROM_BOT_SCOPE = 'https://api.botframework.com';
export const WEBCHAT_CHANNEL_ID = 'webchat';
export const BOT_ACCOUNT_ID = 'sciatica-bot';

export interface WebChatTurnResult {
  /** The id and timestamp given to the patient's activity, for the page to echo it. */
  readonly id: string;
  readonly timestamp: string;
  readonly activities: Partial<Activity>[];
}

/** Whose message it is, where it came in, and the HTTP request it came in on (for the turn's log lines). */
export interface WebChatSender {
  readonly conversationId: string;
  readonly userId: string;
  readonly serviceUrl: string;
  readonly requestId: string;
}

export class WebChatTurns {
  private readonly adapter: InProcessAdapter;
  /**
   * The web chat was already authenticated by our own token, so the turn's identity is built the way
   * authenticateRequest would, from the adapter's own BotFrameworkAuthentication: it works with or
   * without a MicrosoftAppId. (The public `processActivityDirect` discards the InvokeResponse that
   * carries expectReplies' replies.)
   */
  private readonly auth: AuthenticateRequestResult;

  constructor(
    adapter: CloudAdapter,
    private readonly botName: string,
    microsoftAppId: string,
    private readonly runTurn: (context: TurnContext) => Promise<void>,
  ) {
    this.adapter = inProcess(adapter);
    const claimsIdentity = this.adapter.createClaimsIdentity(microsoftAppId);
    this.auth = {
      audience: TO_CHANNEL_FROM_BOT_SCOPE,
      claimsIdentity,
      connectorFactory: this.adapter.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
  }

  /** `check` is the message's red-flag check, made before the rate limit: the turn uses it, not a second one. */
  async run(input: ClientInput, check: RedFlagCheck, sender: WebChatSender): Promise<WebChatTurnResult> {
    const { conversationId, userId, serviceUrl } = sender;
    const now = Date.now();
    const id = randomUUID();
    const activity = {
      ...input,
      id,
      timestamp: new Date(now),
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl,
      deliveryMode: 'expectReplies',
      from: { id: userId, role: 'user' },
      recipient: { id: BOT_ACCOUNT_ID, name: this.botName, role: 'bot' },
      conversation: { id: conversationId, conversationType: 'personal', isGroup: false },
      locale: 'en-US',
    } as unknown as Activity;
    // Built by us, but checked like any inbound activity (and its text cleaned of control characters).
    const problem = validateActivity(activity);
    if (problem) throw new Error(`web chat built an invalid activity: ${problem}`);

    const response = await this.adapter.processActivity(this.auth, activity, (context) => {
      keepRequestId(context, sender.requestId);
      check.handTo(context);
      return this.runTurn(context);
    });
    const replies = ((response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []).filter(
      (reply) => reply.type !== 'trace',
    );
    // Web Chat orders by timestamp; expectReplies leaves replies without one (or an id).
    return {
      id,
      timestamp: new Date(now).toISOString(),
      activities: replies.map((reply, index) => ({
        ...reply,
        id: reply.id ?? `${id}-${index + 1}`,
        timestamp: new Date(Math.max(now, Date.now()) + index + 1),
      })),
    };
  }
}
