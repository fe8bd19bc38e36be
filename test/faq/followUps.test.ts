/**
 * Short follow-ups read with the previous topic (issue 14): the second message of a two-turn exchange must
 * be answered right at least 85% of the time, switching topic when the patient does (context must not stick)
 * and giving no answer when no entry covers it. Development sets, written blind from the article:
 *  - test/data/faq-twoturn-dev.jsonl and faq-twoturn-dev-b.jsonl (124 exchanges, 44 switching topic):
 *    first runs 38/44 and 65/80; 111/124 before round faq-4, 114/124 after it, now 118/124, floor 94%;
 *  - test/data/faq-twoturn-dev-c.jsonl (120, 50 switching, 6 with no answer; terse fragments, long stories
 *    as first turns): first run 73/120 (60.8%), 86/120 after round faq-4, now 95/120 (79.2%), floor 78%;
 *  - the spent held-out sets test/data/spent/faq-twoturn-*-2026-12.jsonl: A (48) first run 35/48, now 43/48;
 *    B (60) 40/60, now 50/60; C (80) 70/80 → 77/80; D (80, an independent writer) 49/80 → 61/80; E (80,
 *    another) 59/80 → 65/80; F → 69/80, G → 66/80, H (first run 66/80) → 68/80, I (68/80) → 71/80;
 *    N, O, P (first runs 71, 73 and 70/80 at stop 26, the follow-up reader unchanged since);
 *    floors a point or two below.
 * Tuned on all of them, so these are not results: the held-out two-turn sets are (docs/heldout-results.md).
 * Context must not turn an out-of-scope message into an answer either: the labelled set's 58 out-of-scope
 * messages, each sent after every entry, get no answer 95.1% of the time (86.3% before round faq-4, 95.2%
 * after it; sent alone 98.3%), and the same with a question mark added (61% for a while when any short
 * question was read in context), floor 94%. Nor must it stick: the labelled set's 192 questions, each asked
 * after every other entry, are answered right 94.4% of the time (as alone; 93.9% before round faq-4), floor
 * 93.5%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { FaqDecision } from '../../faq/FaqDecision';
import { decideFollowUp } from '../../faq/FollowUp';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';

interface Exchange {
  readonly first: string;
  readonly second: string;
  /** null: no entry covers the follow-up. */
  readonly expected: string | null;
  readonly switch: boolean;
}

const read = (...names: string[]): Exchange[] =>
  names.flatMap((name) =>
    readFileSync(join(__dirname, '..', 'data', name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const raw = JSON.parse(line) as Exchange & { secondExpected?: string | null };
        return { ...raw, expected: raw.expected === undefined ? (raw.secondExpected ?? null) : raw.expected };
      }),
  );

const answered = (decision: FaqDecision) => (decision.kind === 'answer' ? decision.entry.id : null);

