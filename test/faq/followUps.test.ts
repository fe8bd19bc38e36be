/**
 * Short follow-ups read with the previous topic (issue 14): on test/data/faq-twoturn-dev.jsonl and
 * faq-twoturn-dev-b.jsonl (124 two-turn exchanges written from the article, 44 of them switching topic,
 * where context must not stick) the second message must be answered right at least 85% of the time.
 * First runs: 38/44, then 65/80 on set B (83.1% together); now 111/124 (89.5%), floor 87%. The spent
 * held-out two-turn set (test/data/spent/faq-twoturn-2026-12.jsonl, first run 72.9%) scores 39/48.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { decideFollowUp } from '../../faq/FollowUp';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';

interface Exchange {
  readonly first: string;
  readonly second: string;
  readonly expected: string;
  readonly switch: boolean;
}

const exchanges = ['faq-twoturn-dev.jsonl', 'faq-twoturn-dev-b.jsonl'].flatMap((name) =>
  readFileSync(join(__dirname, '..', 'data', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Exchange),
);

describe('FAQ follow-ups in context', () => {
  const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));

  it('answers at least 87% of second turns right (target 85%), and switches topic when the patient does', () => {
    let right = 0;
    let switches = 0;
    let switchedRight = 0;
    for (const exchange of exchanges) {
      const first = kb.decide(exchange.first);
      const second = decideFollowUp(kb, exchange.second, first.kind === 'answer' ? first.entry.id : undefined);
      const ok = second.kind === 'answer' && second.entry.id === exchange.expected;
      if (ok) right++;
      if (exchange.switch) {
        switches++;
        switchedRight += ok ? 1 : 0;
      }
    }
    console.log(`      two-turn: ${right}/${exchanges.length} right, ${switchedRight}/${switches} of the topic switches`);
    expect(exchanges.length).to.equal(124);
    expect(switches).to.equal(44);
    expect(right / exchanges.length).to.be.at.least(0.87);
    expect(switchedRight / switches).to.be.at.least(0.8);
  });

  it('stays on the previous topic when neither reading is sure but the previous entry leads in context', () => {
    const text = "how do I know if I've got it?";
    expect(kb.decide(text).kind).to.not.equal('answer');
    const second = decideFollowUp(kb, text, 'piriformis-syndrome');
    expect(second.kind === 'answer' && second.entry.id).to.equal('piriformis-syndrome');
  });

  it('reads "how long" as a question about the current topic, not a topic of its own', () => {
    const second = decideFollowUp(kb, 'for how long each time?', 'heat-and-ice');
    expect(second.kind === 'answer' && second.entry.id).to.equal('heat-and-ice');
  });

  it('reads a message on its own when there is no previous topic', () => {
    const decision = decideFollowUp(kb, 'how long does it last', undefined);
    expect(decision).to.deep.equal(kb.decide('how long does it last'));
  });
});
