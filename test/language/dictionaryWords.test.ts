/**
 * The build's list of the dictionary's words (language/DictionaryWords): the very words of the installed
 * Hunspell .dic, and never a list made from another version of the package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { dictionaryWords, hunspellWords, writeDictionaryWords } from '../../language/DictionaryWords';
import { useTemporaryFolder } from '../support/temporaryFolder';

describe("the dictionary's words (what Spelling counts as real English)", () => {
  const folder = useTemporaryFolder('dictionary-');

  it("reads the build's list as the .dic's very words, and writes it once per version", () => {
    const file = join(folder.path, 'words.txt');
    expect(writeDictionaryWords(file)).to.equal(true);
    expect(writeDictionaryWords(file)).to.equal(false);
    const words = dictionaryWords(file);
    expect(words.size).to.be.greaterThan(40_000);
    expect(words).to.deep.equal(hunspellWords());
    expect(words.has('pillow')).to.equal(true);
  });

  it('reads the .dic instead of a list made from another version', () => {
    const file = join(folder.path, 'old.txt');
    writeDictionaryWords(file);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^dictionary-en@[^\n]+/, 'dictionary-en@0.0.1')
        .concat('\nsciatia'),
    );
    expect(dictionaryWords(file).has('sciatia')).to.equal(false);
    expect(dictionaryWords(file)).to.deep.equal(hunspellWords());
  });
});
