/**
 * Graceful shutdown: on close (SIGTERM in production) the server stops accepting, lets the turns in
 * flight finish and save their state, then stops. index.ts does this on SIGTERM and exits 0.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { createLogger } from '../../config/logger';
import { startBot } from '../../server/startBot';
import { spawnBot } from '../support/botProcess';
import { ChannelConversation } from '../support/ChannelConversation';
import { FaultyStorage } from '../support/FaultyStorage';
import { TEST_SETTINGS } from '../support/testBot';

describe('graceful shutdown', function () {
  this.timeout(60_000);

  it('finishes a turn in flight and saves its state, then refuses new connections', async () => {
    const storage = new FaultyStorage();
    const config = loadConfig(TEST_SETTINGS);
    const bot = await startBot(config, createLogger(config), { storage: storage.asConversationStorage() });
    const patient = new ChannelConversation(bot.url, 'msteams');
    await patient.say('hello');
    const writesBefore = storage.writes;
    const held = storage.holdWrites(); // keeps the next turn in flight, at its save, while we close

    const inFlight = patient.say('check my symptoms');
    await held.started;
    const closing = bot.close();
    held.release();
    const turn = await inFlight;
    await closing;

    expect(turn.status).to.equal(200);
    expect(turn.text).to.match(/trouble passing urine/i);
    expect(storage.writes).to.equal(writesBefore + 1);
    const refused = await fetch(`${bot.url}/healthz`).then(
      () => 'answered',
      (error: Error) => (error.cause as NodeJS.ErrnoException)?.code,
    );
    expect(refused).to.equal('ECONNREFUSED');
  });

  it('exits 0 on SIGTERM from npm start (index.ts), with the state on disk', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sciatica-sigterm-'));
    const bot = spawnBot({ STORAGE: 'file', STORAGE_PATH: directory, UNANSWERED_PATH: path.join(directory, 'unanswered') });
    try {
      const url = await bot.listening;
      expect((await new ChannelConversation(url, 'msteams').say('check my symptoms')).status).to.equal(200);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).to.equal(0);
      expect(bot.output()).to.include('shutting down').and.include('stopped: turns finished and state saved');
      expect((await fs.readdir(directory)).filter((name) => name.endsWith('.json'))).to.have.length(1);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fs.rm(directory, { recursive: true, force: true });
    }
  });
});
