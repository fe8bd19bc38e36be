/**
 * The compact model copy's feature names (language/FeatureNames): every name found at its number, from the
 * build's hash table over the stored bytes, as a map of the same names finds it, and nothing else found.
 */
import { expect } from 'chai';
import { featureNamesOf, hashSlots, nameStarts, StoredFeatureNames } from '../../language/FeatureNames';

function stored(names: readonly string[]): StoredFeatureNames {
  return new StoredFeatureNames(Buffer.from(names.join('\n')), nameStarts(names), hashSlots(names));
}

describe('feature names of a compact model copy', () => {
  const names = ['numb', 'numb_bum', 'años', 'año', 'pañal_mojado', 'a', 'ab', 'abc', 'constructor', 'naïve', '€'];
  const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}_${(i * 7919).toString(36)}`);

  it('finds every name at its number, the same as a map of the names', () => {
    for (const list of [names, many]) {
      const table = stored(list);
      const map = featureNamesOf(list);
      for (const [i, name] of list.entries()) {
        expect(table.indexOf(name), name).to.equal(i);
        expect(map.indexOf(name), name).to.equal(i);
      }
    }
  });

  it('finds no name it lacks: not a prefix, an extension, another accent or an inherited property', () => {
    const table = stored(names);
    for (const absent of ['num', 'numbb', 'numb_bu', 'ano', 'anos', 'añ', 'abcd', '', 'toString', 'naive', '€€', 'w1_0'])
      expect(table.indexOf(absent), absent).to.equal(-1);
    expect(featureNamesOf(names).indexOf('toString')).to.equal(-1);
  });
});
