/**
 * The bot's event sink: what it keeps (counts; unanswered questions redacted, linked to their
 * conversation by a keyed hash, never by its id), that "forget me" deletes a conversation's
 * questions, and that a slow or failing backend can neither slow nor fail a turn.
 */
import { expect } from 'chai';
import { MemoryUsageLog } from '../../usage/MemoryUsageLog';
import type { UsageLog } from '../../usage/UsageLog';
import { UsageRecorder } from '../../usage/UsageRecorder';
import { conversationLink } from '../../usage/UsageRecords';
import { capturedLogger } from '../support/capturedLogger';
import { waitUntil } from '../support/waitUntil';

const NOW = new Date('2026-11-23T10:15:00.000Z');
const now = () => NOW;
const parsed = async (log: UsageLog, stream: 'unanswered' | 'counts') =>
  (await log.read(stream, '2000-01-01')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe("UsageRecorder (the bot's TurnEventSink)", () => {
  it('keeps every event as a count, and unanswered questions with time, channel, redacted text and a keyed hash of the conversation only', async () => {
    const log = new MemoryUsageLog();
    const linkKey = Buffer.alloc(32, 7);
    const recorder = new UsageRecorder(log, capturedLogger().logger, { retentionDays: 90, now, linkKey });
    recorder.record({ kind: 'conversationStarted' }, 'sms', '+15550100');
    recorder.record({ kind: 'answered', entryId: 'stretching' }, 'sms', '+15550100');
    recorder.record(
      {
        kind: 'unanswered',
        outcome: 'none',
        text: 'can you call me on 07700 900123 or email jo@example.com, my policy is 12345678',
        closestEntryId: 'booking',
      },
      'sms',
      '+15550100',
    );
    recorder.record({ kind: 'escalated', urgency: 'emergency' }, 'webchat', 'c-1');
    await recorder.close();

    expect(await parsed(log, 'unanswered')).to.deep.equal([
      {
        at: NOW.toISOString(),
        channel: 'sms',
        outcome: 'none',
        text: 'can you call me on [phone] or email [email], my policy is [phone]',
        closest: 'booking',
        conversation: conversationLink(linkKey, 'sms', '+15550100'),
      },
    ]);
    expect(JSON.stringify(await parsed(log, 'unanswered'))).to.not.include('5550100');
    expect(await parsed(log, 'counts')).to.deep.equal([
      { at: NOW.toISOString(), channel: 'sms', event: 'conversationStarted' },
      { at: NOW.toISOString(), channel: 'sms', event: 'answered', entry: 'stretching' },
      { at: NOW.toISOString(), channel: 'sms', event: 'unanswered', outcome: 'none' },
      { at: NOW.toISOString(), channel: 'webchat', event: 'escalated', urgency: 'emergency' },
    ]);
  });

  it('keeps the text of an answer given with low confidence for kb:unanswered, without counting the answer twice, and forgets it', async () => {
    const log = new MemoryUsageLog();
    const linkKey = Buffer.alloc(32, 7);
    const recorder = new UsageRecorder(log, capturedLogger().logger, { retentionDays: 90, now, linkKey });
    recorder.record({ kind: 'answered', entryId: 'rest-or-move' }, 'webchat', 'c-1');
    recorder.record(
      { kind: 'unsureAnswer', entryId: 'rest-or-move', text: 'can I still go to the gym, my email is jo@example.com' },
      'webchat',
      'c-1',
    );
    await recorder.flush();
    expect(await parsed(log, 'unanswered')).to.deep.equal([
      {
        at: NOW.toISOString(),
        channel: 'webchat',
        outcome: 'unsureAnswer',
        text: 'can I still go to the gym, my email is [email]',
        closest: 'rest-or-move',
        conversation: conversationLink(linkKey, 'webchat', 'c-1'),
      },
    ]);
    expect(await parsed(log, 'counts')).to.deep.equal([
      { at: NOW.toISOString(), channel: 'webchat', event: 'answered', entry: 'rest-or-move' },
    ]);
    await recorder.forget('webchat', 'c-1');
    expect(await parsed(log, 'unanswered')).to.deep.equal([]);
    await recorder.close();
  });

  it('writes in the background, without being asked to flush', async () => {
    const log = new MemoryUsageLog();
    const recorder = new UsageRecorder(log, capturedLogger().logger, { retentionDays: 90, flushIntervalMs: 20, now });
    recorder.record({ kind: 'bookingOffered' }, 'msteams', 'c-1');
    expect(await log.read('counts', '2000-01-01')).to.deep.equal([]); // not written during the turn
    await waitUntil(async () => (await log.read('counts', '2000-01-01')).length === 1, 2000, 'the background flush');
    await recorder.close();
  });

  it('never throws into a turn or waits for the backend, and retries what a failed write could not store', async () => {
    let failing = true;
    let calls = 0;
    const memory = new MemoryUsageLog();
    const flaky: UsageLog = {
      append: async (...args) => {
        calls++;
        if (failing) throw new Error('storage account unreachable');
        return memory.append(...args);
      },
      read: (...args) => memory.read(...args),
      deleteBefore: async () => {
        throw new Error('storage account unreachable');
      },
      deleteConversation: (link) => memory.deleteConversation(link),
      linkKey: () => memory.linkKey(),
    };
    const { logger, lines } = capturedLogger();
    const recorder = new UsageRecorder(flaky, logger, { retentionDays: 90, now });
    const appendsBefore = calls;
    for (let i = 0; i < 1000; i++)
      recorder.record({ kind: 'unanswered', outcome: 'didYouMean', text: `question ${i}` }, 'webchat', `c-${i}`);
    expect(calls).to.equal(appendsBefore); // 1000 turns' worth of recording, none of it touching storage

    await recorder.flush();
    expect(calls).to.be.greaterThan(0);
    expect(lines.some((line) => line.msg === 'usage log: write failed, will retry')).to.equal(true);
    expect(lines.some((line) => line.msg === 'usage log: expired days could not be deleted')).to.equal(true);

    failing = false;
    await recorder.close();
    expect(await memory.read('unanswered', '2000-01-01')).to.have.length(1000);
    expect(await memory.read('counts', '2000-01-01')).to.have.length(1000);
  });

  it("forgets one conversation's questions, stored and still buffered, and no other conversation's", async () => {
    const log = new MemoryUsageLog();
    const recorder = new UsageRecorder(log, capturedLogger().logger, { retentionDays: 90, now });
    const ask = (conversationId: string, text: string) =>
      recorder.record({ kind: 'unanswered', outcome: 'none', text }, 'webchat', conversationId);
    ask('c-forget', 'can my parrot catch sciatica');
    ask('c-keep', 'can my hamster catch sciatica');
    await recorder.flush();
    ask('c-forget', 'can my goldfish catch sciatica');
    await recorder.forget('webchat', 'c-forget');
    await recorder.close();
    expect((await parsed(log, 'unanswered')).map((record) => record.text)).to.deep.equal(['can my hamster catch sciatica']);
  });

  it('deletes days older than the retention period when it starts', async () => {
    const log = new MemoryUsageLog();
    await log.append('unanswered', '2026-08-24', ['{"old":true}']); // 91 days before NOW
    await log.append('unanswered', '2026-08-25', ['{"kept":true}']); // 90 days before NOW
    const recorder = new UsageRecorder(log, capturedLogger().logger, { retentionDays: 90, now });
    await waitUntil(async () => (await log.read('unanswered', '2000-01-01')).length === 1, 2000, 'the retention sweep');
    expect(await log.read('unanswered', '2000-01-01')).to.deep.equal(['{"kept":true}']);
    await recorder.close();
  });
});
