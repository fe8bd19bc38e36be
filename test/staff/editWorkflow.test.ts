/**
 * The staff workflow against the real server: a question the bot cannot answer is recorded (redacted,
 * never a red-flag message); staff add an entry; the running bot answers it within 2 seconds without a
 * restart; a broken save changes nothing for patients; the counts and the report show it all.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { FileUsageLog } from '../../usage/FileUsageLog';
import { ChannelConversation } from '../support/ChannelConversation';
import { capturedLogger, type LogLine } from '../support/capturedLogger';
import { TEST_SETTINGS } from '../support/testBot';
import { waitUntil } from '../support/waitUntil';
import { REPO_ROOT } from './runStaffTool';

// Prices are in the booking entry's answer now; insurance is still a topic the FAQ lacks.
const INSURANCE = {
  id: 'insurance',
  title: 'Insurance',
  questions: [
    'do you take health insurance',
    'can i claim on my insurance',
    'insurance',
    'is treatment covered by my insurer',
    'do you accept insurance',
  ],
  answer:
    'We give you a receipt your insurer can use for a claim; check your policy before you book. For payment questions call {clinicPhone}.',
  followUps: ['booking'],
};

describe('editing the FAQ while the bot is running', function () {
  this.timeout(60_000);
  let dir: string;
  let bot: RunningBot | undefined;
  let logs: readonly LogLine[];
  const faqPath = () => join(dir, 'faq.json');
  const save = (doc: unknown) => {
    writeFileSync(`${faqPath()}.tmp`, JSON.stringify(doc, null, 2));
    renameSync(`${faqPath()}.tmp`, faqPath());
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edit-workflow-'));
    writeFileSync(faqPath(), readFileSync(join(REPO_ROOT, 'knowledge', 'faq.json')));
    const captured = capturedLogger('info');
    logs = captured.lines;
    const settings = { STORAGE: 'file', STORAGE_PATH: join(dir, 'state'), UNANSWERED_PATH: join(dir, 'unanswered'), FAQ_PATH: faqPath() };
    bot = await startBot(loadConfig({ ...TEST_SETTINGS, ...settings }), captured.logger);
  });
  afterEach(async () => {
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the question, serves the new entry after a save, ignores a broken save, and keeps red flags out', async () => {
    const patient = new ChannelConversation(bot!.url, 'webchat');
    // A bare "do you take health insurance" now gets the booking entry (prices are on the booking page), as
    // patients' own labelled questions have it; a receipt for a claim is what no entry covers yet.
    const before = await patient.say('do you give receipts for insurance claims? call me on 07700 900123');
    expect(before.text).to.not.contain('your insurer');
    await new ChannelConversation(bot!.url, 'webchat').say('i havent been able to pee since last night even though i feel like i need to');

    const doc = JSON.parse(readFileSync(faqPath(), 'utf8')) as { entries: unknown[] };
    save({ ...doc, entries: [...doc.entries, INSURANCE] });
    const savedAt = Date.now();
    await waitUntil(() => logs.some((line) => line.msg?.startsWith('FAQ reloaded')), 2000, 'the edit to be reloaded');
    console.log(`      edit live on the running server after ${Date.now() - savedAt} ms`);
    expect((await patient.say('do you take health insurance')).text).to.contain('your insurer');

    writeFileSync(faqPath(), '{ "entries": [ { "id": "insurance", ');
    await waitUntil(() => logs.some((line) => line.msg?.startsWith('FAQ edit refused')), 2000, 'the broken save to be refused');
    expect((await patient.say('can i claim on my insurance')).text).to.contain('your insurer');

    await bot!.close();
    bot = undefined;
    const log = new FileUsageLog(join(dir, 'unanswered'));
    const unanswered = (await log.read('unanswered', '2000-01-01')).map((line) => JSON.parse(line) as { text: string; channel: string });
    expect(unanswered.map(({ text, channel }) => ({ text, channel }))).to.deep.equal([
      { text: 'do you give receipts for insurance claims? call me on [phone]', channel: 'webchat' },
    ]);
    const counts = (await log.read('counts', '2000-01-01')).map((line) => (JSON.parse(line) as { event: string }).event);
    expect(counts).to.include.members(['unanswered', 'escalated', 'answered']);
    expect(JSON.stringify(counts)).to.not.match(/pee|07700/);
  });
});
