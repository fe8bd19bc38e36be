/**
 * The deletion neighbourhood of a vocabulary (the SymSpell idea) without building its strings: every
 * word is filed under a 32-bit hash of each variant of it with up to two letters deleted, and a lookup
 * hashes the query's own variants the same way. Two words within k edits share a variant reachable by
 * at most k deletions from each, so every true neighbour is found; a hash collision only adds a
 * candidate, which the caller confirms with a real edit distance anyway.
 *
 * Why hashes: at 10,000 FAQ entries the vocabulary has ~30,000 words and ~1.4 million variants. As
 * strings in a Map<string, string[]> they took ~1.1 s to build (a third of the whole index build); as
 * polynomial hashes computed from prefix sums (no string is created) in an open-addressing table of
 * typed arrays they take ~0.1 s and 26 MB.
 */

/** Polynomial hash base: odd, so multiplying by it is a bijection mod 2^32. */
const BASE = 0x01000193;
const EMPTY = -1;
/**
 * Sized for the variants counted with repeats ("pass" minus either "s"); the distinct ones that take a
 * slot are ~80% of those, so the table ends up ~60% full: short probe runs, half the memory of 0.5.
 */
const MAX_LOAD = 0.75;

export class DeletionIndex {
  /**
   * Open addressing, interleaved so one probe touches one cache line: slot s holds the variant hash at
   * [2s] and the first node of its chain at [2s + 1] (EMPTY when the slot is free).
   */
  private slots: Int32Array;
  private used = 0;
  /** Chain nodes, interleaved too: node k's word id at [2k], the next node (EMPTY at the end) at [2k + 1]. */
  private nodes: Int32Array;
  private nodeCount = 0;
  /** Per word id, the lookup that last reported it. */
  private seenAt = new Int32Array(1024);
  private lookups = 0;

  constructor(expectedVariants: number) {
    this.slots = emptySlots(powerOfTwoAtLeast(Math.max(1024, Math.ceil(expectedVariants / MAX_LOAD))));
    this.nodes = new Int32Array(2 * Math.max(1024, expectedVariants));
  }

  /** Files `id` under every variant of `word` with up to `edits` (0–2) letters deleted. */
  add(word: string, id: number, edits: number): void {
    if (id >= this.seenAt.length) {
      const grown = new Int32Array(Math.max(2 * this.seenAt.length, id + 1));
      grown.set(this.seenAt);
      this.seenAt = grown;
    }
    const count = variantHashes(word, edits);
    for (let v = 0; v < count; v++) {
      // The same variant twice ("pass" minus either "s") files the word twice: `candidates` dedupes.
      const slot = this.slotFor(hashes[v], true);
      if (2 * this.nodeCount === this.nodes.length) this.growNodes();
      this.nodes[2 * this.nodeCount] = id;
      this.nodes[2 * this.nodeCount + 1] = this.slots[2 * slot + 1];
      this.slots[2 * slot + 1] = this.nodeCount++;
    }
  }

  /**
   * The ids of the words filed under any variant of `query`, each once, into `out` (emptied first).
   * A close word shares many variants with the query (and the query, if known, all of its own), so the
   * chains repeat ids: they are deduplicated here rather than checked again by the caller.
   */
  candidates(query: string, edits: number, out: number[]): number[] {
    out.length = 0;
    const stamp = ++this.lookups;
    const count = variantHashes(query, edits);
    for (let v = 0; v < count; v++) {
      const slot = this.slotFor(hashes[v], false);
      for (let node = slot < 0 ? EMPTY : this.slots[2 * slot + 1]; node !== EMPTY; node = this.nodes[2 * node + 1]) {
        const id = this.nodes[2 * node];
        if (this.seenAt[id] === stamp) continue;
        this.seenAt[id] = stamp;
        out.push(id);
      }
    }
    return out;
  }

  /** The slot holding `hash`; when absent, a fresh slot if `insert`, else -1. */
  private slotFor(hash: number, insert: boolean): number {
    if (insert && this.used + 1 > MAX_LOAD * (this.slots.length / 2)) this.rehash();
    const mask = this.slots.length / 2 - 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      if (this.slots[2 * slot + 1] === EMPTY) {
        if (!insert) return -1;
        this.slots[2 * slot] = hash;
        this.used++;
        return slot;
      }
      if (this.slots[2 * slot] === hash) return slot;
    }
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = emptySlots(old.length);
    const mask = this.slots.length / 2 - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === EMPTY) continue;
      let slot = mix(old[k]) & mask;
      while (this.slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[2 * slot] = old[k];
      this.slots[2 * slot + 1] = old[k + 1];
    }
  }

  private growNodes(): void {
    const grown = new Int32Array(this.nodes.length * 2);
    grown.set(this.nodes);
    this.nodes = grown;
  }
}

/** `count` free slots (two numbers each). */
function emptySlots(count: number): Int32Array {
  const slots = new Int32Array(2 * count);
  for (let k = 1; k < slots.length; k += 2) slots[k] = EMPTY;
  return slots;
}

/** How many variants `add(word, …, edits)` files, for sizing the index. */
export function variantCount(length: number, edits: number): number {
  return 1 + (edits >= 1 ? length : 0) + (edits >= 2 ? (length * (length - 1)) / 2 : 0);
}

let powers = new Int32Array([1]);
/** Scratch, reused (everything here is synchronous): prefix hashes of a word, then its variants' hashes. */
let prefix = new Int32Array(64);
let hashes = new Int32Array(256);

/**
 * Fills `hashes` with the hash of the word and of each variant with one or two letters deleted, computed
 * from prefix hashes: h(s) = Σ s[j]·BASE^(len−1−j) mod 2^32, so
 * h(s without s[i]) = h(s[0,i))·BASE^(n−1−i) + h(s(i,n)). Returns how many it wrote.
 */
function variantHashes(word: string, edits: number): number {
  const n = word.length;
  if (powers.length <= n) {
    const grown = new Int32Array(2 * n + 1);
    grown[0] = 1;
    for (let k = 1; k < grown.length; k++) grown[k] = Math.imul(grown[k - 1], BASE);
    powers = grown;
    prefix = new Int32Array(grown.length + 1);
  }
  const needed = variantCount(n, edits);
  if (hashes.length < needed) hashes = new Int32Array(2 * needed);
  const p = prefix;
  const pow = powers;
  for (let k = 0; k < n; k++) p[k + 1] = (Math.imul(p[k], BASE) + word.charCodeAt(k)) | 0;
  let count = 0;
  hashes[count++] = p[n];
  if (edits < 1) return count;
  for (let i = 0; i < n; i++) {
    // h(word(i, n)) = p[n] − p[i+1]·BASE^(n−1−i)
    const tail = (p[n] - Math.imul(p[i + 1], pow[n - 1 - i])) | 0;
    hashes[count++] = (Math.imul(p[i], pow[n - 1 - i]) + tail) | 0;
    if (edits < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const middle = (p[j] - Math.imul(p[i + 1], pow[j - i - 1])) | 0;
      const rest = (p[n] - Math.imul(p[j + 1], pow[n - 1 - j])) | 0;
      hashes[count++] = (Math.imul(p[i], pow[n - 2 - i]) + Math.imul(middle, pow[n - 1 - j]) + rest) | 0;
    }
  }
  return count;
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
