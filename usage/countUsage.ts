/**
 * The numbers behind `npm run kb:stats`, from count records only (no text): conversations, answers per
 * entry, how often the bot had no answer, screenings, escalations by urgency and booking offers —
 * per channel and in total.
 */
import type { CountRecord } from './UsageRecords';

export interface ChannelCounts {
  conversations: number;
  answered: number;
  /** Questions that got "did you mean" or no answer. */
  didYouMean: number;
  noAnswer: number;
  screeningsStarted: number;
  screeningsFinished: number;
  bookingOffers: number;
  escalations: Record<string, number>;
}

export interface UsageCounts {
  readonly total: ChannelCounts;
  readonly byChannel: ReadonlyMap<string, ChannelCounts>;
  /** Answers per entry id, most answered first. */
  readonly answersByEntry: readonly [string, number][];
}

export function countUsage(records: readonly CountRecord[]): UsageCounts {
  const total = emptyCounts();
  const byChannel = new Map<string, ChannelCounts>();
  const answersByEntry = new Map<string, number>();
  for (const record of records) {
    const channel = byChannel.get(record.channel) ?? emptyCounts();
    byChannel.set(record.channel, channel);
    for (const counts of [total, channel]) add(counts, record);
    if (record.event === 'answered' && record.entry) answersByEntry.set(record.entry, (answersByEntry.get(record.entry) ?? 0) + 1);
  }
  return {
    total,
    byChannel,
    answersByEntry: [...answersByEntry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}

/** Share of FAQ questions (answered, did-you-mean or none) that did not get a direct answer. */
export function noAnswerRate(counts: ChannelCounts): number | undefined {
  const asked = counts.answered + counts.didYouMean + counts.noAnswer;
  return asked === 0 ? undefined : (counts.didYouMean + counts.noAnswer) / asked;
}

function add(counts: ChannelCounts, record: CountRecord): void {
  switch (record.event) {
    case 'conversationStarted':
      counts.conversations++;
      break;
    case 'answered':
      counts.answered++;
      break;
    case 'unanswered':
      if (record.outcome === 'didYouMean') counts.didYouMean++;
      else counts.noAnswer++;
      break;
    case 'screeningStarted':
      counts.screeningsStarted++;
      break;
    case 'screeningFinished':
      counts.screeningsFinished++;
      break;
    case 'bookingOffered':
      counts.bookingOffers++;
      break;
    case 'escalated': {
      const urgency = record.urgency ?? 'unknown';
      counts.escalations[urgency] = (counts.escalations[urgency] ?? 0) + 1;
      break;
    }
  }
}

function emptyCounts(): ChannelCounts {
  return {
    conversations: 0,
    answered: 0,
    didYouMean: 0,
    noAnswer: 0,
    screeningsStarted: 0,
    screeningsFinished: 0,
    bookingOffers: 0,
    escalations: {},
  };
}
