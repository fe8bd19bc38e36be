/**
 * The yardsticks for turn throughput: the smallest bots on the same stack as ours — restify 12, the
 * same JSON body reading (server/jsonRequestBody), CloudAdapter with auth off, expectReplies — whose
 * handler only echoes the text. Whatever our bot costs beyond the plain echo is the price of its own
 * work: safety check, state, routing, matching, rendering.
 *
 * The stateful echo also does what any Bot Framework bot with a dialog does on every turn, and no
 * more: load the conversation state (MemoryStorage), create a DialogContext, continue the (empty)
 * dialog stack, and save the state with one changed field. It splits that price in two: the
 * framework's state and dialog machinery, and the bot's own work on top of it.
 */
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, WaterfallDialog } from 'botbuilder-dialogs';
import * as restify from 'restify';
import { readJsonBody, refuseNonJsonBodies } from '../server/jsonRequestBody';

export type EchoKind = 'echo' | 'stateful-echo';

export interface RunningEcho {
  readonly url: string;
  close(): Promise<void>;
}

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

class StatefulEchoBot extends EchoBot {
  private readonly state = new ConversationState(new MemoryStorage());
  private readonly lastMessage = this.state.createProperty<{ at?: string }>('lastMessage');
  private readonly dialogs = new DialogSet(this.state.createProperty('dialogState')).add(new WaterfallDialog('never-started', []));

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      (await this.lastMessage.get(context, {})).at = new Date().toISOString();
      await (await this.dialogs.createContext(context)).continueDialog();
      await next();
    });
  }

  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

export async function startEchoBot(kind: EchoKind = 'echo', port = 0, host = '127.0.0.1'): Promise<RunningEcho> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = kind === 'echo' ? new EchoBot() : new StatefulEchoBot();
  const server = restify.createServer({ name: kind, handleUncaughtExceptions: false });
  server.pre(refuseNonJsonBodies());
  server.post('/api/messages', readJsonBody({ maxBodyBytes: 1024 * 1024 }), async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://${host}:${actual}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
