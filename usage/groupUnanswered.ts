/**
 * Groups what patients asked without getting an answer, so staff see "7 people asked about swimming"
 * rather than seven lines. Two questions are similar when the words they share (the matcher's own
 * TextNormaliser tokens, so "swimming"/"swim" count as one) make up at least half of the shorter one.
 * Words weigh less the more entries of the knowledge base use them: sharing "sciatica" says little,
 * sharing "swim" says a lot. Each group names the entry that comes closest in today's knowledge base.
 */
import type { FaqDecision } from '../faq/FaqDecision';
import type { KnowledgeBase } from '../faq/KnowledgeBase';
import { TextNormaliser } from '../faq/TextNormaliser';
import type { UnansweredRecord } from './UsageRecords';

export interface UnansweredGroup {
  readonly count: number;
  /** Distinct wordings, most frequent first, each with how often it was asked. */
  readonly wordings: readonly { readonly text: string; readonly count: number }[];
  readonly lastAsked: string;
  /** What patients got at the time: how many questions of the group had each outcome. */
  readonly outcomes: Readonly<Record<UnansweredRecord['outcome'], number>>;
  /** What the current knowledge base does with the most frequent wording. */
  readonly now: FaqDecision['kind'];
  readonly closest?: { readonly id: string; readonly score: number };
}

/** Half the (weighted) words of the shorter question in common: "when are you open" joins "open on saturdays?". */
export const SIMILAR = 0.5;

interface Wording {
  readonly text: string;
  count: number;
  lastAsked: string;
  readonly outcomes: Record<UnansweredRecord['outcome'], number>;
}

interface Draft {
  readonly tokens: ReadonlySet<string>;
  readonly wordings: Wording[];
}

export function groupUnanswered(
  records: readonly UnansweredRecord[],
  kb: KnowledgeBase,
  normaliser = TextNormaliser.default,
): UnansweredGroup[] {
  const distinct = new Map<string, Wording>();
  for (const record of records) {
    // Case, punctuation and spacing do not make a different question.
    const key = record.text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    const seen = distinct.get(key) ?? {
      text: record.text.trim(),
      count: 0,
      lastAsked: record.at,
      outcomes: { none: 0, didYouMean: 0, unsureAnswer: 0 },
    };
    seen.count++;
    if (Object.hasOwn(seen.outcomes, record.outcome)) seen.outcomes[record.outcome]++;
    if (record.at > seen.lastAsked) seen.lastAsked = record.at;
    distinct.set(key, seen);
  }

  const weight = tokenWeights(kb, normaliser);
  const drafts: Draft[] = [];
  for (const wording of [...distinct.values()].sort((a, b) => b.count - a.count)) {
    const tokens = new Set(normaliser.tokens(wording.text));
    let best: Draft | undefined;
    let bestSimilarity = SIMILAR;
    for (const draft of drafts) {
      const similarity = overlap(tokens, draft.tokens, weight);
      if (similarity >= bestSimilarity && tokens.size > 0) [best, bestSimilarity] = [draft, similarity];
    }
    if (best) best.wordings.push(wording);
    else drafts.push({ tokens, wordings: [wording] });
  }

  return drafts
    .map((draft): UnansweredGroup => {
      const decision = kb.decide(draft.wordings[0].text);
      const top = decision.candidates[0];
      return {
        count: draft.wordings.reduce((sum, w) => sum + w.count, 0),
        wordings: draft.wordings.map(({ text, count }) => ({ text, count })),
        lastAsked:
          draft.wordings
            .map((w) => w.lastAsked)
            .sort()
            .at(-1) ?? '',
        outcomes: {
          none: sum(draft.wordings, (w) => w.outcomes.none),
          didYouMean: sum(draft.wordings, (w) => w.outcomes.didYouMean),
          unsureAnswer: sum(draft.wordings, (w) => w.outcomes.unsureAnswer),
        },
        now: decision.kind,
        ...(top === undefined ? {} : { closest: { id: top.id, score: top.score } }),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Shared weight over the lighter question's weight: 1 when one question's words are all in the other. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (token: string) => number): number {
  const sum = (tokens: Iterable<string>) => [...tokens].reduce((total, token) => total + weight(token), 0);
  const lighter = Math.min(sum(a), sum(b));
  return lighter === 0 ? 0 : sum([...a].filter((token) => b.has(token))) / lighter;
}

/** 1 for a word no entry uses, falling to 0 for a word every entry uses (idf, scaled to 0..1). */
function tokenWeights(kb: KnowledgeBase, normaliser: TextNormaliser): (token: string) => number {
  const entriesUsing = new Map<string, number>();
  for (const entry of kb.entries) {
    for (const token of new Set(entry.questions.flatMap((q) => normaliser.tokens(q))))
      entriesUsing.set(token, (entriesUsing.get(token) ?? 0) + 1);
  }
  const entries = Math.max(kb.entries.length, 2);
  return (token) => {
    const used = entriesUsing.get(token) ?? 0;
    return used === 0 ? 1 : Math.log(entries / used) / Math.log(entries);
  };
}
