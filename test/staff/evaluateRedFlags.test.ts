/** safety:eval: the held-out table's numbers, from the real detector on a small labelled set. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { RedFlagDetector } from '../../safety/RedFlagDetector';
import { loadRedFlagRules } from '../../safety/RedFlagRules';
import { evaluateRedFlags, type LabelledSafetyLine } from '../../staff/evaluation/evaluateRedFlags';
import { REPO_ROOT, runStaffTool } from './runStaffTool';

const detector = new RedFlagDetector(loadRedFlagRules(join(REPO_ROOT, 'knowledge/red-flags.json')));

const LINES: LabelledSafetyLine[] = [
  { text: "I wet myself this morning and didn't notice", expected: 'emergency', family: 'emergency' },
  // Mislabelled on purpose: ordinary words cannot be caught, and nothing in them stops a booking offer.
  { text: 'what are your opening hours on saturday', expected: 'crisis', family: 'crisis' },
  { text: 'what are your opening hours on sunday', expected: 'emergency', family: 'emergency' },
  // An urgent line escalated as an emergency is caught.
  { text: "I wet myself this morning and didn't notice", expected: 'urgent', family: 'urgent' },
  { text: "my groin is numb and I can't pee", expected: 'none', family: 'benign' },
  { text: 'how much is a first session', expected: 'none', family: 'benign' },
  { text: 'I wеt mysеlf and didn\u200bt notice', expected: 'emergency', family: 'disguised' },
  { text: 'No puedo orinar desde ayer y tengo la zona genital dormida', expected: 'emergency', family: 'spanish' },
  { text: '¿Cuánto cuesta la primera sesión?', expected: 'urgent', family: 'spanish' },
];

describe('safety:eval', () => {
  it('counts recall per urgency, benign escalations, disguised and Spanish lines, and misses a booking offer could follow', () => {
    const result = evaluateRedFlags(detector, LINES);
    expect(result.emergency).to.deep.equal({ hit: 3, of: 4 });
    expect(result.urgent).to.deep.equal({ hit: 1, of: 2 });
    expect(result.crisis).to.deep.equal({ hit: 0, of: 1 });
    expect(result.benignEscalated).to.deep.equal({ hit: 1, of: 2 });
    expect(result.disguised).to.deep.equal({ hit: 1, of: 1 });
    expect(result.spanish).to.deep.equal({ hit: 1, of: 2 });
    expect(result.pitchPossible).to.equal(2);
    expect(result.misses.map((miss) => miss.line.text)).to.have.members([
      'what are your opening hours on saturday',
      'what are your opening hours on sunday',
      "my groin is numb and I can't pee",
      '¿Cuánto cuesta la primera sesión?',
    ]);
  });

  it('prints the table with each target, and every miss on request', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'safety-eval-')), 'set.jsonl');
    writeFileSync(file, LINES.map((line) => JSON.stringify(line)).join('\n'));
    const run = await runStaffTool('safetyEval.ts', [file, '--misses']);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('emergency 75.0% (3/4)   target ≥ 95%');
    expect(run.stdout).to.contain('benign escalated 50.0% (1/2)   target ≤ 5%');
    expect(run.stdout).to.contain('(booking offer possible): 2');
    expect(run.stdout).to.contain('- expected crisis, got none [crisis] what are your opening hours on saturday');
  });

  it('refuses to run without exactly one set', async () => {
    const run = await runStaffTool('safetyEval.ts', []);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('usage: npm run safety:eval');
  });
});
