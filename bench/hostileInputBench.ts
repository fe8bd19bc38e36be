/**
 * Worst-case inputs, timed: the texts an attacker (or a patient pasting a document) can send, through
 * the three stages that read all of it. The tests check these give the right answer; how long they
 * take is measured here, as the time to handle one input (the slowest of a few runs).
 */
import { redactPersonalData } from '../config/redactPersonalData';
import type { TurnStages } from './turnStagesBench';

export interface HostileInputResult {
  readonly stage: string;
  readonly input: string;
  readonly characters: number;
  readonly worstMs: number;
}

const RUNS = 3;

const REDACTION_INPUTS: Record<string, string> = {
  'one letter repeated': 'a'.repeat(200_000),
  'digits and spaces': '1 '.repeat(100_000),
  'an address without its end': `${'a.'.repeat(100_000)}@`,
  'open brackets': '('.repeat(200_000),
  'a digit, then spaces': `1${' '.repeat(199_999)}`,
};

const SAFETY_INPUTS: Record<string, string> = {
  'a long story, the red flag last': `${'my leg hurts when I sit at my desk, no numbness in my groin and no bladder problems. '.repeat(2400).slice(0, 199_960)} and now I wet myself`,
  'rule words repeated': 'numb both cant my leg '.repeat(9100),
  'one letter, then a red flag': `${'a'.repeat(199_980)} i cant pee`,
  'made-up words, then a red flag': `${madeUpWords(199_980)} i cant pee`,
};

/** Different non-words of 8 to 20 letters, each of which the spelling corrector could try to correct or split. */
function madeUpWords(characters: number): string {
  const letters = 'etaoinshrdlucmwfgypb';
  let seed = 1;
  let text = '';
  while (text.length < characters) {
    let word = '';
    for (let length = 8 + (seed % 13); word.length < length; ) {
      seed = (seed * 16_807) % 2_147_483_647;
      word += letters[seed % letters.length];
    }
    text += `${word} `;
  }
  return text.slice(0, characters);
}

function worstMs(run: () => unknown): number {
  let worst = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    worst = Math.max(worst, performance.now() - started);
  }
  return worst;
}

export function runHostileInputBench({ detector, kb }: Pick<TurnStages, 'detector' | 'kb'>): HostileInputResult[] {
  const longQuestion = `what is sciatica ${'and then some more words '.repeat(2000)}`;
  const time = (stage: string, inputs: Record<string, string>, handle: (text: string) => unknown) =>
    Object.entries(inputs).map(([input, text]) => ({ stage, input, characters: text.length, worstMs: worstMs(() => handle(text)) }));
  return [
    ...time('redaction', REDACTION_INPUTS, redactPersonalData),
    ...time('red-flag check', SAFETY_INPUTS, (text) => detector.assess(text)),
    ...time('FAQ match', { 'a long question': longQuestion }, (text) => kb.decide(text)),
  ];
}
