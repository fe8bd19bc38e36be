/**
 * The bot as `npm start` runs it after the build: dist/index.js, not the sources through tsx. Data the
 * sources read beside themselves must be found from the package root by the build too.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { spawnBot } from '../support/botProcess';
import { ChannelConversation } from '../support/ChannelConversation';

const ROOT = path.resolve(__dirname, '../..');

describe('the built bot (npm start)', function () {
  this.timeout(180_000);

  before(() => {
    const build = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, `${build.stdout}${build.stderr}`).to.equal(0);
  });

  it('starts from dist/, answers a question with its FAQ second opinion and escalates crisis wording its net learned', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sciatica-built-'));
    const bot = spawnBot({ STORAGE: 'file', STORAGE_PATH: directory, UNANSWERED_PATH: path.join(directory, 'unanswered') }, 'built');
    try {
      const url = await bot.listening;
      const answered = await new ChannelConversation(url, 'msteams').say('my mum says lie flat in bed for a week, is that right');
      expect(answered.status).to.equal(200);
      expect(answered.text).to.match(/move|active|bed rest/i);
      const crisis = await new ChannelConversation(url, 'msteams').say('i keep looking at the pill bottle and counting');
      expect(crisis.text).to.match(/988/);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await fs.rm(directory, { recursive: true, force: true });
    }
  });
});
