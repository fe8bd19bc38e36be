/**
 * Short follow-ups read with the previous topic (issue 14): on test/data/faq-twoturn-dev.jsonl (44
 * two-turn exchanges written from the article, 14 of them switching topic, where context must not
 * stick) the second message must be answered right at least 85% of the time.
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

const exchanges = readFileSync(join(__dirname, '..', 'data', 'faq-twoturn-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Exchange);

describe('FAQ follow-ups in context', () => {
  const kb = loadKnowledgeBase(join(__dirname, '..', '..', 'knowledge', 'faq.json'));

  it('answers at least 85% of second turns right, and switches topic when the patient does', () => {
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
    expect(exchanges.length).to.be.at.least(40);
    expect(switches).to.be.at.least(10);
    expect(right / exchanges.length).to.be.at.least(0.85);
    expect(switchedRight / switches).to.be.at.least(0.8);
  });

  it('reads a message on its own when there is no previous topic', () => {
    const decision = decideFollowUp(kb, 'how long does it last', undefined);
    expect(decision).to.deep.equal(kb.decide('how long does it last'));
  });
});
