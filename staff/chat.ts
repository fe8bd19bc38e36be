/**
 * `npm run chat [-- --channel sms|msteams|webchat|emulator]`: chat with the bot in the terminal, to
 * try a knowledge-base edit before it goes live. It runs the real server in this process on a
 * loopback port with in-memory state, so what you see is what patients get on that channel.
 * A number picks one of the offered choices; "/quit" ends.
 */

import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Activity, CardAction } from 'botbuilder';
import { loadConfig } from '../config/BotConfig';
import { processEnvironment } from '../config/environment';
import { startBot } from '../server/startBot';
import { commandLine } from './commandLine';
import { postActivity } from './postActivity';

function show(activity: Activity, choices: CardAction[]): void {
  if (activity.type === 'trace') {
    console.log(`  [trace ${activity.name}] ${JSON.stringify(activity.value)}`);
    return;
  }
  if (activity.text) console.log(`\nbot> ${activity.text.replace(/\n/g, '\n     ')}`);
  for (const attachment of activity.attachments ?? []) {
    for (const button of (attachment.content as { buttons?: CardAction[] }).buttons ?? []) {
      if (button.type === 'openUrl' || button.type === 'call') console.log(`     -> ${button.title}: ${String(button.value)}`);
      else choices.push(button);
    }
  }
  choices.push(...(activity.suggestedActions?.actions ?? []));
}

async function main(): Promise<void> {
  const { values } = commandLine(process.argv.slice(2), 'npm run chat [-- --channel webchat|sms|msteams|emulator]', {
    channel: { type: 'string', default: 'webchat' },
  });
  const channelId = values.channel;
  const env = processEnvironment().values;
  const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
  const bot = await startBot(config);
  const conversation = { id: `chat-${randomUUID()}` };
  const from = { id: 'staff-member', name: 'Staff' };
  const send = async (activity: Partial<Activity>): Promise<CardAction[]> => {
    const turn = await postActivity(bot.url, {
      channelId,
      serviceUrl: bot.url,
      conversation,
      from,
      recipient: { id: 'bot', name: 'bot' },
      ...activity,
    } as Partial<Activity>);
    const choices: CardAction[] = [];
    for (const reply of turn.activities) show(reply, choices);
    for (const [index, choice] of choices.entries()) console.log(`     [${index + 1}] ${choice.title}`);
    return choices;
  };

  console.log(`Chatting on channel "${channelId}". Type a message; a number picks a choice; /quit to end.`);
  let choices = await send({ type: 'conversationUpdate', membersAdded: [from] });
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '\nyou> ' });
  terminal.prompt();
  // Reading lines as they come (not question()) keeps piped input working too.
  for await (const raw of terminal) {
    const line = raw.trim();
    if (line === '/quit') break;
    const picked = /^\d+$/.test(line) && channelId !== 'sms' ? choices[Number(line) - 1] : undefined;
    choices = picked
      ? await send({
          type: 'message',
          text: picked.displayText ?? picked.title,
          value: picked.type === 'messageBack' ? picked.value : undefined,
        })
      : await send({ type: 'message', text: line });
    terminal.prompt();
  }
  terminal.close();
  await bot.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
