/**
 * The real server on a copy of knowledge/conversation.json as a clinic might edit it, for the tests of
 * a describe block: started before them, closed and its temporary folder removed after.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { capturedLogger } from './capturedLogger';
import { TEST_SETTINGS } from './testBot';

/**
 * `edit` changes the parsed copy in place; `settings` may write more files into the same folder (an
 * edited FAQ) and returns the settings that point at them.
 */
export function useBotWithEditedWording(
  // biome-ignore lint/suspicious/noExplicitAny: the tests edit any field of the raw wording file
  edit: (wording: any) => void,
  settings: (directory: string) => Record<string, string> = () => ({}),
): { readonly url: string; readonly running: RunningBot } {
  let directory = '';
  let bot: RunningBot | undefined;
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'edited-wording-'));
    const wording = JSON.parse(readFileSync('knowledge/conversation.json', 'utf8'));
    edit(wording);
    const conversationWordingPath = join(directory, 'conversation.json');
    writeFileSync(conversationWordingPath, JSON.stringify(wording));
    const config = loadConfig({ ...TEST_SETTINGS, ...settings(directory) });
    bot = await startBot(config, capturedLogger().logger, { conversationWordingPath });
  });
  after(async () => {
    await bot?.close();
    rmSync(directory, { recursive: true, force: true });
  });
  return {
    get running(): RunningBot {
      if (!bot) throw new Error('the bot with edited wording is not running yet');
      return bot;
    },
    get url(): string {
      return this.running.url;
    },
  };
}
