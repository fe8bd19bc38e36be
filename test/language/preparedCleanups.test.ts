/**
 * The build's clean-up table (language/PreparedCleanups): used only when the running clean-up made it,
 * and then it only saves work: a text it lacks is cleaned as ever. (The built table's every entry is
 * checked against the clean-up in test/hardening/builtBot.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import shorthand from '../../knowledge/shorthand.json';
import { cleanupVersion, readPreparedCleanups } from '../../language/PreparedCleanups';
import { TextCleanup } from '../../language/TextCleanup';
import { useTemporaryFolder } from '../support/temporaryFolder';

describe('prepared clean-ups (the build cleans what start-up would)', () => {
  const folder = useTemporaryFolder('cleanups-');

  const write = (cleanup: string) => {
    const file = join(folder.path, 'cleanups.json');
    const fresh = new TextCleanup(shorthand);
    const texts = ["can't feel my l3g", 'numb'];
    writeFileSync(
      file,
      JSON.stringify({
        cleanup,
        sources: 'test',
        texts,
        cleaned: texts.map((text) => (fresh.clean(text) === text ? null : fresh.clean(text))),
      }),
    );
    return file;
  };

  it("reads the table of this very clean-up, with each text's clean-up", () => {
    const table = readPreparedCleanups(write(cleanupVersion()));
    expect([...table]).to.deep.equal([
      ["can't feel my l3g", 'cannot feel my leg'],
      ['numb', 'numb'],
    ]);
  });

  it('ignores a table another clean-up made (other code, shorthand or look-alike table)', () => {
    expect(readPreparedCleanups(write('another clean-up')).size).to.equal(0);
    expect(readPreparedCleanups(join(folder.path, 'missing.json')).size).to.equal(0);
  });

  it('cleans a text the table lacks as ever', () => {
    const cleanup = new TextCleanup(shorthand, new Map([['numb', 'numb']]));
    expect(cleanup.clean('N.U.M.B and c@nt w4lk')).to.equal(new TextCleanup(shorthand).clean('N.U.M.B and c@nt w4lk'));
  });
});
