/** kb:stats: the counts table, per channel and in total, from count records only. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { TurnEvent } from '../../bot/TurnEvents';
import { countUsage, noAnswerRate } from '../../knowledge/usage/countUsage';
import { FileUsageLog } from '../../knowledge/usage/FileUsageLog';
import { dayOf } from '../../knowledge/usage/UsageLog';
import { countRecordOf, type CountRecord } from '../../knowledge/usage/UsageRecords';
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
    expect(counts.answersByEntry).to.deep.equal([['stretching', 2], ['booking', 1]]);
    expect(noAnswerRate(counts.total)).to.equal(2 / 5);
  });

  it('keeps no text in count records', () => {
    expect(JSON.stringify(records)).to.not.contain('not stored here');
  });

  it('prints the table from the configured backend (STORAGE=file)', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'kb-stats-'));
    try {
      const today = new Date();
      await new FileUsageLog(dir).append('counts', dayOf(today), EVENTS.map(([event, channel]) => JSON.stringify(countRecordOf(event, channel, today))));
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
});
