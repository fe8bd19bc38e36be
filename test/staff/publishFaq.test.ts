/**
 * The deploy step (`npm run kb:deploy`): puts the reviewed file live, but never overwrites an edit made
 * on the server since the last deploy without being told to — and then keeps a copy.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { publishFaq, recordPath } from '../../staff/publishFaq';
import { useTemporaryFolder } from '../support/temporaryFolder';
import { entryOf, faqText, fixtureDoc } from './faqFixture';
import { runStaffTool } from './runStaffTool';

describe('kb:deploy (publishing faq.json to the live FAQ_PATH)', () => {
  const folder = useTemporaryFolder('kb-deploy-');
  let repoFile: string;
  let liveFile: string;
  const NOW = new Date('2026-11-23T10:00:00.000Z');
  beforeEach(() => {
    repoFile = join(folder.path, 'repo-faq.json');
    liveFile = join(folder.path, 'live', 'faq.json');
    mkdirSync(join(folder.path, 'live')); // the persistent folder FAQ_PATH points into
    writeFileSync(repoFile, faqText(fixtureDoc()));
  });

  const staffEditOnServer = () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = 'Edited on the server by the front desk.';
    writeFileSync(liveFile, faqText(doc));
  };

  it('publishes the first time and records the hash it wrote; a second run has nothing to do', () => {
    const result = publishFaq({ from: repoFile, to: liveFile, now: NOW });
    expect(result.status).to.equal('published');
    expect(readFileSync(liveFile, 'utf8')).to.equal(readFileSync(repoFile, 'utf8'));
    expect(JSON.parse(readFileSync(recordPath(liveFile), 'utf8'))).to.include({ deployedAt: NOW.toISOString(), from: repoFile });
    expect(publishFaq({ from: repoFile, to: liveFile }).status).to.equal('unchanged');
  });

  it('publishes a reviewed change over the file it deployed last time', () => {
    publishFaq({ from: repoFile, to: liveFile });
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = 'Reviewed in a pull request.';
    writeFileSync(repoFile, faqText(doc));
    expect(publishFaq({ from: repoFile, to: liveFile }).status).to.equal('published');
    expect(readFileSync(liveFile, 'utf8')).to.contain('Reviewed in a pull request.');
  });

  it('refuses to overwrite an edit made on the server since the last deploy, and says which entries differ', () => {
    publishFaq({ from: repoFile, to: liveFile });
    staffEditOnServer();
    const result = publishFaq({ from: repoFile, to: liveFile });
    expect(result).to.deep.include({ status: 'refused', differences: ['entry "booking" is different in the live file'] });
    expect(readFileSync(liveFile, 'utf8')).to.contain('Edited on the server by the front desk.');
  });

  it('refuses a live file that no deploy put there', () => {
    staffEditOnServer();
    expect(publishFaq({ from: repoFile, to: liveFile }).status).to.equal('refused');
  });

  it('overwrites with --force, keeping a copy of the live file it replaced', () => {
    publishFaq({ from: repoFile, to: liveFile });
    staffEditOnServer();
    const result = publishFaq({ from: repoFile, to: liveFile, force: true, now: NOW });
    expect(result).to.deep.include({ status: 'published', backup: `${liveFile}.replaced-2026-11-23T10-00-00-000Z` });
    expect(readFileSync(`${liveFile}.replaced-2026-11-23T10-00-00-000Z`, 'utf8')).to.contain('Edited on the server by the front desk.');
    expect(readFileSync(liveFile, 'utf8')).to.equal(readFileSync(repoFile, 'utf8'));
  });

  it('never publishes a file the bot would refuse', () => {
    writeFileSync(repoFile, '{ "entries": [] }');
    expect(() => publishFaq({ from: repoFile, to: liveFile })).to.throw(/at least one entry/);
    expect(existsSync(liveFile)).to.equal(false);
  });

  it('exits 2 from npm run kb:deploy when it refuses, with what to do next', async function () {
    this.timeout(60_000);
    staffEditOnServer();
    const run = await runStaffTool('kbDeploy.ts', ['--from', repoFile, '--to', liveFile]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain(`NOT DEPLOYED: ${liveFile} exists but was not put there by a deploy`);
    expect(run.stderr).to.contain('entry "booking" is different in the live file');
    expect(readdirSync(join(folder.path, 'live'))).to.deep.equal(['faq.json']);
  });
});
