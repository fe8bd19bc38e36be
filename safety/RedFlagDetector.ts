/**
 * The red-flag safety check, run on every patient message before anything else. A pure function of
 * the text and the reviewed rules (knowledge/red-flags.json): no I/O, no state between messages.
 *
 * A rule fires when one of its patterns matches a sentence and that mention is not
 *  - negated: a cue ("no", "don't have") up to `negationWindow` words before it in the same clause,
 *    unless a new subject ("I", "my") comes between ("no back pain but I can't pee" still fires);
 *  - hypothetical or general: "signs of", "what if" before it, or a question clause with nobody in it
 *    ("can sciatica cause incontinence?"). "Is it normal that I..." names a person, so it fires.
 * Priority: emergency > crisis > urgent; otherwise the first clarify rule that fires; otherwise clear.
 */
import type { SafetyAssessment, Urgency } from './SafetyAssessment';
import { compilePattern, type ClarifyRule, type RedFlagRule, type RedFlagRules } from './RedFlagRules';
import { RedFlagText } from './RedFlagText';

interface CompiledRule {
  readonly rule: RedFlagRule | ClarifyRule;
  readonly patterns: readonly RegExp[];
  readonly requires: readonly RegExp[];
  readonly unless: readonly RegExp[];
  readonly negatable: boolean;
  readonly clearedWhenGeneral: boolean;
}

const PRIORITY: readonly Urgency[] = ['emergency', 'crisis', 'urgent'];
/** How far (characters, words) context is read around a match: bounded, so each match costs constant time. */
const LOOK_BACK_CHARS = 600;
const CONTEXT_WORDS = 12;

export class RedFlagDetector {
  private readonly text: RedFlagText;
  private readonly escalating: readonly CompiledRule[];
  private readonly clarifying: readonly CompiledRule[];
  private readonly negationCues: ReadonlySet<string>;
  private readonly terminators: ReadonlySet<string>;
  private readonly starters: ReadonlySet<string>;
  private readonly fillers: ReadonlySet<string>;
  private readonly personal: ReadonlySet<string>;

  constructor(private readonly rules: RedFlagRules) {
    const m = rules.matching;
    this.text = new RedFlagText(m);
    this.escalating = rules.rules.map((rule) => this.compile(rule));
    this.clarifying = rules.clarify.map((rule) => this.compile(rule));
    this.negationCues = new Set(m.negationCues);
    this.terminators = new Set(m.scopeTerminators);
    this.starters = new Set(m.questionStarters);
    this.fillers = new Set(m.questionFillers);
    this.personal = new Set(m.personalWords);
  }

  assess(message: string): SafetyAssessment {
    // One line per sentence: each pattern scans the whole message once (multiline mode), and
    // nothing in a pattern can match across a newline.
    const sentences = this.text.sentences(message);
    const doc = new Doc(sentences.join('\n'), sentences);
    const fired = this.escalating.filter((c) => this.fires(c, doc));
    if (fired.length > 0) {
      const urgency = PRIORITY.find((u) => fired.some((c) => c.rule.urgency === u)) as Urgency;
      return { kind: 'escalate', urgency, flags: fired.map((c) => c.rule.id) };
    }
    const clarify = this.clarifying.find((c) => this.fires(c, doc));
    if (clarify) return { kind: 'clarify', ruleId: clarify.rule.id, question: (clarify.rule as ClarifyRule).question };
    return { kind: 'clear' };
  }

  private compile(rule: RedFlagRule | ClarifyRule): CompiledRule {
    const terms = this.rules.matching.terms;
    return {
      rule,
      patterns: rule.patterns.map((p) => compilePattern(p, terms, 'gm')),
      requires: (rule.requires ?? []).map((p) => compilePattern(p, terms, '')),
      unless: (rule.unless ?? []).map((p) => compilePattern(p, terms, '')),
      negatable: rule.negatable ?? true,
      clearedWhenGeneral: rule.clearedWhenGeneral ?? true,
    };
  }

