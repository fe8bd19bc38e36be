/**
 * A model's feature names and their numbers (the order of its file). A model read from its JSON puts them in a
 * map. The build's compact copy (language/ModelFile) stores them with an open-addressing hash table built at build
 * time, which the bot reads as it is: a map of the red-flag net's ~143,000 names cost ~180 ms of every start.
 */

/** Feature name -> its number in the model's file order. */
export interface FeatureNames {
  /** The name's number, or -1 when the model lacks it. */
  indexOf(name: string): number;
}

/** The names of a model read from its JSON. */
export function featureNamesOf(names: readonly string[]): FeatureNames {
  const ids = new Map<string, number>();
  // An index loop: entries() and destructuring made this ~3x slower.
  for (let i = 0; i < names.length; i++) ids.set(names[i], i);
  return { indexOf: (name) => ids.get(name) ?? -1 };
}

/** 32-bit FNV-1a over the name's UTF-16 code units: the build and the bot hash names the same way. */
function hashOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The table's size for `count` names: a power of two above 1.5 × count, so probes stay short. */
export function slotCount(count: number): number {
  let size = 2;
  while (size <= count * 1.5) size *= 2;
  return size;
}

/** Build time: the hash table of names in file order (slot = name number + 1; 0 is empty), `slotCount(names.length)` long. */
export function hashSlots(names: readonly string[]): Int32Array {
  const slots = new Int32Array(slotCount(names.length));
  const mask = slots.length - 1;
  for (let i = 0; i < names.length; i++) {
    let slot = hashOf(names[i]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  }
  return slots;
}

/** Build time: where each name starts in the names joined by line breaks, and one past the end (as if a break followed the last). */
export function nameStarts(names: readonly string[]): Int32Array {
  const starts = new Int32Array(names.length + 1);
  for (let i = 0; i < names.length; i++) starts[i + 1] = starts[i] + Buffer.byteLength(names[i]) + 1;
  return starts;
}

/**
 * The names as the compact copy stores them: their UTF-8 bytes one after another, where name i is
 * bytes[starts[i] .. starts[i + 1] - 1) (a separator byte follows each), and the build's hash table.
 */
export class StoredFeatureNames implements FeatureNames {
  private readonly mask: number;

  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Int32Array,
    private readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
  }

  indexOf(name: string): number {
    const { slots, mask } = this;
    for (let slot = hashOf(name) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const i = slots[slot] - 1;
      if (this.isName(i, name)) return i;
    }
    return -1;
  }

  /** Whether name i is `name`: byte by byte while it is ASCII (nearly always), decoded otherwise. */
  private isName(i: number, name: string): boolean {
    const { bytes } = this;
    const from = this.starts[i];
    const length = this.starts[i + 1] - 1 - from;
    for (let j = 0; j < name.length; j++) {
      const code = name.charCodeAt(j);
      if (code >= 0x80) return bytes.toString('utf8', from, from + length) === name;
      if (j >= length || bytes[from + j] !== code) return false;
    }
    return length === name.length;
  }
}
