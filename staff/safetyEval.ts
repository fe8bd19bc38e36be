/**
 * `npm run safety:eval -- set.jsonl [--misses]` — how the red-flag check does on a labelled set (a blind
 * held-out set's first run, or a corpus): recall per urgency, benign lines escalated, disguised and Spanish
 * lines, and missed emergencies or crises a booking offer could follow. `--misses` lists every line not
 * labelled as expected and every benign line that got a question or an escalation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RedFlagDetector } from '../safety/RedFlagDetector';
import { loadRedFlagRules } from '../safety/RedFlagRules';
import { commandLine } from './commandLine';
import { evaluateRedFlags, type LabelledSafetyLine, type Share } from './evaluation/evaluateRedFlags';

const ROOT = join(__dirname, '..');
const USAGE = 'npm run safety:eval -- set.jsonl [--misses]';
const { values, positionals } = commandLine(process.argv.slice(2), USAGE, {
  misses: { type: 'boolean', default: false },
});
if (positionals.length !== 1) {
  console.error(`usage: ${USAGE}`);
  process.exit(2);
}
const lines = readFileSync(positionals[0], 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledSafetyLine);
const result = evaluateRedFlags(new RedFlagDetector(loadRedFlagRules(join(ROOT, 'knowledge/red-flags.json'))), lines);

const pct = ({ hit, of }: Share): string => (of === 0 ? '—' : `${((100 * hit) / of).toFixed(1)}% (${hit}/${of})`);
console.log(`${positionals[0]}: ${lines.length} lines`);
console.log(`  emergency ${pct(result.emergency)}   target ≥ 95%`);
console.log(`  urgent    ${pct(result.urgent)}   target ≥ 90%`);
console.log(`  crisis    ${pct(result.crisis)}   target ≥ 95%`);
console.log(`  benign escalated ${pct(result.benignEscalated)}   target ≤ 5%`);
console.log(`  disguised ${pct(result.disguised)}   target ≥ 95%`);
console.log(`  Spanish, outcome right ${pct(result.spanish)}`);
console.log(`  missed emergency or crisis with no risk concept (booking offer possible): ${result.pitchPossible}   target 0`);
if (values.misses) {
  for (const { line, got } of result.misses) {
    console.log(`  - expected ${line.expected}, got ${got} [${line.family ?? ''}${line.topic ? `: ${line.topic}` : ''}] ${line.text}`);
  }
}
