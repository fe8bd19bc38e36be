/**
 * Reads a learned model's file (knowledge/red-flag-classifier.json, dense; knowledge/faq-classifier.json,
 * sparse naive Bayes). The JSON stays the model's one true form: the trainers write it, a retrain shows as a
 * readable diff, the staleness tests compare it. But parsing it costs every start. So `npm run build` writes a
 * compact copy of each shipped file beside this module (dist/language/models/, named by the JSON's sha256;
 * server/writeCompactModels.ts): its settings as JSON, its feature names with their hash table (language/FeatureNames),
 * and its numbers as the very float64 values JSON.parse gives (a dense file's rows; a sparse file's flat lists,
 * NaiveBayes SeenLists), so every score is the same to the last bit. Reading one builds nothing: its arrays are views
 * of the file's bytes. The bot reads the copy made from the file's current content, else the JSON (running from the
 * sources, or a file retrained since the build). The build also notes each file's size and modification time beside
 * its copy (as make trusts times): a file still so is read from its copy without reading and hashing its JSON,
 * ~40 ms of each start for the red-flag net's 6.7 MB.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type FeatureNames, hashSlots, nameStarts, StoredFeatureNames, slotCount } from './FeatureNames';
import { type FeatureRows, type NaiveBayesModel, type ReadModel, type SparseNaiveBayesModel, seenLists } from './NaiveBayes';

/** Where the build writes the compact copies (beside this file in dist/; absent in the sources). */
export const COMPACT_MODELS = join(__dirname, 'models');
/** The copy's layout: part of its name, so a copy in an older layout is never read. */
const FORMAT = 'compact model 2: names hashed';
/** Three lengths: the settings', the names list's, and how many names. */
const HEADER = 12;
/** In the copies' folder: each model file's size and modification time when its copy was made, and the copy's name. */
export const STAMPS = 'stamps.json';

interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly copy: string;
}

/** Reads a model file, from its compact copy when the build made one of this very content. Throws on invalid JSON. */
export function readModelFile<M extends NaiveBayesModel | SparseNaiveBayesModel>(path: string, folder = COMPACT_MODELS): ReadModel<M> {
  const stamped = stampedCopy(path, statSync(path), folder);
  if (stamped !== undefined) return readCompact<M>(readFileSync(stamped));
  const bytes = readFileSync(path);
  const copy = compactPath(bytes, folder);
  if (existsSync(copy)) return readCompact<M>(readFileSync(copy));
  return JSON.parse(bytes.toString('utf8')) as ReadModel<M>;
}

/** Writes the compact copy of a model file unless it is there already; returns the copy's path and whether it was written. */
export function writeCompactModel(path: string, folder = COMPACT_MODELS): { copy: string; written: boolean } {
  const bytes = readFileSync(path);
  const copy = compactPath(bytes, folder);
  if (existsSync(copy)) {
    stamp(path, copy, folder);
    return { copy, written: false };
  }
  const model = JSON.parse(bytes.toString('utf8')) as NaiveBayesModel | SparseNaiveBayesModel;
  const { features, ...settings } = model;
  const names = Object.keys(features);
  if (names.some((name) => name.includes('\n'))) throw new Error(`${path}: a feature name holds a line break`);
  const head = Buffer.from(JSON.stringify(settings));
  const list = Buffer.from(names.join('\n'));
  // Three lengths, the settings, the names, then the arrays, each at a multiple of 8 (a Float64Array's alignment):
  // where each name starts in the list, the names' hash table, then the numbers.
  const arrays = [
    nameStarts(names),
    hashSlots(names),
    ...('unseen' in model ? sparseArrays(model) : [denseRows(model as NaiveBayesModel, names)]),
  ];
  let end = align8(HEADER + head.length + list.length);
  const starts = arrays.map((array) => {
    const start = end;
    end = align8(start + array.byteLength);
    return start;
  });
  const file = Buffer.alloc(end);
  file.writeUInt32LE(head.length, 0);
  file.writeUInt32LE(list.length, 4);
  file.writeUInt32LE(names.length, 8);
  head.copy(file, HEADER);
  list.copy(file, HEADER + head.length);
  for (const [i, array] of arrays.entries()) Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(file, starts[i]);
  mkdirSync(folder, { recursive: true });
  writeFileSync(copy, file);
  stamp(path, copy, folder);
  return { copy, written: true };
}

