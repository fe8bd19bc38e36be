/**
 * `npm run safety:snapshot -- out.jsonl` — the red-flag check's outcome on every labelled text under test/data
 * (held-out sets left unread), saved before a change to the rules; `--compare out.jsonl` after the change lists the
 * texts whose outcome moved, as gained, lost, fewer or more false alarms, with a count of each. `--data dir` reads
 * another folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RedFlagDetector } from '../safety/RedFlagDetector';
import { loadRedFlagRules } from '../safety/RedFlagRules';
import { commandLine } from './commandLine';
import { compareRuns, formatRun, labelledTexts, type Movement, outcomesOf, parseRun } from './evaluation/compareRedFlagRuns';

const ROOT = join(__dirname, '..');
const USAGE = 'npm run safety:snapshot -- (out.jsonl | --compare before.jsonl) [--data dir]';
const { values, positionals } = commandLine(process.argv.slice(2), USAGE, {
  compare: { type: 'string' },
  data: { type: 'string' },
});
if ((values.compare === undefined) === (positionals.length !== 1) || positionals.length > 1) {
  console.error(`usage: ${USAGE}`);
  process.exit(2);
}
const detector = new RedFlagDetector(loadRedFlagRules(join(ROOT, 'knowledge/red-flags.json')));
const now = outcomesOf(detector, labelledTexts(values.data ?? join(ROOT, 'test/data')));

if (values.compare === undefined) {
  writeFileSync(positionals[0], formatRun(now));
  console.log(`${positionals[0]}: ${now.size} texts`);
} else {
  const changes = compareRuns(parseRun(readFileSync(values.compare, 'utf8')), now);
  for (const change of changes) console.log(`${change.movement}\t${change.expected}\t${change.before} → ${change.after}\t${change.text}`);
  const count = (movement: Movement) => changes.filter((change) => change.movement === movement).length;
  console.log(
    `${now.size} texts: ${count('gained')} gained, ${count('lost')} lost, ${count('fewer false alarms')} fewer false alarms, ` +
      `${count('more false alarms')} more false alarms, ${count('moved')} moved otherwise`,
  );
}
