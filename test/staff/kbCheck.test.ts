/**
 * `npm run kb:check` as staff and CI run it: the exit code decides whether a deploy goes ahead, and the
 * red-flag rules file is checked alongside the FAQ. Also keeps the shipped faq.json error-free: CI
 * runs this suite before every deploy.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { formatFinding } from '../../staff/checks/CheckFinding';
import { checkRedFlagRules } from '../../staff/checks/checkRedFlagRules';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { entryOf, faqText, fixtureDoc, lineContaining } from './faqFixture';
import { REPO_ROOT, runStaffTool } from './runStaffTool';

describe('npm run kb:check', () => {
  const folder = useTemporaryFolder('kb-check-');

  it('passes the shipped knowledge/faq.json and red-flag rules with exit code 0', async function () {
    this.timeout(60_000);
    const run = await runStaffTool('kbCheck.ts', [], { FAQ_PATH: 'knowledge/faq.json', RED_FLAGS_PATH: 'knowledge/red-flags.json' });
    expect(run.stdout).to.match(/^0 errors, \d+ warnings?\.$/m);
    // Every rule and word list carries a review record; until a clinician signs them off, kb:check says so.
    expect(run.stdout).to.match(/WARNING .*parts of the red-flag rules are not yet reviewed by a clinician.*rule 'saddle-numbness'/);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
  });

  it('exits 1 and prints the entry and line of an error', async function () {
    this.timeout(60_000);
    const doc = fixtureDoc();
    entryOf(doc, 'stretching').followUps = ['mobilty'];
    const text = faqText(doc);
    writeFileSync(join(folder.path, 'faq.json'), text);
    const run = await runStaffTool('kbCheck.ts', [join(folder.path, 'faq.json')]);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain(`ERROR    line ${lineContaining(text, '"mobilty"')}: entry "stretching": followUps refers to "mobilty"`);
    expect(run.stdout).to.match(/^1 error, \d+ warnings?\.$/m);
  });

  it('exits 0 when there are only warnings', async function () {
    this.timeout(60_000);
    const doc = fixtureDoc();
    entryOf(doc, 'stretching').answer += ' More at www.example.com/stretches.';
    writeFileSync(join(folder.path, 'faq.json'), faqText(doc));
    const run = await runStaffTool('kbCheck.ts', [join(folder.path, 'faq.json')]);
    expect(run.stdout).to.contain('WARNING');
    expect(run.code, run.stdout).to.equal(0);
  });

  it('reports a broken red-flag rules file with the rule id and its line', () => {
    copyFileSync(join(REPO_ROOT, 'knowledge', 'red-flags.schema.json'), join(folder.path, 'red-flags.schema.json'));
    const rules = JSON.parse(readFileSync(join(REPO_ROOT, 'knowledge', 'red-flags.json'), 'utf8')) as { rules: { id: string }[] };
    const duplicated = rules.rules[0].id;
    rules.rules[1].id = duplicated;
    const text = JSON.stringify(rules, null, 2);
    writeFileSync(join(folder.path, 'red-flags.json'), text);
    const [finding] = checkRedFlagRules(join(folder.path, 'red-flags.json'));
    expect(finding.entryId).to.equal(duplicated);
    expect(formatFinding(finding)).to.match(
      new RegExp(`^ERROR +line ${lineContaining(text, `"id": "${duplicated}"`, 2)}: .*rule '${duplicated}'.*duplicate`),
    );
  });
});