  private fires(c: CompiledRule, doc: Doc): boolean {
    const allowed = new Map<number, boolean>(); // per sentence: requires met and no unless
    for (const pattern of c.patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(doc.text); m !== null; m = pattern.exec(doc.text)) {
        const [start, end, index] = doc.sentenceAt(m.index);
        let ok = allowed.get(index);
        if (ok === undefined) {
          const sentence = doc.sentences[index];
          ok = (c.requires.length === 0 || c.requires.some((r) => r.test(sentence))) && !c.unless.some((r) => r.test(sentence));
          allowed.set(index, ok);
        }
        if (!ok) {
          pattern.lastIndex = end;
          continue;
        }
        if (this.counts(c, doc.text, m.index, start, end)) return true;
        pattern.lastIndex = m.index + 1; // a later start inside this match may still count
      }
    }
    return false;
  }

  /** Whether the mention at `at` (sentence [start, end)) is a real report, judged from its clause. */
  private counts(c: CompiledRule, text: string, at: number, start: number, end: number): boolean {
    const from = Math.max(start, at - LOOK_BACK_CHARS);
    const prefix = text.slice(from, at);
    const clauseStart = prefix.lastIndexOf(',');
    const clause = prefix.slice(clauseStart + 1).split(' ').filter((w) => w !== '');
    if (from > start && clauseStart < 0) clause.shift(); // possibly a cut word
    const before = clause.slice(-CONTEXT_WORDS);
    const after = text.slice(at, Math.min(end, at + 80)).split(' ');
    if (c.negatable && this.negated(before, after)) return false;
    if (!c.clearedWhenGeneral) return true;
    const context = ` ${[...before, ...after.slice(0, 2)].join(' ')} `; // "if i lose" ends inside the match
    if (this.rules.matching.hypotheticalCues.some((cue) => context.includes(` ${cue} `))) return false;
    if (clauseStart < 0 && from > start) return true; // clause start unknown: not judged a question
    const around = text.slice(Math.max(start, at - LOOK_BACK_CHARS), Math.min(end, at + LOOK_BACK_CHARS));
    return !this.isGeneralQuestion(clause, after[0], around);
  }

  /** NegEx-style: a cue shortly before the mention, with no new subject in between. */
  private negated(before: readonly string[], after: readonly string[]): boolean {
    const window = this.rules.matching.negationWindow;
    for (let k = before.length - 1; k >= 0 && before.length - k <= window; k--) {
      const word = before[k];
      if (this.terminators.has(word)) return false;
      if (!this.negationCues.has(word)) continue;
      const phrase = `${[...before.slice(k), ...after].slice(0, 4).join(' ')} `;
      if (!this.rules.matching.pseudoNegations.some((p) => phrase.startsWith(`${p} `))) return true;
    }
    return false;
  }

  /** A question clause ("can sciatica cause...", "what is...") in a sentence that names nobody. */
  private isGeneralQuestion(clause: readonly string[], firstMatchWord: string, around: string): boolean {
    const first = clause.findIndex((w) => !this.fillers.has(w));
    if (!this.starters.has(first >= 0 ? clause[first] : firstMatchWord)) return false;
    // Anyone named near it in the sentence ("..., cos that's me") makes it a report.
    let words = ` ${around} `;
    for (const phrase of this.rules.matching.questionOpeners) words = words.replace(` ${phrase} `, ' ');
    return !words.split(' ').some((w) => this.personal.has(w));
  }
}

/** The normalised message: sentences joined by newlines, with each sentence's offset. */
class Doc {
  private readonly starts: number[] = [];

  constructor(readonly text: string, readonly sentences: readonly string[]) {
    let offset = 0;
    for (const sentence of sentences) {
      this.starts.push(offset);
      offset += sentence.length + 1;
    }
  }

  /** [start, end, index] of the sentence holding offset `at` (binary search). */
  sentenceAt(at: number): [number, number, number] {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return [this.starts[low], this.starts[low] + this.sentences[low].length, low];
  }
}
