/**
 * The yardstick for turn throughput: the smallest bot on the same stack as ours — restify 12, the
 * same JSON body parsing (createServer's jsonBody), CloudAdapter with auth off, expectReplies — whose
 * handler only echoes the text. Whatever our bot costs beyond this is the price of its own work:
 * safety check, state, routing, matching, rendering.
 */
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import * as restify from 'restify';
import { jsonBody } from '../server/createServer';

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

export async function startEchoBot(port = 0, host = '127.0.0.1'): Promise<RunningEcho> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.post('/api/messages', ...jsonBody({ maxBodyBytes: 1024 * 1024 }), async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://${host}:${actual}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
