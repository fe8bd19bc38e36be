import { expect } from 'chai';
import { Spelling } from '../../language/Spelling';
import { PatientWords, WordReader } from '../../safety/PatientWords';

describe('PatientWords: words read once per reader', () => {
  it('reads a message the same the second time, from the words it remembers', () => {
    const reader = new WordReader(new Spelling(['numb', 'bladder']), new Set(['but']));
    const message = 'my leg is nuumb but my bladder is fine, numb again in 2019';
    const fresh = new PatientWords(message, new WordReader(new Spelling(['numb', 'bladder']), new Set(['but'])));
    const first = new PatientWords(message, reader);
    const again = new PatientWords(message, reader);
    expect(again.words).to.deep.equal(first.words);
    expect(again.sentences).to.deep.equal(first.sentences);
    expect(first.words).to.deep.equal(fresh.words);
    // The stretched word reads as the vocabulary's, and "but" opens a clause, from memory too.
    expect(again.words.map((w) => w.text)).to.include('numb');
    expect(again.words[again.words.findIndex((w) => w.text === 'but')].clause).to.equal(again.words[0].clause + 1);
  });
});
