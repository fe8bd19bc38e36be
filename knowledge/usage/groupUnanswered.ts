/**
 * Groups what patients asked without getting an answer, so staff see "7 people asked about swimming"
 * rather than seven lines. Similar = the same normalised words (the matcher's own TextNormaliser, so
 * "swimming"/"swim" and typos of synonyms count as one), by Jaccard overlap. Each group names the
 * entry that comes closest in today's knowledge base — after an edit, groups the bot now answers say so.
 */
import type { FaqDecision } from '../FaqDecision';
import type { KnowledgeBase } from '../KnowledgeBase';
import { TextNormaliser } from '../TextNormaliser';
import type { UnansweredRecord } from './UsageRecords';

export interface UnansweredGroup {
  readonly count: number;
  /** Distinct wordings, most frequent first, each with how often it was asked. */
  readonly wordings: readonly { readonly text: string; readonly count: number }[];
  readonly lastAsked: string;
  /** What the current knowledge base does with the most frequent wording. */
  readonly now: FaqDecision['kind'];
  readonly closest?: { readonly id: string; readonly score: number };
}

/** Half the words in common: "is swimming ok with sciatica" joins "swimming with sciatica good?". */
export const SIMILAR = 0.5;

interface Draft {
  readonly tokens: ReadonlySet<string>;
  readonly wordings: { text: string; count: number; lastAsked: string }[];
}

export function groupUnanswered(records: readonly UnansweredRecord[], kb: KnowledgeBase, normaliser = TextNormaliser.default): UnansweredGroup[] {
  const distinct = new Map<string, { text: string; count: number; lastAsked: string }>();
  for (const record of records) {
    const key = record.text.trim().toLowerCase().replace(/\s+/g, ' ');
    const seen = distinct.get(key) ?? { text: record.text.trim(), count: 0, lastAsked: record.at };
    seen.count++;
    if (record.at > seen.lastAsked) seen.lastAsked = record.at;
    distinct.set(key, seen);
  }

  const drafts: Draft[] = [];
  for (const wording of [...distinct.values()].sort((a, b) => b.count - a.count)) {
    const tokens = new Set(normaliser.tokens(wording.text));
    let best: Draft | undefined;
    let bestSimilarity = SIMILAR;
    for (const draft of drafts) {
      const similarity = jaccard(tokens, draft.tokens);
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
        lastAsked: draft.wordings.map((w) => w.lastAsked).sort().at(-1) ?? '',
        now: decision.kind,
        ...(top === undefined ? {} : { closest: { id: top.id, score: top.score } }),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}
