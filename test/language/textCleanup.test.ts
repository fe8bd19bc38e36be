import { join } from 'node:path';
import { expect } from 'chai';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { Spelling } from '../../language/Spelling';
import { cleanText, TextCleanup } from '../../language/TextCleanup';
import { RedFlagDetector } from '../../safety/RedFlagDetector';
import { loadRedFlagRules } from '../../safety/RedFlagRules';

const KNOWLEDGE = join(__dirname, '../../knowledge');
/** One message's words through the corrector, in order, as PatientWords reads them. */
const correctAll = (spelling: Spelling, words: readonly string[]) => words.map(spelling.corrector());

describe('the shared text clean-up', () => {
  const cases: Array<[string, string]> = [
    ['m\u0443 gr\u043ein is numb', 'my groin is numb'], // Cyrillic look-alikes
    ['i c\u200ban\u200bt p\u00adee', 'i cannot pee'], // zero-width space, soft hyphen
    ['\uff4e\uff55\uff4d\uff42', 'numb'], // full-width
    ['n.u.m.b. down there', 'numb down there'],
    ['c a n t  p e e', 'cannot  pee'],
    ['k1ll mys3lf', 'kill myself'],
    ['my \u{1F351} is numb', 'my  bum  is numb'],
    ['nuuuumb', 'nuumb'],
    ['u r gonna b4 2day', 'you are going to before today'],
    // "!" inside a word is a letter; before or after it, punctuation (it made "no!" into "noi", "help!" into "helpi").
    ['sh!t, k!ll myself', 'shit, kill myself'],
    ['no!! not numb, help!', 'no!! not numb, help!'],
    ['thx!', 'thanks!'],
    // A hyphen hiding shorthand or splitting a reflexive is taken out; other hyphenated words keep theirs.
    ['i might un-alive tonight', 'i might kill myself tonight'],
    ['i want to hurt my-self', 'i want to hurt myself'],
    ['self-harm, follow-up, x-ray', 'self-harm, follow-up, x-ray'],
    // Scots negatives, as writers from Scotland and Ulster write them.
    ['ah cannae pee and ah didnae sleep, it isnae right', 'ah cannot pee and ah did not sleep, it is not right'],
  ];
  for (const [raw, clean] of cases) it(`${JSON.stringify(raw)} -> ${JSON.stringify(clean)}`, () => expect(cleanText(raw)).to.equal(clean));

  it('never changes text already in Latin, accents aside, nor codes, amounts, times, temperatures and ages with sex', () => {
    expect(cleanText('Me duele la espalda, L5/S1, 10kg, 3am, b12, covid19')).to.equal(
      'me duele la espalda, l5/s1, 10kg, 3am, b12, covid19',
    );
    expect(cleanText('53F, temp 38c (101F) since Monday')).to.equal('53f, temp 38c (101f) since monday');
    expect(cleanText('está muy mal')).to.equal('esta muy mal');
  });

  it('cleans a long message once per turn, though the FAQ match also reads its first part and its question', () => {
    const detector = new RedFlagDetector(loadRedFlagRules(join(KNOWLEDGE, 'red-flags.json')));
    const kb = loadKnowledgeBase(join(KNOWLEDGE, 'faq.json'));
    const story = `${'my leg has been sore for weeks, it is worse when I sit and no numbness down there. '.repeat(200)}does walking help?`;
    const cleanup = TextCleanup.default as unknown as { cleanUp(text: string): string };
    const cleanUp = cleanup.cleanUp;
    const cleaned: number[] = [];
    cleanup.cleanUp = function (text: string) {
      cleaned.push(text.length);
      return cleanUp.call(this, text);
    };
    try {
      detector.assess(story);
      kb.decide(story);
    } finally {
      cleanup.cleanUp = cleanUp;
    }
    expect(cleaned.filter((length) => length === story.length)).to.have.length(1);
  });
});

describe('spelling', () => {
  const spelling = new Spelling(['numb', 'bladder', 'groin', 'blades']);

  it('corrects non-words to the closest vocabulary word, preferring one that ends as the typo does', () => {
    expect(correctAll(spelling, ['nuumb', 'blader', 'groim'])).to.deep.equal(['numb', 'bladder', 'groin']);
  });

  it('never turns a real English word into another word', () => {
    expect(correctAll(spelling, ['pillow', 'grain', 'number'])).to.deep.equal(['pillow', 'grain', 'number']);
  });

  it('splits words run together into the fewest real words, as spaced-out letters arrive', () => {
    expect(correctAll(new Spelling([]), ['iwanttoendit', 'mybumfeelsnumb', 'amitriptyline'])).to.deep.equal([
      'i want to end it',
      'my bum feels numb',
      'amitriptyline',
    ]);
  });

  it('makes only a few corrections per message, so slang and names pass through', () => {
    const corrected = correctAll(new Spelling(['numb'], 2), ['numv', 'numv', 'numv']);
    expect(corrected).to.deep.equal(['numb', 'numb', 'numv']);
  });

  it('tries only a couple of dozen non-words per message, so a flood of made-up words cannot make a turn slow', () => {
    const madeUp = (count: number) =>
      Array.from({ length: count }, (_, i) => `qzx${String.fromCharCode(97 + (i % 26))}${'k'.repeat(1 + Math.floor(i / 26))}`);
    expect(correctAll(new Spelling(['numb']), [...madeUp(20), 'numv']).at(-1)).to.equal('numb');
    expect(correctAll(new Spelling(['numb']), [...madeUp(30), 'numv']).at(-1)).to.equal('numv');
  });

  it('reads stretched letters in words of any length as the word, without spending a correction', () => {
    const words = 'goooing tooo eeeend iiit tooniiiight beeetter ooooff deeeaad nuuumb'.split(' ').map((w) => w.replace(/(.)\1+/g, '$1$1'));
    expect(correctAll(new Spelling(['numb'], 1), words)).to.deep.equal('going too end it tonight better off dead numb'.split(' '));
  });
});
