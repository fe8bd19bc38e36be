/**
 * Correctness under load, not speed: 50 conversations of 20 turns each, all at once over HTTP with
 * file storage. Every turn must get its expected reply, and every conversation's saved state must
 * be exactly where its own script left it (no cross-talk, no lost or doubled steps).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import type { RunningBot } from '../../server/startBot';
import { LOCK_FILE } from '../../storage/StorageFolderLock';
import { ChannelConversation } from '../support/ChannelConversation';
import { type ScreeningScript, screeningScript } from '../support/screeningScript';
import { fileStorageSettings, startTestBot } from '../support/testBot';

const CONVERSATIONS = 50;
const CHANNELS = ['msteams', 'webchat', 'sms'];

/** Twenty turns: small talk, a full screening, an FAQ answer, then half of a second screening. */
function scriptFor(script: ScreeningScript): { say: string; expect: number | RegExp }[] {
  const redFlags = script.questions.length - 3;
  const turns: { say: string; expect: number | RegExp }[] = [
    { say: 'what is sciatica?', expect: /isn't a diagnosis on its own/i },
    { say: 'check my symptoms', expect: 0 },
  ];
  for (let step = 1; step <= redFlags; step++) turns.push({ say: 'no', expect: step });
  turns.push({ say: 'about 3 weeks', expect: redFlags + 1 }, { say: '5', expect: redFlags + 2 }, { say: 'I am 40 years old', expect: -1 });
  turns.push({ say: 'what is sciatica?', expect: /isn't a diagnosis on its own/i }, { say: 'check my symptoms', expect: 0 });
  while (turns.length < 20)
    turns.push({ say: 'no', expect: turns.length - turns.findLastIndex((turn) => turn.say === 'check my symptoms') });
  return turns;
}

describe('load: 50 concurrent conversations × 20 turns', function () {
  this.timeout(300_000);
  let directory = '';
  let running: RunningBot | undefined;
  before(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sciatica-load-'));
    running = await startTestBot(fileStorageSettings(directory));
  });
  after(async () => {
    await running?.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it('answers every turn as scripted and leaves every conversation’s state intact', async () => {
    const bot = running as RunningBot;
    const script = screeningScript(bot);
    const turns = scriptFor(script);
    expect(turns).to.have.length(20);
    const failures: string[] = [];
    const conversations = Array.from({ length: CONVERSATIONS }, (_, i) => new ChannelConversation(bot.url, CHANNELS[i % CHANNELS.length]));

    await Promise.all(
      conversations.map(async (conversation, c) => {
        for (const [t, turn] of turns.entries()) {
          const reply = await conversation.say(turn.say);
          const ok =
            reply.status === 200 &&
            !/something went wrong/i.test(reply.text) &&
            (typeof turn.expect === 'number' ? script.askedIn(reply.text) === turn.expect : turn.expect.test(reply.text));
          if (!ok)
            failures.push(
              `conversation ${c} (${conversation.channelId}) turn ${t} "${turn.say}": ${reply.status} ${reply.text.slice(0, 120)}`,
            );
        }
      }),
    );
    expect(failures).to.deep.equal([]);

    const lastStep = turns.length - 1 - turns.findLastIndex((turn) => turn.say === 'check my symptoms');
    const keys = conversations.map((conversation) => `${conversation.channelId}/conversations/${conversation.conversationId}/`);
    const stored = await bot.storage.read(keys);
    expect(Object.keys(stored)).to.have.length(CONVERSATIONS);
    for (const key of keys) {
      const state = stored[key] as { session?: { welcomed?: boolean; screening?: { step: number } } };
      expect(state.session?.welcomed, key).to.equal(true);
      expect(state.session?.screening?.step, key).to.equal(lastStep);
    }
    // Running, recent saves may be in the journal alone; a clean stop leaves one state file per conversation and nothing else.
    await bot.close();
    running = undefined;
    const names = (await fs.readdir(path.join(directory, 'state'))).filter((name) => name !== LOCK_FILE);
    expect(names).to.have.length(CONVERSATIONS);
    for (const name of names) expect(name).to.match(/^[0-9a-f]{64}\.json$/);
  });
});
