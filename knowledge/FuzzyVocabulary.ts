/**
 * Typo lookup over the words the knowledge base knows ("sciatca" → "sciatica", "piriformus" → "piriformis").
 *
 * A deletion-neighbourhood index (the SymSpell idea): every known word is stored under each variant with
 * one or two letters deleted, so a typo is found by deleting letters from IT and looking the variants up —
 * a few dozen hash lookups, whatever the vocabulary size — then confirmed with a real edit distance.
 * Measured against fuse.js over the same 415-word vocabulary: ~15–25 µs per uncached lookup against
 * ~550 µs (Bitap scans every word, so fuse grows with the vocabulary; this does not), and stricter —
 * fuse also returns partial matches ("decompresing" → "compresing").
 * Results, misses included, are cached per instance; the cache is bounded because input is untrusted.
 */

export interface FuzzyOptions {
  /** Words shorter than this are never corrected, nor corrected to: "hip" / "hit" / "him", "reset" / "rest". */
  readonly minLengthForOneEdit: number;
  /** The same for two edits (both words this long). */
  readonly minLengthForTwoEdits: number;
  /** Distinct looked-up words remembered; the cache is emptied when full. */
  readonly cacheSize: number;
}

export interface FuzzyHit {
  readonly word: string;
  readonly distance: number;
}

export class FuzzyVocabulary {
  private readonly variants = new Map<string, string[]>();
  private readonly cache = new Map<string, FuzzyHit | null>();

  /** `popularity` breaks ties between equally close words (e.g. how many entries use the word). */
  constructor(
    words: Iterable<string>,
    private readonly popularity: (word: string) => number,
    private readonly options: FuzzyOptions,
  ) {
    for (const word of new Set(words)) {
      // A word can be reached by a query one letter longer, so index it one length class early.
      for (const variant of deletions(word, this.maxEdits(word.length + 1))) {
        const list = this.variants.get(variant);
        if (list === undefined) this.variants.set(variant, [word]);
        else list.push(word);
      }
    }
  }

  /** The closest known word within the allowed number of edits, or undefined. */
  lookup(query: string): FuzzyHit | undefined {
    const cached = this.cache.get(query);
    if (cached !== undefined) return cached ?? undefined;
    const hit = this.search(query);
    if (this.cache.size >= this.options.cacheSize) this.cache.clear();
    this.cache.set(query, hit ?? null);
    return hit;
  }

  private search(query: string): FuzzyHit | undefined {
    const allowed = this.maxEdits(query.length);
    if (allowed === 0) return undefined;
    let best: FuzzyHit | undefined;
    const seen = new Set<string>();
    for (const variant of deletions(query, allowed)) {
      for (const word of this.variants.get(variant) ?? []) {
        // Typos rarely hit the first letter; real words that differ in it do ("night" / "tight").
        if (seen.has(word) || word[0] !== query[0]) continue;
        seen.add(word);
        // Both words must be long enough for the edits: "reset" is not a typo of "rest".
        const limit = Math.min(allowed, this.maxEdits(word.length));
        const distance = editDistance(query, word, limit);
        if (distance > limit || distance === 0) continue;
        if (best === undefined || this.better({ word, distance }, best)) best = { word, distance };
      }
    }
    return best;
  }

  private better(a: FuzzyHit, b: FuzzyHit): boolean {
    if (a.distance !== b.distance) return a.distance < b.distance;
    const byPopularity = this.popularity(a.word) - this.popularity(b.word);
    return byPopularity !== 0 ? byPopularity > 0 : a.word < b.word;
  }

  private maxEdits(length: number): number {
    if (length >= this.options.minLengthForTwoEdits) return 2;
    return length >= this.options.minLengthForOneEdit ? 1 : 0;
  }
}

/** The word itself and every variant with up to `edits` letters deleted. */
function deletions(word: string, edits: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let e = 0; e < edits; e++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal-string-alignment distance (a swap of neighbours counts as one edit); gives up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
