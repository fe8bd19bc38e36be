/**
 * Hot reload as clinic staff experience it: save faq.json (by rename, as editors do, or in several
 * writes) and the bot answers with the edit within 2 seconds; save a broken file and the bot keeps
 * answering with the last good version, with one log line saying what to fix.
 */
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { LiveKnowledgeBase, type LiveKnowledgeBaseOptions } from '../../faq/LiveKnowledgeBase';
import { entryOf, type FixtureDoc, faqText, fixtureDoc } from '../staff/faqFixture';
import { capturedLogger, type LogLine } from '../support/capturedLogger';
import { waitUntil } from '../support/waitUntil';

const QUESTION = 'how do I book an appointment';
const RELOAD_DEADLINE_MS = 2000;

describe('LiveKnowledgeBase (hot reload of faq.json)', () => {
  let dir: string;
  let path: string;
  let logs: readonly LogLine[];
  let live: LiveKnowledgeBase | undefined;

  const answerNow = () => {
    const decision = live?.current().decide(QUESTION);
    return decision?.kind === 'answer' ? decision.entry.answer : undefined;
  };
  const refusals = () => logs.filter((line) => line.msg?.startsWith('FAQ edit refused'));
  const start = (options: Partial<LiveKnowledgeBaseOptions> = {}) => {
    const captured = capturedLogger('info');
    logs = captured.lines;
    live = LiveKnowledgeBase.start(path, captured.logger, options);
  };
  /** Saves the way most editors do: write a temporary file next to it, then rename it over the original. */
  const saveByRename = (text: string) => {
    writeFileSync(`${path}.tmp~`, text);
    renameSync(`${path}.tmp~`, path);
  };
  const withBookingAnswer = (answer: string): FixtureDoc => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = answer;
    return doc;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-kb-'));
    path = join(dir, 'faq.json');
    writeFileSync(path, faqText(withBookingAnswer('Version one of the booking answer.')));
  });
  afterEach(() => {
    live?.stop();
    live = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a valid edit saved by rename within 2 seconds, and logs the reload', async () => {
    start();
    expect(answerNow()).to.equal('Version one of the booking answer.');
    const savedAt = Date.now();
    saveByRename(faqText(withBookingAnswer('Version two, saved by rename.')));
    await waitUntil(() => answerNow() === 'Version two, saved by rename.', RELOAD_DEADLINE_MS, 'the edit to be served');
    console.log(`      reload latency (folder watch): ${Date.now() - savedAt} ms`);
    expect(logs.filter((line) => line.msg?.startsWith('FAQ reloaded'))).to.have.length(1);
  });

  it('serves an edit saved in several writes once the writes have finished', async () => {
    start();
    const text = faqText(withBookingAnswer('Version three, written in pieces.'));
    writeFileSync(path, text.slice(0, 100));
    appendFileSync(path, text.slice(100, 2000));
    appendFileSync(path, text.slice(2000));
    await waitUntil(() => answerNow() === 'Version three, written in pieces.', RELOAD_DEADLINE_MS, 'the edit to be served');
    expect(refusals()).to.deep.equal([]);
  });

  it('picks up an edit by polling alone (network file systems) within 2 seconds', async () => {
    start({ watchFolder: false });
    const savedAt = Date.now();
    saveByRename(faqText(withBookingAnswer('Version four, found by polling.')));
    await waitUntil(() => answerNow() === 'Version four, found by polling.', RELOAD_DEADLINE_MS, 'the edit to be served');
    console.log(`      reload latency (polling only): ${Date.now() - savedAt} ms`);
  });

  const invalidEdits: [string, () => string, { entryId?: string; field?: string; says: RegExp }][] = [
    ['bad JSON', () => faqText(fixtureDoc()).replace('"id": "booking",', '"id": "booking"'), { says: /is not valid JSON/ }],
    [
      'a schema error',
      () => faqText(withBookingAnswer('')),
      { entryId: 'booking', field: 'answer', says: /entry "booking": answer is empty/ },
    ],
    [
      'a duplicate id',
      () => {
        const doc = fixtureDoc();
        entryOf(doc, 'painkillers').id = 'stretching';
        for (const entry of doc.entries) entry.followUps = entry.followUps?.filter((id) => id !== 'painkillers');
        return faqText(doc);
      },
      { entryId: 'stretching', field: 'id', says: /entry "stretching" appears more than once/ },
    ],
    [
      'a follow-up to an unknown entry',
      () => {
        const doc = fixtureDoc();
        entryOf(doc, 'booking').followUps = ['first-sesion'];
        return faqText(doc);
      },
      { entryId: 'booking', field: 'followUps', says: /followUps refers to "first-sesion"/ },
    ],
  ];

  for (const [kind, edit, expected] of invalidEdits) {
    it(`refuses ${kind} with one log line and keeps answering with the last good version`, async () => {
      start();
      saveByRename(edit());
      const [refusal] = await waitUntil(() => refusals().length > 0 && refusals(), RELOAD_DEADLINE_MS, 'the refusal to be logged');
      expect(answerNow()).to.equal('Version one of the booking answer.');
      expect(refusal.msg).to.contain(path).and.match(expected.says);
      expect(refusal.level).to.equal(50); // error
      expect({ file: refusal.file, entryId: refusal.entryId, field: refusal.field }).to.deep.equal({
        file: path,
        entryId: expected.entryId,
        field: expected.field,
      });

      // Once a fixed file is live, every event about the broken one has been handled: still one line.
      saveByRename(faqText(withBookingAnswer('Fixed version.')));
      await waitUntil(() => answerNow() === 'Fixed version.', RELOAD_DEADLINE_MS, 'the fixed edit to be served');
      expect(refusals()).to.have.length(1);
    });
  }

  it('refuses to start from an invalid file, as the bot did before hot reload', () => {
    writeFileSync(path, '{ "entries": [ }');
    expect(() => start()).to.throw(/is not valid JSON/);
  });
});
