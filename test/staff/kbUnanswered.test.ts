/**
 * The unanswered-questions report: similar questions grouped, most frequent first, each with the
 * closest entry — from the same backend and configuration the bot writes to.
 */
import { join } from 'node:path';
import { expect } from 'chai';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { FileUsageLog } from '../../usage/FileUsageLog';
import { groupUnanswered } from '../../usage/groupUnanswered';
import { dayOf } from '../../usage/UsageLog';
import type { UnansweredRecord } from '../../usage/UsageRecords';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { REPO_ROOT, runStaffTool } from './runStaffTool';

const kb = loadKnowledgeBase(join(REPO_ROOT, 'knowledge', 'faq.json'));
const asked = (text: string, at = '2026-11-23T10:00:00.000Z'): UnansweredRecord => ({
  at,
  channel: 'webchat',
  outcome: 'none',
  text,
  conversation: '0'.repeat(32),
});

describe('kb:unanswered', () => {
  it('groups questions sharing their telling words, not just "sciatica"', () => {
    const groups = groupUnanswered(
      [
        'is swimming good for sciatica',
        'is yoga good for sciatica',
        'when are you open',
        'can I swim with sciatica',
        'are you open on saturdays',
      ].map((text) => asked(text)),
      kb,
    );
    expect(groups.map((g) => g.wordings.map((w) => w.text))).to.deep.equal([
      ['is swimming good for sciatica', 'can I swim with sciatica'],
      ['when are you open', 'are you open on saturdays'],
      ['is yoga good for sciatica'],
    ]);
  });

  it('groups similar questions, most frequent first, with the closest entry', () => {
    const groups = groupUnanswered(
      [
        asked('do you take insurance'),
        asked('is swimming good for sciatica'),
        asked('Is swimming good for sciatica?'),
        asked('can I go swimming with sciatica'),
        asked('is there parking at the clinic', '2026-11-23T11:00:00.000Z'), // more recent: first of the single questions
        asked('swimming with sciatica, good idea?', '2026-11-24T08:00:00.000Z'),
      ],
      kb,
    );
    expect(groups.map((g) => [g.count, g.wordings.map((w) => `${w.text} ×${w.count}`)])).to.deep.equal([
      [4, ['is swimming good for sciatica ×2', 'can I go swimming with sciatica ×1', 'swimming with sciatica, good idea? ×1']],
      [1, ['is there parking at the clinic ×1']],
      [1, ['do you take insurance ×1']],
    ]);
    expect(groups[0].lastAsked).to.equal('2026-11-24T08:00:00.000Z');
    expect(groups[0].closest?.id).to.be.a('string');
    expect(groups[0].now).to.equal(kb.decide('is swimming good for sciatica').kind);
  });

  it('counts what patients got at the time: no answer, "did you mean", or an answer the bot was unsure of', () => {
    const [group] = groupUnanswered(
      [
        asked('is swimming good for sciatica'),
        { ...asked('is swimming good for sciatica'), outcome: 'didYouMean' },
        { ...asked('can I go swimming with sciatica'), outcome: 'unsureAnswer', closest: 'rest-or-move' },
      ],
      kb,
    );
    expect(group.outcomes).to.deep.equal({ none: 1, didYouMean: 1, unsureAnswer: 1 });
  });

  describe('npm run kb:unanswered (STORAGE=file)', () => {
    const folder = useTemporaryFolder('kb-unanswered-');

    it('prints the groups of the period asked for, from UNANSWERED_PATH', async function () {
      this.timeout(60_000);
      const log = new FileUsageLog(folder.path);
      const today = new Date();
      const longAgo = new Date(today.getTime() - 10 * 86_400_000);
      const line = (text: string, at: Date, outcome = 'none') => JSON.stringify({ at: at.toISOString(), channel: 'sms', outcome, text });
      await log.append('unanswered', dayOf(today), [
        line('is swimming good for sciatica', today),
        line('can I go swimming with sciatica', today, 'unsureAnswer'),
      ]);
      await log.append('unanswered', dayOf(today), [line('do you have parking', today)]);
      await log.append('unanswered', dayOf(longAgo), [line('what about yoga', longAgo)]);

      const run = await runStaffTool('kbUnanswered.ts', ['--since', '7d'], {
        STORAGE: 'file',
        UNANSWERED_PATH: folder.path,
        FAQ_PATH: 'knowledge/faq.json',
      });
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.contain(`(from files in ${folder.path})`);
      expect(run.stdout).to.contain('3 questions in 2 groups');
      expect(run.stdout).to.match(
        / {2}1\. 2× "is swimming good for sciatica"\n {7}"can I go swimming with sciatica"\n {7}closest entry: [a-z-]+ \(score 0\.\d\d\)/,
      );
      expect(run.stdout).to.contain('at the time: 1 no answer, 1 answered, the bot unsure');
      expect(run.stdout).to.contain('2. 1× "do you have parking"');
      expect(run.stdout).to.not.contain('yoga');
    });

    it('neutralises line breaks, bidi overrides and other controls that patients wrote', async function () {
      this.timeout(60_000);
      const log = new FileUsageLog(folder.path);
      const today = new Date();
      const line = (text: string) => JSON.stringify({ at: today.toISOString(), channel: 'webchat', outcome: 'none', text });
      await log.append('unanswered', dayOf(today), [
        line('do you bill\n  2. 99× "FAKE GROUP" insurance'),
        line('my name is \u202Eevil.exe\u202C ok \u001B[2J cleared?'),
      ]);

      const run = await runStaffTool('kbUnanswered.ts', ['--since', '7d'], {
        STORAGE: 'file',
        UNANSWERED_PATH: folder.path,
        FAQ_PATH: 'knowledge/faq.json',
      });
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.not.match(/[\u202A-\u202E\u2066-\u2069\u001B]/);
      expect(
        run.stdout.split('\n').filter((printed) => printed.includes('FAKE GROUP')),
        'the injected "group" stays on the line it was written in',
      ).to.have.length(1);
      expect(run.stdout).to.contain('do you bill   2. 99× "FAKE GROUP" insurance');
      expect(run.stdout).to.contain('my name is <U+202E>evil.exe<U+202C> ok <U+001B>[2J cleared?');
    });
  });
});
