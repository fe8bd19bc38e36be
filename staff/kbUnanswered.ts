/**
 * `npm run kb:unanswered [--since 7d]` — what patients asked that the bot could not answer, or answered
 * only with low confidence or a "did you mean", grouped by similarity, most frequent first, each with
 * the closest entry: the list to turn into new questions (for the closest entry) or new entries.
 */
import { configuredMatcher, loadKnowledgeBase } from '../faq/loadKnowledgeBase';
import { groupUnanswered, type UnansweredGroup } from '../usage/groupUnanswered';
import { isUnansweredRecord, type UnansweredRecord } from '../usage/UsageRecords';
import { reportText } from './reportText';
import { usageQuery } from './usageOptions';

const SHOWN_WORDINGS = 4;

async function main(args: readonly string[]): Promise<void> {
  const query = usageQuery('kb:unanswered', args);
  const records = await query.read<UnansweredRecord>('unanswered', isUnansweredRecord);
  const kb = loadKnowledgeBase(query.config.faqPath, configuredMatcher(query.config));
  const groups = groupUnanswered(records, kb);
  console.log(
    `Unanswered and unsure questions since ${query.since.toISOString().slice(0, 16).replace('T', ' ')} UTC (from ${query.source})`,
  );
  console.log(
    `${records.length} question${records.length === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}, most frequent first.\n`,
  );
  for (const [i, group] of groups.entries()) console.log(describe(group, i + 1));
  if (groups.length > 0) {
    console.log('Next: add the wordings as questions of the closest entry if it answers them, or write a new entry;');
    console.log('then run npm run kb:check. "today" is what the current faq.json does with the first wording.');
  }
}

function describe(group: UnansweredGroup, rank: number): string {
  const [first, ...others] = group.wordings;
  const lines = [`${String(rank).padStart(3)}. ${group.count}× "${reportText(first.text)}"${first.count > 1 ? ` (${first.count})` : ''}`];
  for (const other of others.slice(0, SHOWN_WORDINGS - 1))
    lines.push(`       "${reportText(other.text)}"${other.count > 1 ? ` (${other.count})` : ''}`);
  if (others.length >= SHOWN_WORDINGS) lines.push(`       … and ${others.length - SHOWN_WORDINGS + 1} more wordings`);
  const closest = group.closest ? `closest entry: ${group.closest.id} (score ${group.closest.score.toFixed(2)})` : 'closest entry: none';
  const now =
    group.now === 'answer'
      ? `today answered with ${group.closest?.id} (is that right?)`
      : group.now === 'didYouMean'
        ? 'today: "did you mean"'
        : 'today: no answer';
  lines.push(`       ${closest} — ${now}; last asked ${group.lastAsked.slice(0, 10)}`);
  lines.push(`       at the time: ${atTheTime(group)}`);
  return `${lines.join('\n')}\n`;
}

/** What patients got when they asked: "2 no answer, 1 answered unsure". */
function atTheTime({ outcomes }: UnansweredGroup): string {
  const parts: [number, string][] = [
    [outcomes.none, 'no answer'],
    [outcomes.didYouMean, '"did you mean"'],
    [outcomes.unsureAnswer, 'answered, the bot unsure'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`)
    .join(', ');
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`kb:unanswered: ${(err as Error).message}`);
  process.exitCode = 1;
});
