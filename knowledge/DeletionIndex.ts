/**
 * The deletion neighbourhood of a vocabulary (the SymSpell idea) without building its strings: every
 * word is filed under a 32-bit hash of each variant of it with up to two letters deleted, and a lookup
 * hashes the query's own variants the same way. Two words within k edits share a variant reachable by
 * at most k deletions from each, so every true neighbour is found; a hash collision only adds a
 * candidate, which the caller confirms with a real edit distance anyway.
 *
 * Why hashes: at 10,000 FAQ entries the vocabulary has ~30,000 words and ~1.5 million variants. As
 * strings in a Map<string, string[]> they took ~1.4 s and ~150 MB to build; as polynomial hashes
 * computed from prefix sums (no string is created) in an open-addressing table they take ~0.1 s.
 */

/** Polynomial hash base: odd, so multiplying by it is a bijection mod 2^32. */
const BASE = 0x01000193;
const EMPTY = -1;

export class DeletionIndex {
  /** Open addressing: slot → variant hash, and → first node of its chain (EMPTY when the slot is free). */
  private keys: Int32Array;
  private heads: Int32Array;
  private used = 0;
  /** Chain nodes: the word id filed there and the next node (EMPTY at the end). */
  private nodeWord: Int32Array;
  private nodeNext: Int32Array;
  private nodes = 0;

  constructor(expectedVariants: number) {
    const capacity = powerOfTwoAtLeast(Math.max(1024, 2 * expectedVariants));
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(EMPTY);
    this.nodeWord = new Int32Array(Math.max(1024, expectedVariants));
    this.nodeNext = new Int32Array(this.nodeWord.length);
  }

  /** Files `id` under every variant of `word` with up to `edits` (0–2) letters deleted. */
  add(word: string, id: number, edits: number): void {
    forEachVariantHash(word, edits, (hash) => {
      const slot = this.slotFor(hash, true);
      const head = this.heads[slot];
      // The same variant twice ("pass" minus either "s"): this word is already at the head of its chain.
      if (head !== EMPTY && this.nodeWord[head] === id) return;
      if (this.nodes === this.nodeWord.length) this.growNodes();
      this.nodeWord[this.nodes] = id;
      this.nodeNext[this.nodes] = head;
      this.heads[slot] = this.nodes++;
    });
  }

  /** Calls `visit` with the id of every word filed under a variant of `query` (duplicates possible). */
  candidates(query: string, edits: number, visit: (id: number) => void): void {
    forEachVariantHash(query, edits, (hash) => {
      const slot = this.slotFor(hash, false);
      for (let node = slot < 0 ? EMPTY : this.heads[slot]; node !== EMPTY; node = this.nodeNext[node]) visit(this.nodeWord[node]);
    });
  }

  /** The slot holding `hash`; when absent, a fresh slot if `insert`, else -1. */
  private slotFor(hash: number, insert: boolean): number {
    if (insert && 2 * (this.used + 1) > this.keys.length) this.rehash();
    const mask = this.keys.length - 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      if (this.heads[slot] === EMPTY) {
        if (!insert) return -1;
        this.keys[slot] = hash;
        this.used++;
        return slot;
      }
      if (this.keys[slot] === hash) return slot;
    }
  }

  private rehash(): void {
    const { keys, heads } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(EMPTY);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (heads[old] === EMPTY) continue;
      let slot = mix(keys[old]) & mask;
      while (this.heads[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old];
      this.heads[slot] = heads[old];
    }
  }

  private growNodes(): void {
    const word = new Int32Array(this.nodeWord.length * 2);
    const next = new Int32Array(this.nodeWord.length * 2);
    word.set(this.nodeWord);
    next.set(this.nodeNext);
    this.nodeWord = word;
    this.nodeNext = next;
  }
}

/** How many variants `add(word, …, edits)` files, for sizing the index. */
export function variantCount(length: number, edits: number): number {
  return 1 + (edits >= 1 ? length : 0) + (edits >= 2 ? (length * (length - 1)) / 2 : 0);
}

let powers = new Int32Array([1]);
/** Scratch for prefix hashes, reused: lookups are synchronous. */
let prefix = new Int32Array(64);

/**
 * Hash of the word and of each variant with one or two letters deleted, from prefix hashes:
 * h(s) = Σ s[j]·BASE^(len−1−j) mod 2^32, so h(s without s[i]) = h(s[0,i))·BASE^(n−1−i) + h(s(i,n)).
 */
function forEachVariantHash(word: string, edits: number, visit: (hash: number) => void): void {
  const n = word.length;
  if (powers.length <= n) {
    const grown = new Int32Array(2 * n + 1);
    grown[0] = 1;
    for (let k = 1; k < grown.length; k++) grown[k] = Math.imul(grown[k - 1], BASE);
    powers = grown;
    prefix = new Int32Array(grown.length + 1);
  }
  for (let k = 0; k < n; k++) prefix[k + 1] = (Math.imul(prefix[k], BASE) + word.charCodeAt(k)) | 0;
  /** h(word[a, b)) */
  const range = (a: number, b: number) => (prefix[b] - Math.imul(prefix[a], powers[b - a])) | 0;
  visit(prefix[n]);
  if (edits < 1) return;
  for (let i = 0; i < n; i++) {
    visit((Math.imul(prefix[i], powers[n - 1 - i]) + range(i + 1, n)) | 0);
    if (edits < 2) continue;
    for (let j = i + 1; j < n; j++) {
      visit((Math.imul(prefix[i], powers[n - 2 - i]) + Math.imul(range(i + 1, j), powers[n - 1 - j]) + range(j + 1, n)) | 0);
    }
  }
}

/** Spreads polynomial hashes (whose low bits are weak) over the table. */
function mix(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
