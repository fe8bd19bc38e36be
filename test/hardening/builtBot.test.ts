/**
 * The bot as `npm start` runs it after the build: dist/index.js, not the sources through tsx. Data the
 * sources read beside themselves must be found from the package root by the build too.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import shorthand from '../../knowledge/shorthand.json';
import { TextCleanup } from '../../language/TextCleanup';
import { spawnBot } from '../support/botProcess';
import { ChannelConversation } from '../support/ChannelConversation';

const ROOT = path.resolve(__dirname, '../..');

describe('the built bot (npm start)', function () {
  this.timeout(180_000);

  // The whole build, as `npm start` runs it: dist/index.js is the bundle of the bot's modules it makes last.
  before(() => {
    const build = spawnSync(process.execPath, ['build.cjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, `${build.stdout}${build.stderr}`).to.equal(0);
  });

  it("has a lemma table from the build that gives wink-lemmatizer's own answers for every word in it", () => {
    const table = JSON.parse(readFileSync(path.join(ROOT, 'dist/language/lemmas.json'), 'utf8')) as {
      words: Record<string, [string, string, string]>;
    };
    const wink = require('wink-lemmatizer') as Record<'verb' | 'noun' | 'adjective', (word: string) => string>;
    const words = Object.entries(table.words);
    expect(words.length).to.be.greaterThan(1000);
    for (const [word, answers] of words) expect(answers, word).to.deep.equal([wink.verb(word), wink.noun(word), wink.adjective(word)]);
  });

  it("has a clean-up table from the build that the built clean-up reads, with the clean-up's own result for every text", () => {
    const table = JSON.parse(readFileSync(path.join(ROOT, 'dist/language/cleanups.json'), 'utf8')) as {
      texts: string[];
      cleaned: (string | null)[];
    };
    expect(table.texts.length).to.be.greaterThan(5000);
    const cleanup = new TextCleanup(shorthand);
    for (const [i, text] of table.texts.entries()) expect(table.cleaned[i] ?? text, text).to.equal(cleanup.clean(text));
    const read = spawnSync(
      process.execPath,
      ['-e', "console.log(require('./dist/language/PreparedCleanups.js').readPreparedCleanups().size)"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(read.stdout.trim(), read.stderr).to.equal(String(table.texts.length));
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