describe('FAQ follow-ups in context', () => {
  const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));

  function score(exchanges: readonly Exchange[]) {
    let right = 0;
    let switches = 0;
    let switchedRight = 0;
    for (const exchange of exchanges) {
      const first = kb.decide(exchange.first);
      const ok = answered(decideFollowUp(kb, exchange.second, answered(first) ?? undefined)) === exchange.expected;
      if (ok) right++;
      if (exchange.switch) {
        switches++;
        switchedRight += ok ? 1 : 0;
      }
    }
    console.log(`      two-turn: ${right}/${exchanges.length} right, ${switchedRight}/${switches} of the topic switches`);
    return { right: right / exchanges.length, switches, switched: switchedRight / switches };
  }

  /** What each set reaches now, less a small margin: raise them when the numbers go up, never lower them to pass. */
  const floors = [
    { sets: ['faq-twoturn-dev.jsonl', 'faq-twoturn-dev-b.jsonl'], size: 124, switches: 44, right: 0.94, switched: 0.93 },
    { sets: ['faq-twoturn-dev-c.jsonl'], size: 120, switches: 50, right: 0.78, switched: 0.78 },
    { sets: [join('spent', 'faq-twoturn-2026-12.jsonl')], size: 48, switches: 16, right: 0.87, switched: 0.93 },
    { sets: [join('spent', 'faq-twoturn-b-2026-12.jsonl')], size: 60, switches: 20, right: 0.81, switched: 0.85 },
    { sets: [join('spent', 'faq-twoturn-c-2026-12.jsonl')], size: 80, switches: 30, right: 0.94, switched: 0.93 },
    { sets: [join('spent', 'faq-twoturn-d-2026-12.jsonl')], size: 80, switches: 30, right: 0.75, switched: 0.66 },
    { sets: [join('spent', 'faq-twoturn-e-2026-12.jsonl')], size: 80, switches: 30, right: 0.8, switched: 0.76 },
    { sets: [join('spent', 'faq-twoturn-f-2026-12.jsonl')], size: 80, switches: 30, right: 0.85, switched: 0.8 },
    { sets: [join('spent', 'faq-twoturn-g-2026-12.jsonl')], size: 80, switches: 30, right: 0.81, switched: 0.63 },
    { sets: [join('spent', 'faq-twoturn-h-2026-12.jsonl')], size: 80, switches: 30, right: 0.83, switched: 0.83 },
    { sets: [join('spent', 'faq-twoturn-i-2026-12.jsonl')], size: 80, switches: 30, right: 0.87, switched: 0.86 },
    { sets: [join('spent', 'faq-twoturn-n-2026-12.jsonl')], size: 80, switches: 30, right: 0.87, switched: 0.93 },
    { sets: [join('spent', 'faq-twoturn-o-2026-12.jsonl')], size: 80, switches: 30, right: 0.9, switched: 0.8 },
    { sets: [join('spent', 'faq-twoturn-p-2026-12.jsonl')], size: 80, switches: 30, right: 0.86, switched: 0.9 },
  ];
  for (const floor of floors) {
    it(`answers at least ${floor.right * 100}% of ${floor.sets.join(' and ')} right (target 85%), switching topic when the patient does`, () => {
      const exchanges = read(...floor.sets);
      expect(exchanges.length).to.equal(floor.size);
      const result = score(exchanges);
      expect(result.switches).to.equal(floor.switches);
      expect(result.right).to.be.at.least(floor.right);
      expect(result.switched).to.be.at.least(floor.switched);
    });
  }

  it('moves on when a follow-up names a neighbouring topic, whatever the pronoun leaning on the previous one', () => {
    const cases: [string, string, string][] = [
      ['treatment-approach', 'do I need a scan for that?', 'scans-and-imaging'],
      ['spinal-stenosis', 'would that need an operation?', 'surgery'],
      ['decompression', 'how much is it?', 'booking'],
      ['sitting-and-deconditioning', 'what about at night?', 'sleep-and-positions'],
      ['why-treatments-fail', 'so what actually works?', 'treatment-approach'],
    ];
    for (const [previous, message, expected] of cases) {
      expect(answered(decideFollowUp(kb, message, previous)), `${message} after ${previous}`).to.equal(expected);
    }
  });

  it('stays on the previous topic when the follow-up asks about it', () => {
    const cases: [string, string][] = [
      ['booking', 'how much is it?'],
      ['cortisone-injections', 'how long does it last?'],
      ['stretching', 'is it the same for piriformis?'],
      ['sleep-and-positions', 'memory foam?'],
      // "too", "either", "as well" lean back on what was said, as "it" does.
      ['clinic-details', 'whatsapp too?'],
    ];
    for (const [previous, message] of cases) {
      expect(answered(decideFollowUp(kb, message, previous)), `${message} after ${previous}`).to.equal(previous);
    }
  });

  it("gives no answer to at least 94% of the labelled set's out-of-scope messages sent after any answer", () => {
    const outOfScope = readFileSync(join(__dirname, '..', 'data', 'faq-labelled.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { text: string; expected: string | null })
      .filter((line) => line.expected === null);
    expect(outOfScope.length).to.equal(58);
    let unanswered = 0;
    for (const { text } of outOfScope) {
      for (const entry of kb.entries) unanswered += answered(decideFollowUp(kb, text, entry.id)) === null ? 1 : 0;
    }
    console.log(`      out of scope after an answer: ${unanswered}/${outOfScope.length * kb.entries.length} unanswered`);
    expect(unanswered / (outOfScope.length * kb.entries.length)).to.be.at.least(0.94);
  });

  it('gives no answer to the same out-of-scope messages asked with a question mark after any answer', () => {
    const outOfScope = readFileSync(join(__dirname, '..', 'data', 'faq-labelled.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { text: string; expected: string | null })
      .filter((line) => line.expected === null);
    let unanswered = 0;
    for (const { text } of outOfScope) {
      for (const entry of kb.entries) unanswered += answered(decideFollowUp(kb, `${text}?`, entry.id)) === null ? 1 : 0;
    }
    console.log(`      out of scope with "?" after an answer: ${unanswered}/${outOfScope.length * kb.entries.length} unanswered`);
    expect(unanswered / (outOfScope.length * kb.entries.length)).to.be.at.least(0.94);
  });

  it('answers a new question asked after an answer as well as on its own (context must not stick)', () => {
    const inScope = readFileSync(join(__dirname, '..', 'data', 'faq-labelled.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { text: string; expected: string | null })
      .flatMap(({ text, expected }) => (expected === null ? [] : [{ text, expected }]));
    let right = 0;
    let asked = 0;
    for (const { text, expected } of inScope) {
      for (const entry of kb.entries) {
        if (entry.id === expected) continue;
        asked++;
        right += answered(decideFollowUp(kb, text, entry.id)) === expected ? 1 : 0;
      }
    }
    console.log(`      labelled questions after another answer: ${right}/${asked} right`);
    expect(right / asked).to.be.at.least(0.935);
    for (const previous of ['causes', 'stretching', 'booking', 'surgery']) {
      expect(answered(decideFollowUp(kb, 'what is sciatica', previous)), `after ${previous}`).to.equal('what-is-sciatica');
    }
  });

  it('reads a question that does not answer on its own with the previous topic when it refers back at any length or hints at it', () => {
    const cases: [string, string][] = [
      // Leans back ("them") in a longer question.
      ['painkillers', 'and is there any harm in keeping on with them for another month or so?'],
      // No pronoun, but its own reading gives the previous entry a chance.
      ['rest-or-move', 'is a zimmer frame alright for walking round the house'],
    ];
    for (const [previous, message] of cases) {
      expect(kb.decide(message).kind, message).to.not.equal('answer');
      expect(answered(decideFollowUp(kb, message, previous)), `${message} after ${previous}`).to.equal(previous);
    }
  });

  it('reads a short question naming nothing of its own as being about the previous topic, but not small talk', () => {
    const cases: [string, string][] = [
      ['surgery', 'how do I know?'],
      ['surgery', 'do people still get pain after?'],
      ['finding-the-cause', 'how?'],
      ['recurrence', 'what did I do wrong?'],
    ];
    for (const [previous, message] of cases) {
      expect(kb.decide(message).kind, message).to.not.equal('answer');
      expect(answered(decideFollowUp(kb, message, previous)), `${message} after ${previous}`).to.equal(previous);
    }
    for (const message of ['how are you?', 'whats up?', 'Is 9:15 tomorrow still available', 'when is the next world cup?']) {
      expect(answered(decideFollowUp(kb, message, 'surgery')), message).to.equal(null);
    }
  });

  it('reads a short question weighing options, without a question word of its own, as being about the previous topic', () => {
    const cases: [string, string][] = [
      ['heat-and-ice', 'tiger balm any good?'],
      ['daily-practice', 'before bed or after breakfast?'],
      ['rest-or-move', 'swimming instead?'],
    ];
    for (const [previous, message] of cases) {
      expect(answered(decideFollowUp(kb, message, previous)), `${message} after ${previous}`).to.equal(previous);
    }
    for (const message of ['??', 'really?', 'hello?', 'pizza?', 'asdfgh?']) {
      expect(answered(decideFollowUp(kb, message, 'causes')), message).to.equal(null);
    }
  });

  it('stays on the previous topic when the message supports it more than the neighbour it answers on its own', () => {
    const text = "does that work for older folk too, I'm 68";
    expect(answered(kb.decide(text))).to.equal('spinal-stenosis');
    expect(answered(decideFollowUp(kb, text, 'treatment-approach'))).to.equal('treatment-approach');
  });

  it('reads whom or what a follow-up applies the answer to (older people, a condition) as no topic of its own: it stays', () => {
    // Spinal stenosis is the entry that talks about age: "older" alone leaned there.
    for (const [previous, text] of [
      ['stretching', 'would that be ok for older people too?'],
      ['rest-or-move', 'is that the same for older folk?'],
      ['decompression', 'for stenosis too?'],
      ['treatment-approach', 'does it work for piriformis too?'],
      ['strengthening', 'is it safe with a bulging disc'],
      // "Even…", "without…": does what was just said still hold then?
      ['why-treatments-fail', 'even the massage stuff?'],
      ['finding-the-cause', 'without a scan?'],
      ['finding-the-cause', 'even when the MRI showed nothing?'],
    ]) {
      expect(answered(decideFollowUp(kb, text, previous)), `${text} after ${previous}`).to.equal(previous);
    }
  });

  it('reads "how many sessions" as asking about the previous topic, like "how long"', () => {
    expect(answered(decideFollowUp(kb, 'how many sessions would I need', 'decompression'))).to.equal('decompression');
  });

  it('stays on the previous topic when only the question frame names another ("how many times a day" after stretches)', () => {
    // On their own these answer daily-practice and healing-time, from the frame alone ("times a day", "a week").
    for (const [previous, text] of [
      ['stretching', 'how many times a day'],
      ['decompression', 'how many times a week would i go'],
    ]) {
      expect(answered(decideFollowUp(kb, text, previous)), `${text} after ${previous}`).to.equal(previous);
    }
    // A frame beside a topic word of its own still moves on.
    expect(answered(decideFollowUp(kb, 'how many weeks does sciatica usualy last', 'stretching'))).to.equal('healing-time');
  });

  it('reads a pronoun as what the previous answer was about: after "what is sciatica?" it means sciatica, and the question moves on', () => {
    for (const [previous, text, expected] of [
      ['what-is-sciatica', 'and why do people get it', 'causes'],
      ['what-is-sciatica', 'and what does it feel like?', 'symptoms'],
      // "One" is a first session: booking one is booking.
      ['first-session', 'cool, how do i book one', 'booking'],
      // After cortisone shots, "it" is the shot.
      ['cortisone-injections', 'how long does it last?', 'cortisone-injections'],
    ]) {
      expect(answered(decideFollowUp(kb, text, previous)), `${text} after ${previous}`).to.equal(expected);
    }
  });

  it('moves on with a whole question of its own the second opinion is sure of, though the matcher knows few of its words', () => {
    for (const [previous, text, expected] of [
      ['why-treatments-fail', 'so what do you do differently?', 'treatment-approach'],
      ['booking', 'and what should i bring?', 'first-session'],
      // A question frame or an elliptical fragment still asks about what was just answered.
      ['stretching', 'how often, every day?', 'stretching'],
    ]) {
      expect(answered(decideFollowUp(kb, text, previous)), `${text} after ${previous}`).to.equal(expected);
    }
  });

  it('reads a follow-up opening after a reaction to the answer ("really? even at 19?") as one', () => {
    for (const [previous, text] of [
      ['symptoms', 'really? even at 19?'],
      ['heat-and-ice', 'really? even on a fresh flare up'],
    ]) {
      expect(answered(decideFollowUp(kb, text, previous)), `${text} after ${previous}`).to.equal(previous);
    }
  });

  it('gives no answer in context to thanks, to another body part or to a message about something else', () => {
    expect(answered(decideFollowUp(kb, 'will it rain in london today', 'heat-and-ice'))).to.equal(null);
    expect(answered(decideFollowUp(kb, 'ok thx', 'causes'))).to.equal(null);
    expect(answered(decideFollowUp(kb, "my husband says I'm a nightmare patient haha", 'causes'))).to.equal(null);
    // "Can you…", "can I…" open a new request, not a follow-up.
    expect(answered(decideFollowUp(kb, 'can you recommend a good chiropractor in Leeds?', 'surgery'))).to.equal(null);
    // An acknowledgement asks nothing: it must not repeat the answer.
    for (const [message, previous] of [
      ['ok good to know', 'causes'],
      ['right, that makes sense', 'surgery'],
      ['ok cool, that helps a lot', 'stretching'],
    ]) {
      expect(answered(decideFollowUp(kb, message, previous)), `${message} after ${previous}`).to.equal(null);
    }
    expect(answered(decideFollowUp(kb, 'also my wife has a frozen shoulder, could you treat that?', 'mobility'))).to.equal(null);
  });

  it('stays on the previous topic when neither reading is sure but the previous entry leads in context', () => {
    const text = "how do I know if I've got it?";
    expect(kb.decide(text).kind).to.not.equal('answer');
    expect(answered(decideFollowUp(kb, text, 'piriformis-syndrome'))).to.equal('piriformis-syndrome');
  });

  it('reads "how long" as a question about the current topic, not a topic of its own', () => {
    expect(answered(decideFollowUp(kb, 'for how long each time?', 'heat-and-ice'))).to.equal('heat-and-ice');
  });

  it('reads a message on its own when there is no previous topic', () => {
    const decision = decideFollowUp(kb, 'how long does it last', undefined);
    expect(decision).to.deep.equal(kb.decide('how long does it last'));
  });
});
