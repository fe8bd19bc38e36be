/**
 * With STORAGE=file a screening survives a restart: a patient mid-way through the safety questions
 * carries on with the next question after the bot process is replaced (a deploy, a crash).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import type { RunningBot } from '../../server/startBot';
import { LOCK_FILE } from '../../storage/StorageFolderLock';
import { ChannelConversation } from '../support/ChannelConversation';
import { fileStorageSettings, startTestBot } from '../support/testBot';

describe('conversation state across a restart (STORAGE=file)', () => {
  let directory: string;
  let bot: RunningBot | undefined;

  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sciatica-restart-'));
  });
  afterEach(async () => {
    await bot?.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  const start = () => startTestBot(fileStorageSettings(directory));

  it('continues a screening with the next question on a new server', async () => {
    bot = await start();
    const conversation = new ChannelConversation(bot.url, 'msteams');
    const started = await conversation.say('check my symptoms');
    expect(started.text).to.match(/trouble passing urine/i);
    const second = await conversation.say('no');
    expect(second.text).to.match(/numbness or loss of feeling in your groin/i);
    await bot.close();

    bot = await start();
    const moved = new ChannelConversation(bot.url, 'msteams');
    Object.assign(moved, { conversationId: conversation.conversationId, userId: conversation.userId });
    const third = await moved.say('no');
    expect(third.status).to.equal(200);
    expect(third.text).to.match(/sudden or severe weakness in a leg/i);
    expect(third.text).to.not.match(/trouble passing urine|something went wrong/i);
  });

  it('keeps state in one file per conversation, inside STORAGE_PATH, and nothing else once stopped', async () => {
    bot = await start();
    await new ChannelConversation(bot.url, 'msteams').say('check my symptoms');
    await new ChannelConversation(bot.url, 'sms').say('check my symptoms');
    // Running, recent saves may be in the journal alone; a clean stop writes them to their files.
    await bot.close();
    bot = undefined;
    const names = (await fs.readdir(path.join(directory, 'state'))).filter((name) => name !== LOCK_FILE);
    expect(names).to.have.length(2);
    for (const name of names) expect(name).to.match(/^[0-9a-f]{64}\.json$/);
  });
});
