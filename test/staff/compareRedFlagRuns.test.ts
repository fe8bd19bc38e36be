/** safety:snapshot: every labelled text's outcome saved, and a later run's changes sorted into gained, lost and false alarms. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { compareRuns, labelledTexts, parseRun, type TextOutcome } from '../../staff/evaluation/compareRedFlagRuns';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { runStaffTool } from './runStaffTool';

const run = (entries: [string, string, string][]): Map<string, TextOutcome> =>
  new Map(entries.map(([text, expected, outcome]) => [text, { expected, outcome }]));

describe('safety:snapshot', () => {
  const folder = useTemporaryFolder('safety-snapshot-');

  it('sorts the texts whose outcome moved into gained, lost, fewer and more false alarms', () => {
    const before = run([
      ['a', 'emergency', 'none'],
      ['b', 'crisis', 'crisis'],
      ['c', 'none', 'urgent'],
      ['d', 'none', 'none'],
      ['e', 'urgent', 'urgent'],
      ['f', 'urgent', 'clarify'],
    ]);
    const after = run([
      ['a', 'emergency', 'emergency'],
      ['b', 'crisis', 'clarify'],
      ['c', 'none', 'clarify'],
      ['d', 'none', 'clarify'],
      ['e', 'urgent', 'urgent'],
      ['f', 'urgent', 'emergency'],
    ]);
    expect(compareRuns(before, after).map((change) => [change.text, change.movement])).to.deep.equal([
      ['a', 'gained'],
      ['b', 'lost'],
      ['c', 'fewer false alarms'],
      ['d', 'more false alarms'],
      ['f', 'gained'],
    ]);
  });

  it('reads every labelled .jsonl under the folder but the held-out sets, an FAQ label as "none"', () => {
    const data = folder.path;
    mkdirSync(join(data, 'spent'));
    mkdirSync(join(data, 'heldout'));
    writeFileSync(join(data, 'dev.jsonl'), `${JSON.stringify({ text: "I can't pee", expected: 'emergency' })}\n`);
    writeFileSync(join(data, 'spent', 'old.jsonl'), `${JSON.stringify({ text: 'how long to heal', expected: 'healing-time' })}\n`);
    writeFileSync(join(data, 'heldout', 'blind.jsonl'), `${JSON.stringify({ text: 'never read', expected: 'crisis' })}\n`);
    expect([...labelledTexts(data)]).to.have.deep.members([
      ["I can't pee", 'emergency'],
      ['how long to heal', 'none'],
    ]);
  });

  it('saves a snapshot, then reports what moved since it', async () => {
    const data = join(folder.path, 'data');
    mkdirSync(data);
    writeFileSync(
      join(data, 'set.jsonl'),
      [
        { text: "I wet myself this morning and didn't notice", expected: 'emergency' },
        { text: 'how much is a first session', expected: 'none' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const snapshot = join(folder.path, 'before.jsonl');
    const saved = await runStaffTool('safetySnapshot.ts', [snapshot, '--data', data]);
    expect(saved.code, saved.stderr).to.equal(0);
    expect(parseRun(readFileSync(snapshot, 'utf8')).get("I wet myself this morning and didn't notice")?.outcome).to.equal('emergency');

    const same = await runStaffTool('safetySnapshot.ts', ['--compare', snapshot, '--data', data]);
    expect(same.stdout).to.contain('2 texts: 0 gained, 0 lost, 0 fewer false alarms, 0 more false alarms');

    // A snapshot from rules that missed the emergency: the current rules gain it.
    writeFileSync(snapshot, readFileSync(snapshot, 'utf8').replace('"emergency","emergency"', '"emergency","none"'));
    const moved = await runStaffTool('safetySnapshot.ts', ['--compare', snapshot, '--data', data]);
    expect(moved.stdout).to.contain("gained\temergency\tnone → emergency\tI wet myself this morning and didn't notice");
    expect(moved.stdout).to.contain('1 gained, 0 lost');
  });

  it('refuses to run with neither a file to write nor one to compare', async () => {
    const refused = await runStaffTool('safetySnapshot.ts', []);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.contain('usage: npm run safety:snapshot');
  });
});
