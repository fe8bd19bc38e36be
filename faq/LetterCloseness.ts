/**
 * How closely a question appears, letter by letter, somewhere in a message: exactly the score that
 * fuse.js 7.5's `Fuse.match(question, message, { ignoreLocation: true, threshold })` returns (0 found
 * whole … 1 not found): the same Bitap search on the same 32-letter chunks. Only the bookkeeping
 * differs: each question's letter masks are built once (fuse.js rebuilds them on every call), and the
 * bit rows live in typed arrays reused from call to call (fuse.js allocates a fresh holey array for
 * every error level). That bookkeeping was most of the FAQ match's time. The scores are checked against
 * Fuse.match itself (test/faq/letterCloseness.test.ts), so a fuse.js change that moves them shows.
 */

/** Bitap works on 32-bit masks: a longer question is searched as 32-letter chunks, as fuse.js does. */
const CHUNK = 32;

interface Chunk {
  readonly pattern: string;
  /** Per character code in the chunk, the bits of the positions where it occurs. */
  readonly alphabet: ReadonlyMap<number, number>;
}

export class LetterCloseness {
  private readonly pattern: string;
  private readonly chunks: readonly Chunk[];

  constructor(
    question: string,
    private readonly threshold: number,
  ) {
    this.pattern = question.toLowerCase();
    const length = this.pattern.length;
    const starts: number[] = [];
    if (length > CHUNK) {
      for (let i = 0; i + CHUNK <= length; i += CHUNK) starts.push(i);
      if (length % CHUNK) starts.push(length - CHUNK);
    } else if (length > 0) {
      starts.push(0);
    }
    this.chunks = starts.map((start) => chunkOf(this.pattern.substr(start, CHUNK)));
  }

  /** The fuse.js score of this question in `message`. */
  scoreIn(message: string): number {
    const text = message.toLowerCase();
    if (this.pattern === text) return text.length < 1 ? 1 : 0;
    let total = 0;
    let found = false;
    for (const chunk of this.chunks) {
      const { isMatch, score } = bitap(text, chunk.pattern, chunk.alphabet, this.threshold);
      found ||= isMatch;
      total += score;
    }
    return found ? total / this.chunks.length : 1;
  }
}

function chunkOf(pattern: string): Chunk {
  const alphabet = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    alphabet.set(code, (alphabet.get(code) ?? 0) | (1 << (pattern.length - i - 1)));
  }
  return { pattern, alphabet };
}

/** Reused between calls (turns run one at a time on the event loop): grown, never shrunk. */
let letterMasks = new Int32Array(1024);
let rowA = new Int32Array(1024);
let rowB = new Int32Array(1024);

/**
 * fuse.js's `search` (src/search/bitap/search.ts) as it scores with ignoreLocation, no match indices and
 * findAllMatches off. A score is then errors / chunk length wherever the chunk is found, so the first
 * error level with a hit anywhere decides it: fuse.js's location bookkeeping (where to search from,
 * when to stop a level early, the exact-match pre-pass) changes where it reports the match, never the
 * score, and is left out. Each level scans the text from its end, as in fuse.js, up to its first hit.
 */
function bitap(
  text: string,
  pattern: string,
  alphabet: ReadonlyMap<number, number>,
  threshold: number,
): { isMatch: boolean; score: number } {
  const patternLen = pattern.length;
  const finish = text.length + patternLen;
  if (letterMasks.length < finish + 2) {
    letterMasks = new Int32Array(2 * (finish + 2));
    rowA = new Int32Array(2 * (finish + 2));
    rowB = new Int32Array(2 * (finish + 2));
  }
  // Position j of a row reads the letter at j − 1; past the text's end there is none (mask 0).
  const masks = letterMasks;
  for (let j = 1; j <= text.length; j++) masks[j] = alphabet.get(text.charCodeAt(j - 1)) ?? 0;
  masks.fill(0, text.length + 1, finish + 1);
  let row = rowA;
  let previous = rowB;
  const hit = 1 << (patternLen - 1);
  for (let errors = 0; errors / patternLen <= threshold && errors < patternLen; errors += 1) {
    row[finish + 1] = (1 << errors) - 1;
    for (let j = finish; j >= 1; j -= 1) {
      let bits = ((row[j + 1] << 1) | 1) & masks[j];
      if (errors) bits |= ((previous[j + 1] | previous[j]) << 1) | 1 | previous[j + 1];
      row[j] = bits;
      // The first hit settles the score: the rest of this level cannot lower it.
      if (bits & hit) return { isMatch: true, score: Math.max(0.001, errors / patternLen) };
    }
    const done = previous;
    previous = row;
    row = done;
  }
  return { isMatch: false, score: 1 };
}
