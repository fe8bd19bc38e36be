/** kb:stats: the counts table, per channel and in total, from count records only. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config/BotConfig';
import { startBot } from '../../server/startBot';
import { countUsage, noAnswerRate } from '../../usage/countUsage';
import { FileUsageLog } from '../../usage/FileUsageLog';
import { MemoryUsageLog } from '../../usage/MemoryUsageLog';
import type { TurnEvent } from '../../usage/TurnEvents';
import { dayOf } from '../../usage/UsageLog';
import { type CountRecord, countRecordOf } from '../../usage/UsageRecords';
import { ChannelConversation } from '../support/ChannelConversation';
import { capturedLogger } from '../support/capturedLogger';
import { TEST_SETTINGS } from '../support/testBot';
import { runStaffTool } from './runStaffTool';

const AT = new Date('2026-11-23T10:00:00.000Z');
const EVENTS: [TurnEvent, string][] = [
  [{ kind: 'conversationStarted' }, 'webchat'],
  [{ kind: 'answered', entryId: 'stretching' }, 'webchat'],
  [{ kind: 'answered', entryId: 'stretching' }, 'webchat'],
  [{ kind: 'answered', entryId: 'booking' }, 'webchat'],
  [{ kind: 'unanswered', outcome: 'didYouMean', text: 'not stored here' }, 'webchat'],
  [{ kind: 'bookingOffered' }, 'webchat'],
  [{ kind: 'conversationStarted' }, 'sms'],
  [{ kind: 'unanswered', outcome: 'none', text: 'not stored here' }, 'sms'],
  [{ kind: 'bookingOffered' }, 'sms'],
  [{ kind: 'screeningStarted' }, 'sms'],
  [{ kind: 'screeningFinished' }, 'sms'],
  [{ kind: 'screeningStarted' }, 'webchat'],
  [{ kind: 'escalated', urgency: 'emergency' }, 'webchat'],
  [{ kind: 'escalated', urgency: 'urgent' }, 'sms'],
  [{ kind: 'escalated', urgency: 'urgent' }, 'sms'],
];
const records: CountRecord[] = EVENTS.map(([event, channel]) => countRecordOf(event, channel, AT));

describe('kb:stats', () => {
  it('counts conversations, answers per entry, no answers, screenings, escalations and booking offers', () => {
    const counts = countUsage(records);
    expect(counts.total).to.deep.equal({
      conversations: 2,
      answered: 3,
      didYouMean: 1,
      noAnswer: 1,
      screeningsStarted: 2,
      screeningsFinished: 1,
      bookingOffers: 2,
      escalations: { emergency: 1, urgent: 2 },
    });
    expect(counts.byChannel.get('sms')?.escalations).to.deep.equal({ urgent: 2 });
    expect(counts.answersByEntry).to.deep.equal([
      ['stretching', 2],
      ['booking', 1],
    ]);
    expect(noAnswerRate(counts.total)).to.equal(2 / 5);
  });

  it('counts what patients did through the real bot: conversations with a message, booking offers delivered', async () => {
    const usageLog = new MemoryUsageLog();
    const bot = await startBot(loadConfig(TEST_SETTINGS), capturedLogger().logger, { usageLog });
    try {
      // A page load: the chat opens and welcomes, the visitor never writes.
      const visitor = new ChannelConversation(bot.url, 'webchat');
      await visitor.join();
      await visitor.post({ type: 'event', name: 'webchat/join' });
      // An answer that ends with the booking offer, and one that does not.
      const patient = new ChannelConversation(bot.url, 'msteams');
      await patient.join();
      await patient.say('what is sciatica');
      await patient.say('how long does sciatica last');
      // An emergency as the first message; the no-answer reply's offer is then removed by the escalation policy.
      const emergency = new ChannelConversation(bot.url, 'sms');
      await emergency.say("I can't control my bladder and my legs are numb");
      await emergency.say('what will the weather be like tomorrow');
    } finally {
      await bot.close(); // flushes the usage log
    }
    const counts = countUsage((await usageLog.read('counts', '2000-01-01')).map((line) => JSON.parse(line) as CountRecord));
    const seen = (channel: string) => ({
      conversations: counts.byChannel.get(channel)?.conversations ?? 0,
      bookingOffers: counts.byChannel.get(channel)?.bookingOffers ?? 0,
    });
    expect(seen('webchat'), 'a page load without a message').to.deep.equal({ conversations: 0, bookingOffers: 0 });
    expect(seen('msteams'), 'the offer added to an answer').to.deep.equal({ conversations: 1, bookingOffers: 1 });
    expect(seen('sms'), 'an emergency first; an offer the policy removed').to.deep.equal({ conversations: 1, bookingOffers: 0 });
  });

  it('keeps no text in count records', () => {
    expect(JSON.stringify(records)).to.not.contain('not stored here');
  });

  it('prints the table from the configured backend (STORAGE=file)', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'kb-stats-'));
    try {
      const today = new Date();
      await new FileUsageLog(dir).append(
        'counts',
        dayOf(today),
        EVENTS.map(([event, channel]) => JSON.stringify(countRecordOf(event, channel, today))),
      );
      const run = await runStaffTool('kbStats.ts', ['--since', '1d'], { STORAGE: 'file', UNANSWERED_PATH: dir });
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/ {2}conversations +1 +1 +2\n/);
      expect(run.stdout).to.match(/ {2}no-answer rate +100\.0 % +25\.0 % +40\.0 %\n/);
      expect(run.stdout).to.match(/ {2}escalations: urgent +2 +0 +2\n/);
      expect(run.stdout).to.match(/ {2}stretching +2\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with its usage on a mistyped option instead of reporting the default period', async function () {
    this.timeout(60_000);
    const run = await runStaffTool('kbStats.ts', ['--sinse', '30d']);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include("'--sinse'").and.include('usage: npm run kb:stats [-- --since');
    expect(run.stdout).to.equal('');
  });
});