function readStamps(folder: string): Record<string, Stamp> {
  try {
    return JSON.parse(readFileSync(join(folder, STAMPS), 'utf8')) as Record<string, Stamp>;
  } catch {
    return {}; // none yet, or unreadable: every file is hashed
  }
}

/** Notes the model file's size and time beside its copy. */
function stamp(path: string, copy: string, folder: string): void {
  const { size, mtimeMs } = statSync(path);
  const stamps = { ...readStamps(folder), [path]: { size, mtimeMs, copy: basename(copy) } };
  writeFileSync(join(folder, STAMPS), JSON.stringify(stamps, null, 2));
}

/** The copy the build made of this file, when the file's size and time are still what they were then. */
function stampedCopy(path: string, stats: Stats, folder: string): string | undefined {
  const known = readStamps(folder)[path];
  if (known?.size !== stats.size || known.mtimeMs !== stats.mtimeMs) return undefined;
  const copy = join(folder, basename(known.copy));
  return existsSync(copy) ? copy : undefined;
}

/** A dense model's rows one after another, in the names' order. */
function denseRows(model: NaiveBayesModel, names: readonly string[]): Float64Array {
  const width = model.labels.length;
  const values = new Float64Array(names.length * width);
  for (const [i, name] of names.entries()) values.set(model.features[name], i * width);
  return values;
}

/** A sparse model's flat lists (the names are written with the dense ones'). */
function sparseArrays(model: SparseNaiveBayesModel): [Int32Array, Int32Array, Float64Array] {
  const { offsets, labels, logs } = seenLists(model);
  return [offsets, labels, logs];
}

/** Named by the JSON's content and the copy's format: a build of a new format never reads an old copy. */
function compactPath(json: Buffer, folder: string): string {
  return join(folder, `${createHash('sha256').update(FORMAT).update(json).digest('hex').slice(0, 32)}.bin`);
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function readCompact<M extends NaiveBayesModel | SparseNaiveBayesModel>(file: Buffer): ReadModel<M> {
  const headLength = file.readUInt32LE(0);
  const listLength = file.readUInt32LE(4);
  const count = file.readUInt32LE(8);
  const settings = JSON.parse(file.toString('utf8', HEADER, HEADER + headLength)) as Omit<M, 'features'>;
  // Typed arrays must start at a multiple of their element size in their buffer: copied when the read buffer does not.
  const aligned = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  let start = align8(HEADER + headLength + listLength);
  const next = <A extends Int32Array | Float64Array>(
    Type: new (buffer: ArrayBufferLike, offset: number, length: number) => A,
    length: number,
  ): A => {
    const array = new Type(aligned.buffer, aligned.byteOffset + start, length);
    start = align8(start + array.byteLength);
    return array;
  };
  const list = aligned.subarray(HEADER + headLength, HEADER + headLength + listLength);
  const names = new StoredFeatureNames(list, next(Int32Array, count + 1), next(Int32Array, slotCount(count)));
  if ('unseen' in settings) {
    const offsets = next(Int32Array, count + 1);
    const labels = next(Int32Array, offsets[count]);
    const logs = next(Float64Array, labels.length);
    return { ...settings, seen: { names, offsets, labels, logs } } as unknown as ReadModel<M>;
  }
  const width = settings.labels.length;
  return { ...settings, rows: new CompactRows(names, next(Float64Array, count * width), width) } as unknown as ReadModel<M>;
}

/** The rows of a compact copy: feature i's row is values[i * width .. (i + 1) * width). */
class CompactRows implements FeatureRows {
  constructor(
    private readonly names: FeatureNames,
    private readonly values: Float64Array,
    private readonly width: number,
  ) {}

  addRow(feature: string, scores: Float64Array): boolean {
    const i = this.names.indexOf(feature);
    if (i < 0) return false;
    const { values, width } = this;
    const start = i * width;
    for (let k = 0; k < width; k++) scores[k] += values[start + k];
    return true;
  }
}
