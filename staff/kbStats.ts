/**
 * `npm run kb:stats [--since 7d]` — how the bot is used, as counts only (no text): conversations
 * (with at least one patient message), answers, no-answer rate, screenings, escalations by urgency,
 * booking links delivered, per channel; then the answers per entry.
 */
import { type ChannelCounts, countUsage, noAnswerRate } from '../usage/countUsage';
import { type CountRecord, isCountRecord } from '../usage/UsageRecords';
import { reportText } from './reportText';
import { usageQuery } from './usageOptions';

const ROWS: readonly [string, (c: ChannelCounts) => string][] = [
  ['conversations', (c) => String(c.conversations)],
  ['questions answered', (c) => String(c.answered)],
  ['"did you mean" offered', (c) => String(c.didYouMean)],
  ['no answer', (c) => String(c.noAnswer)],
  ['no-answer rate', (c) => percent(noAnswerRate(c))],
  ['screenings started', (c) => String(c.screeningsStarted)],
  ['screenings finished', (c) => String(c.screeningsFinished)],
  ['escalations: emergency', (c) => String(c.escalations.emergency ?? 0)],
  ['escalations: urgent', (c) => String(c.escalations.urgent ?? 0)],
  ['escalations: crisis', (c) => String(c.escalations.crisis ?? 0)],
  ['booking offers shown', (c) => String(c.bookingOffers)],
];

async function main(args: readonly string[]): Promise<void> {
  const query = usageQuery('kb:stats', args);
  const counts = countUsage(await query.read<CountRecord>('counts', isCountRecord));
  console.log(`Usage since ${query.since.toISOString().slice(0, 16).replace('T', ' ')} UTC (from ${query.source})\n`);
  const channels = [...counts.byChannel.keys()].sort();
  const columns: [string, ChannelCounts][] = [
    ...channels.map((ch): [string, ChannelCounts] => [ch, counts.byChannel.get(ch) as ChannelCounts]),
    ['total', counts.total],
  ];
  console.log(
    table([['', ...columns.map(([name]) => name)], ...ROWS.map(([label, value]) => [label, ...columns.map(([, c]) => value(c))])]),
  );
  console.log('\n"no-answer rate": share of FAQ questions that got "did you mean" or no answer (taps on topics count as answered).');
  if (counts.answersByEntry.length > 0) {
    console.log('\nAnswers per entry');
    console.log(table(counts.answersByEntry.map(([id, n]) => [id, String(n)])));
  }
}

function percent(rate: number | undefined): string {
  return rate === undefined ? '–' : `${(rate * 100).toFixed(1)} %`;
}

/** First column left-aligned, the numbers right-aligned. Channel names and entry ids come from the logs: shown neutralised. */
function table(rawRows: readonly (readonly string[])[]): string {
  const rows = rawRows.map((row) => row.map(reportText));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? `  ${cell.padEnd(widths[i])}` : cell.padStart(widths[i] + 2))).join(''))
    .join('\n');
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`kb:stats: ${(err as Error).message}`);
  process.exitCode = 1;
});
