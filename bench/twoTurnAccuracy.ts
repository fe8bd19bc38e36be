/**
 * `npx tsx bench/twoTurnAccuracy.ts <two-turn.jsonl>` — how often the second message of a two-turn
 * exchange is answered right when read with the first (faq/FollowUp.ts). Prints only aggregate
 * numbers, never a line of the set, so it can be run on a held-out set without spending it.
 *
 * Lines are `{"first", "firstExpected", "second", "expected", "switch"}` (test/data/faq-twoturn-dev.jsonl);
 * a few other spellings of those keys, or `{"turns": [{text, expected}, …]}`, are read too, so a set
 * written by someone else is scored as written. Unreadable lines are counted and their key names listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideFollowUp } from '../faq/FollowUp';
import { loadKnowledgeBase } from '../faq/loadKnowledgeBase';

type Line = Record<string, unknown>;

const pick = (line: unknown, names: readonly string[]): unknown => {
  if (typeof line !== 'object' || line === null) return undefined;
  for (const name of names) if ((line as Line)[name] !== undefined) return (line as Line)[name];
  return undefined;
};
const textOf = (turn: unknown) => (typeof turn === 'string' ? turn : pick(turn, ['text', 'message', 'q']));

interface Exchange {
  readonly first: string;
  readonly second: string;
  readonly expected: string | null;
  readonly switches: boolean;
}

function readExchange(line: Line): Exchange | undefined {
  const turns = pick(line, ['turns', 'exchange', 'messages', 'conversation']);
  const [one, two] = Array.isArray(turns) ? turns : [];
  const first =
    two === undefined ? pick(line, ['first', 'turn1', 'previous', 'context', 'q1', 'firstText', 'text1', 'before']) : textOf(one);
  const second =
    two === undefined
      ? pick(line, ['second', 'turn2', 'followUp', 'followup', 'follow_up', 'q2', 'secondText', 'text2', 'text', 'after'])
      : textOf(two);
  const expected =
    pick(two, ['expected', 'id', 'answer']) ??
    pick(line, ['expected', 'expected2', 'secondExpected', 'expectedSecond', 'expected_second', 'answer2']);
  const marker = pick(line, ['switch', 'switches', 'topicSwitch', 'switched', 'isSwitch', 'type', 'kind']);
  if (typeof first !== 'string' || typeof second !== 'string' || !(typeof expected === 'string' || expected === null)) return undefined;
  return { first, second, expected, switches: marker === true || (typeof marker === 'string' && /switch/i.test(marker)) };
}

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: npx tsx bench/twoTurnAccuracy.ts <two-turn.jsonl>');
const kb = loadKnowledgeBase(join(__dirname, '..', 'knowledge', 'faq.json'));
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Line);
const keys = new Set<string>();
let unreadable = 0;
let total = 0;
let right = 0;
let switches = 0;
let switchedRight = 0;
for (const line of lines) {
  const exchange = readExchange(line);
  if (exchange === undefined) {
    unreadable++;
    for (const key of Object.keys(line)) keys.add(key);
    continue;
  }
  const first = kb.decide(exchange.first);
  const second = decideFollowUp(kb, exchange.second, first.kind === 'answer' ? first.entry.id : undefined);
  const ok = exchange.expected === null ? second.kind !== 'answer' : second.kind === 'answer' && second.entry.id === exchange.expected;
  total++;
  if (ok) right++;
  if (exchange.switches) {
    switches++;
    switchedRight += ok ? 1 : 0;
  }
}
if (unreadable > 0) console.log(`${unreadable} unreadable lines (key names: ${[...keys].sort().join(', ')})`);
console.log(
  `two-turn: ${((100 * right) / Math.max(total, 1)).toFixed(1)}% right (${right}/${total}); topic switches ${switchedRight}/${switches}`,
);
