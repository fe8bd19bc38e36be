/**
 * Bigger knowledge bases for the benchmark, grown around the real faq.json: the real entries stay in
 * (so the real labelled set still measures something), and each synthetic entry is a real entry's
 * questions and answer with their subject swapped for invented words: "can a tight hip muscle cause
 * sciatica" becomes, say, "can a tight zabichus cause plorimex". The question's shape stays (how long,
 * why, should I, everyday words); what it is about changes, as a bigger real FAQ would cover other
 * conditions with the same kinds of questions.
 *
 * How the vocabulary grows, roughly as a real FAQ's would (Heaps' law rather than a fixed word list):
 *   - every synthetic entry gets one topic word of its own, and half of them a second one;
 *   - it also draws one or two words from a shared pool that grows with √n (sub-topics many entries
 *     share, like "syndrome" or "injection" in the real file);
 *   - a question now and then carries a typo of its topic word, as staff write them on purpose (about
 *     as many per entry as faq.json has: ~1.6 folded typos per entry);
 *   - a question is sometimes recombined from the first half of one of the real entry's questions and
 *     the second half of another of them (across entries it would mix two topics, which a real FAQ
 *     entry would not).
 * Deterministic for a given seed, so runs compare.
 */
import type { FaqEntry } from '../knowledge/FaqEntry';
import { TextNormaliser } from '../knowledge/TextNormaliser';
import { seededRandom } from '../knowledge/seededRandom';

const CONSONANTS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'pl', 'gr', 'st', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
const ENDINGS = ['', '', 'n', 'x', 'l', 'r', 's', 'm'];
/** Words that give a question its shape, whatever it is about. */
const QUESTION_WORDS = new Set(['how', 'why', 'when', 'where', 'should', 'after', 'before', 'which']);

export function syntheticKnowledgeBase(real: readonly FaqEntry[], size: number, seed = 7): FaqEntry[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const normaliser = TextNormaliser.default;
  const taken = new Set(real.flatMap((e) => [...e.questions, e.answer].flatMap((t) => normaliser.words(t))));
  const invent = (): string => {
    for (;;) {
      const syllables = 2 + Math.floor(random() * 3);
      let word = '';
      for (let s = 0; s < syllables; s++) word += pick(CONSONANTS) + pick(VOWELS);
      word += pick(ENDINGS);
      // Six letters or more, so an invented word is not one typo away from a short everyday word.
      if (word.length >= 6 && !taken.has(word) && normaliser.words(word).length === 1) {
        taken.add(word);
        return word;
      }
    }
  };
  const extra = Math.max(0, size - real.length);
  const pool = Array.from({ length: Math.ceil(3 * Math.sqrt(extra)) }, invent);
  // How many real entries use each word: distinctive words (few entries) are the ones a new topic replaces.
  const entriesUsing = new Map<string, number>();
  for (const e of real) {
    for (const w of new Set([...e.questions, e.answer].flatMap((t) => normaliser.words(t)))) entriesUsing.set(w, (entriesUsing.get(w) ?? 0) + 1);
  }
  // A new entry keeps the question's shape — stop words, everyday words ("long", "back", "away") and
  // question words — and is about something else: a word only one or two real entries use becomes this
  // entry's own topic word; a domain word many share (sciatica, nerve, pain) becomes a shared pool word
  // (a neighbouring condition) four times in five, so some synthetic entries still mention sciatica.
  const replacement = (word: string): 'keep' | 'topic' | 'shared' => {
    if (QUESTION_WORDS.has(word) || normaliser.isWeak(normaliser.stem(word))) return 'keep';
    const share = (entriesUsing.get(word) ?? 0) / real.length;
    if (share <= 0.1) return 'topic';
    return random() < 0.8 ? 'shared' : 'keep';
  };

  const entries: FaqEntry[] = [...real];
  for (let i = 0; i < extra; i++) {
    const template = real[i % real.length];
    const topics = random() < 0.5 ? [invent()] : [invent(), invent()];
    const shared = random() < 0.5 ? [pick(pool)] : [pick(pool), pick(pool)];
    const vary = (text: string, typos: boolean): string => {
      const words = text.split(/\s+/);
      let placed = false;
      const out = words.map((word) => {
        const [plain] = normaliser.words(word);
        const kind = plain === undefined ? 'keep' : replacement(plain);
        if (kind === 'keep') return word;
        placed = true;
        const topic = kind === 'topic' ? pick(topics) : pick(shared);
        return typos && random() < 0.06 ? typo(topic, random) : topic;
      });
      if (!placed) out.push(pick(topics));
      return out.join(' ');
    };
    const questions = template.questions.map((q) => {
      if (random() < 0.2) {
        const other = pick(template.questions).split(/\s+/);
        q = `${q.split(/\s+/).slice(0, Math.ceil(q.split(/\s+/).length / 2)).join(' ')} ${other.slice(Math.floor(other.length / 2)).join(' ')}`;
      }
      return vary(q, true);
    });
    const title = `${topics[0][0].toUpperCase()}${topics[0].slice(1)}`.slice(0, 20);
    entries.push({ id: `synthetic-${i + 1}`, title, questions, answer: vary(template.answer, false) });
  }
  return entries;
}

/** One deleted or doubled letter, away from the first letter (where staff's deliberate typos are too). */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 1));
  return random() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at] + word.slice(at);
}
