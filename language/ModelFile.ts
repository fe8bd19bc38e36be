/**
 * Reads a learned model's file (knowledge/red-flag-classifier.json, dense; knowledge/faq-classifier.json,
 * sparse naive Bayes). The JSON stays the model's one true form: the trainers write it, a retrain shows as a
 * readable diff, the staleness tests compare it. But parsing it costs every start. So `npm run build` writes a
 * compact copy of each shipped file beside this module (dist/language/models/, named by the JSON's sha256;
 * server/writeCompactModels.ts): its settings as JSON, its feature names, and its numbers as the very float64
 * values JSON.parse gives (a dense file's rows; a sparse file's flat lists, NaiveBayes SeenLists), so every
 * score is the same to the last bit. The bot reads the copy made from the file's current content, else the
 * JSON (running from the sources, or a file retrained since the build). Hashing the file costs a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FeatureRows, type NaiveBayesModel, type ReadModel, type SparseNaiveBayesModel, seenLists } from './NaiveBayes';

/** Where the build writes the compact copies (beside this file in dist/; absent in the sources). */
export const COMPACT_MODELS = join(__dirname, 'models');

/** Reads a model file, from its compact copy when the build made one of this very content. Throws on invalid JSON. */
export function readModelFile<M extends NaiveBayesModel | SparseNaiveBayesModel>(path: string, folder = COMPACT_MODELS): ReadModel<M> {
  const bytes = readFileSync(path);
  const copy = compactPath(bytes, folder);
  if (existsSync(copy)) return readCompact<M>(readFileSync(copy));
  return JSON.parse(bytes.toString('utf8')) as ReadModel<M>;
}

/** Writes the compact copy of a model file unless it is there already; returns the copy's path and whether it was written. */
export function writeCompactModel(path: string, folder = COMPACT_MODELS): { copy: string; written: boolean } {
  const bytes = readFileSync(path);
  const copy = compactPath(bytes, folder);
  if (existsSync(copy)) return { copy, written: false };
  const model = JSON.parse(bytes.toString('utf8')) as NaiveBayesModel | SparseNaiveBayesModel;
  const { features, ...settings } = model;
  const names = Object.keys(features);
  if (names.some((name) => name.includes('\n'))) throw new Error(`${path}: a feature name holds a line break`);
  const head = Buffer.from(JSON.stringify(settings));
  const list = Buffer.from(names.join('\n'));
  // Two lengths, the settings, the names, then the numbers, each array at a multiple of 8 (a Float64Array's alignment).
  const arrays = 'unseen' in model ? sparseArrays(model) : [denseRows(model as NaiveBayesModel, names)];
  let end = align8(8 + head.length + list.length);
  const starts = arrays.map((array) => {
    const start = end;
    end = align8(start + array.byteLength);
    return start;
  });
  const file = Buffer.alloc(end);
  file.writeUInt32LE(head.length, 0);
  file.writeUInt32LE(list.length, 4);
  head.copy(file, 8);
  list.copy(file, 8 + head.length);
  for (const [i, array] of arrays.entries()) Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(file, starts[i]);
  mkdirSync(folder, { recursive: true });
  writeFileSync(copy, file);
  return { copy, written: true };
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

function compactPath(json: Buffer, folder: string): string {
  return join(folder, `${createHash('sha256').update(json).digest('hex').slice(0, 32)}.bin`);
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function readCompact<M extends NaiveBayesModel | SparseNaiveBayesModel>(file: Buffer): ReadModel<M> {
  const headLength = file.readUInt32LE(0);
  const listLength = file.readUInt32LE(4);
  const settings = JSON.parse(file.toString('utf8', 8, 8 + headLength)) as Omit<M, 'features'>;
  const names = file.toString('utf8', 8 + headLength, 8 + headLength + listLength).split('\n');
  // Typed arrays must start at a multiple of their element size in their buffer: copied when the read buffer does not.
  const aligned = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  let start = align8(8 + headLength + listLength);
  const next = <A extends Int32Array | Float64Array>(
    Type: new (buffer: ArrayBufferLike, offset: number, length: number) => A,
    length: number,
  ): A => {
    const array = new Type(aligned.buffer, aligned.byteOffset + start, length);
    start = align8(start + array.byteLength);
    return array;
  };
  if ('unseen' in settings) {
    const offsets = next(Int32Array, names.length + 1);
    const labels = next(Int32Array, offsets[names.length]);
    const logs = next(Float64Array, labels.length);
    return { ...settings, seen: { names, offsets, labels, logs } } as unknown as ReadModel<M>;
  }
  const width = settings.labels.length;
  return { ...settings, rows: new CompactRows(names, next(Float64Array, names.length * width), width) } as unknown as ReadModel<M>;
}

/** The rows of a compact copy: feature name -> its row's start in one array of numbers. */
class CompactRows implements FeatureRows {
  private readonly starts = new Map<string, number>();

  constructor(
    names: readonly string[],
    private readonly values: Float64Array,
    private readonly width: number,
  ) {
    // An index loop: entries() and destructuring made this ~3x slower, ~20 ms of each start for 57,000 names.
    for (let i = 0; i < names.length; i++) this.starts.set(names[i], i * width);
  }

  addRow(feature: string, scores: Float64Array): boolean {
    const start = this.starts.get(feature);
    if (start === undefined) return false;
    const { values, width } = this;
    for (let k = 0; k < width; k++) scores[k] += values[start + k];
    return true;
  }
}
