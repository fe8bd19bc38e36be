/**
 * The build's list of the dictionaries' words (language/DictionaryWords): the very words of the installed
 * Hunspell .dic files, and never a list made from other versions of the packages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { dictionaryWords, hunspellWords, SortedWords, writeDictionaryWords } from '../../language/DictionaryWords';
import { useTemporaryFolder } from '../support/temporaryFolder';

describe("the dictionaries' words (what Spelling counts as real English or Spanish)", () => {
  const folder = useTemporaryFolder('dictionary-');

  it("reads the build's list as the .dic files' very words, and writes it once per version", () => {
    const file = join(folder.path, 'words.txt');
    expect(writeDictionaryWords(file)).to.equal(true);
    expect(writeDictionaryWords(file)).to.equal(false);
    const words = dictionaryWords(file);
    expect(words.english.size).to.be.greaterThan(40_000);
    expect(words.spanish.size).to.be.greaterThan(40_000);
    expect(words).to.deep.equal(hunspellWords());
    expect(words.english.has('pillow')).to.equal(true);
    // Without accents, as the clean-up reads text; a word of both languages is English only.
    expect(words.spanish.has('cancelar')).to.equal(true);
    expect(words.spanish.has('rinon')).to.equal(true);
    expect(words.spanish.has('pillow')).to.equal(false);
  });

  it('reads the .dic files instead of a list made from another version', () => {
    const file = join(folder.path, 'old.txt');
    writeDictionaryWords(file);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^dictionary-en@[^ ]+/, 'dictionary-en@0.0.1')
        .concat('\nsciatia'),
    );
    expect(dictionaryWords(file).spanish.has('sciatia')).to.equal(false);
    expect(dictionaryWords(file)).to.deep.equal(hunspellWords());
  });

  it('finds every word of a sorted list in place, and no word between them', () => {
    const words = SortedWords.of(['numb', 'bladder', 'a', 'zygote', 'leg', 'legs']);
    for (const word of ['a', 'bladder', 'leg', 'legs', 'numb', 'zygote']) expect(words.has(word), word).to.equal(true);
    for (const word of ['', 'aa', 'b', 'le', 'lega', 'z', 'zz', 'numbs']) expect(words.has(word), word).to.equal(false);
    expect(words.size).to.equal(6);
    expect(SortedWords.of([]).has('a')).to.equal(false);
  });

  it('reads the .dic files instead of a list in an unsorted layout', () => {
    const file = join(folder.path, 'unsorted.txt');
    writeDictionaryWords(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(' sorted\n', '\n').concat('\nsciatia'));
    expect(dictionaryWords(file)).to.deep.equal(hunspellWords());
  });
});
