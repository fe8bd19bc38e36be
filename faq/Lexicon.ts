/**
 * Which words the knowledge base knows and which stem each one stands for, with typo tolerance both ways:
 *
 * - Staff deliberately write misspelt questions ("symtoms of sciatic pain", "what is sciatia") so typing
 *   patients are recognised. Left alone, each typo would become its own rare — hence heavily weighted —
 *   token that only one entry owns. So at build time a question word is FOLDED into a word it is one or
 *   two edits from when that word is in the synonym table or is used by at least twice as many questions
 *   — unless the word also appears in the answers' proofread prose, which makes it a real word.
 * - At query time an unknown word is looked up among all known surface words and stems (FuzzyVocabulary).
 * - Either way, a real English word (or one whose lemma is real) is never taken for a typo: "pillow" is
 *   not "pill", "siting" is not "sitting".
 */
import { type FuzzyOptions, FuzzyVocabulary } from './FuzzyVocabulary';
import type { TextNormaliser } from './TextNormaliser';

export interface ResolvedWord {
  readonly stem: string;
  /** 0 when the word (or its stem) is known as typed. */
  readonly edits: number;
}

/** The questions' words, each distinct word once: question q uses words[items[start[q]]] … */
export interface QuestionWords {
  readonly words: readonly string[];
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export class Lexicon {
  /** Surface word or stem → the stem it stands for (after folding). */
  private readonly stems = new Map<string, string>();
  /** Stem → how many questions use it. */
  private readonly counts = new Map<string, number>();
  /** Stems of the reviewed synonym table: never folded away, preferred as corrections. */
  private readonly synonymStems = new Set<string>();
  /** Stems of answer and title prose: real words, never folded away. */
  private readonly properStems = new Set<string>();
  private readonly fuzzy: FuzzyVocabulary;
  /** Folds applied at build time, for reports and tests ("symtom" → "symptom"). */
  readonly folds = new Map<string, string>();
  /** Real English words (EnglishWords) are never corrected into other words, at build time or query time. */
  private readonly isRealWord: (word: string) => boolean;

  /**
   * `questions`: the questions' words. `properWords`: words staff wrote in answers and titles, which are
   * proofread prose — a question word that also appears there is a real word, never a typo to fold.
   */
  constructor(questions: QuestionWords, properWords: Iterable<string>, normaliser: TextNormaliser, options: FuzzyOptions) {
    this.isRealWord = (word) => normaliser.isRealWord(word);
    for (const word of normaliser.knownWords()) {
      const stem = normaliser.stem(word);
      this.stems.set(word, stem).set(stem, stem);
      this.synonymStems.add(stem);
    }
    // Counted per distinct word id and stem id, not per occurrence: ~30,000 words at 10,000 entries
    // instead of ~800,000 occurrences.
    const stemIds = new Map<string, number>();
    const stemList: string[] = [];
    const stemOfWord = Int32Array.from(questions.words, (word) => {
      const stem = normaliser.stem(word);
      this.stems.set(word, stem);
      let id = stemIds.get(stem);
      if (id === undefined) {
        id = stemList.push(stem) - 1;
        stemIds.set(stem, id);
      }
      return id;
    });
    const questionsUsing = new Int32Array(stemList.length);
    const lastQuestion = new Int32Array(stemList.length).fill(-1);
    const { start, items } = questions;
    for (let q = 0; q + 1 < start.length; q++) {
      for (let j = start[q]; j < start[q + 1]; j++) {
        const stem = stemOfWord[items[j]];
        if (lastQuestion[stem] !== q) {
          questionsUsing[stem]++;
          lastQuestion[stem] = q;
        }
      }
    }
    stemList.forEach((stem, id) => {
      this.stems.set(stem, stem);
      this.counts.set(stem, questionsUsing[id]);
    });
    this.fuzzy = new FuzzyVocabulary(this.stems.keys(), (w) => this.popularity(w), options);
    for (const word of properWords) this.properStems.add(normaliser.stem(word));
    this.foldTypos();
  }

  /** The stem a word stands for when the knowledge base knows it as written (no typo correction). */
  known(word: string, stem: string): string | undefined {
    return this.stems.get(word) ?? this.stems.get(stem);
  }

  /** Whether some question uses this (known) stem. */
  inQuestions(stem: string): boolean {
    return (this.counts.get(stem) ?? 0) > 0;
  }

  /** The stem a message word stands for, typo-corrected if need be; undefined for a word never seen. */
  resolve(word: string, stem: string): ResolvedWord | undefined {
    const known = this.known(word, stem);
    if (known !== undefined) return { stem: known, edits: 0 };
    if (this.isRealWord(word)) return undefined;
    const hit = this.fuzzy.lookup(word) ?? this.fuzzy.lookup(stem);
    return hit === undefined ? undefined : { stem: this.stems.get(hit.word) ?? hit.word, edits: hit.distance };
  }

  private foldTypos(): void {
    const surfaces = new Map<string, string[]>();
    for (const [word, stem] of this.stems) {
      const list = surfaces.get(stem);
      if (list === undefined) surfaces.set(stem, [word]);
      else list.push(word);
    }
    for (const [stem, count] of this.counts) {
      if (this.synonymStems.has(stem) || this.properStems.has(stem)) continue;
      for (const form of surfaces.get(stem) ?? []) {
        if (this.isRealWord(form)) continue;
        const hit = this.fuzzy.lookup(form, false);
        const target = hit === undefined ? undefined : this.stems.get(hit.word);
        if (target === undefined || target === stem) continue;
        if (this.synonymStems.has(target) || (this.counts.get(target) ?? 0) >= 2 * count) {
          this.folds.set(stem, target);
          break;
        }
      }
    }
    for (const [word, stem] of this.stems) {
      const target = this.folds.get(stem);
      if (target !== undefined) this.stems.set(word, this.folds.get(target) ?? target);
    }
  }

  /** Ties between equally close corrections go to synonym-table words, then to words more questions use. */
  private popularity(word: string): number {
    const stem = this.stems.get(word) ?? word;
    return (this.synonymStems.has(stem) ? 1000 : 0) + (this.counts.get(stem) ?? 0);
  }
}
