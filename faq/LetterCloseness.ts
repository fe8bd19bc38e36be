/**
 * How closely a question appears, letter by letter, somewhere in a message: exactly the score that
 * fuse.js 7.5's `Fuse.match(question, message, { ignoreLocation: true, threshold })` returns (0 found
 * whole … 1 not found), on the same 32-letter chunks. fuse.js runs Bitap once per error level, each a
 * pass over the whole message, until a level finds the chunk: that score is the fewest edits (letters
 * changed, added or left out) that turn the chunk into some stretch of the message, over its length.
 * Here that number comes from one pass (Myers' bit-parallel edit distance, as in Hyyrö 2003) instead of
 * one per level: the misses, which fuse.js scanned at every level up to the threshold, were most of the
 * FAQ match's time. Each question's letter masks are built once. The scores are checked against
 * Fuse.match itself (test/faq/letterCloseness.test.ts), so a fuse.js change that moves them shows.
 */
/** Bitap works on 32-bit masks: a longer question is searched as 32-letter chunks, as fuse.js does. */
const CHUNK = 32;

interface Chunk {
  readonly pattern: string;
  /** Per ASCII character code, the bits of the chunk's positions where it occurs (bit i: letter i). */
  readonly ascii: Int32Array;
  /** The same for the chunk's other characters (a message is nearly all ASCII: an array read, not a map's). */
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
      const errors = fewestEdits(text, chunk);
      // fuse.js tries error levels while errors / length ≤ threshold and errors < length.
      const isMatch = errors / chunk.pattern.length <= this.threshold && errors < chunk.pattern.length;
      found ||= isMatch;
      total += isMatch ? Math.max(0.001, errors / chunk.pattern.length) : 1;
    }
    return found ? total / this.chunks.length : 1;
  }
}

function chunkOf(pattern: string): Chunk {
  const ascii = new Int32Array(128);
  const alphabet = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < 128) ascii[code] |= 1 << i;
    else alphabet.set(code, (alphabet.get(code) ?? 0) | (1 << i));
  }
  return { pattern, ascii, alphabet };
}

/**
 * The fewest edits that turn `chunk` into some stretch of `text` (any start, any end; the whole chunk
 * when none is cheaper): one column of the edit-distance table per letter of the text, held as bit
 * vectors of its vertical differences (positive, negative), the last row's value kept as it goes.
 */
function fewestEdits(text: string, { pattern, ascii, alphabet }: Chunk): number {
  const last = 1 << (pattern.length - 1);
  let positive = -1; // every vertical difference +1: the first column is 0, 1, 2, …
  let negative = 0;
  let edits = pattern.length;
  let fewest = edits;
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    const equal = code < 128 ? ascii[code] : (alphabet.get(code) ?? 0);
    const xv = equal | negative;
    const xh = (((equal & positive) + positive) ^ positive) | equal;
    // The top row stays 0 (a stretch may start anywhere): no carry into bit 0 after the shifts.
    let hp = negative | ~(xh | positive);
    let hn = positive & xh;
    if (hp & last) edits++;
    else if (hn & last) edits--;
    if (edits < fewest) fewest = edits;
    hp <<= 1;
    hn <<= 1;
    positive = hn | ~(xv | hp);
    negative = hp & xv;
  }
  return fewest;
}
