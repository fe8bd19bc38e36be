/**
 * Which language a message is written in, to choose the language of a reply that is not safety advice
 * (`eld`, which ships its n-gram data: right on short texts where franc was not). Safety never waits for
 * this: the red-flag check reads its Spanish concepts on every message, whatever the language.
 *
 * Most messages are plainly English: nearly all their words (all of a short message's) are English words (Spelling's dictionary,
 * inflections included). Those skip the detector (~15 µs a message, the most of intent routing), so it is
 * needed only for the others, and it can load after start-up (`later`). The bar keeps a wide margin: on the
 * ~10,000 messages of the development sets, the most English a message the detector reads as Spanish gets
 * is 75% of its words ("can I pay con tarjeta? y hay estacionamiento?"); test/language/messageLanguage.test.ts
 * checks that the shortcut changes no decision there.
 */
import { Spelling } from './Spelling';

interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

/** Fewer words than this say too little to tell a language from a name or a typo. */
const MIN_WORDS = 3;
/**
 * Plainly English: at least this share of the words are English words. Below seven words that is all of
 * them, so a short question such as "what is sciatica" (often a conversation's first) needs no detector.
 */
const PLAIN_ENGLISH_SHARE = 0.85;
const LETTERS = /\p{L}+/gu;

let english: Spelling | undefined;

/** Whether nearly every word of the message is an English word: no language detector needed. */
export function isPlainlyEnglish(text: string): boolean {
  const words = text.toLowerCase().match(LETTERS) ?? [];
  if (words.length < MIN_WORDS) return false;
  english ??= new Spelling([]);
  const allowedOthers = Math.floor(words.length * (1 - PLAIN_ENGLISH_SHARE) + 1e-9);
  let others = 0;
  for (const word of words) if (!english.isKnownEnglish(word) && ++others > allowedOthers) return false;
  return true;
}

export class MessageLanguage {
  private detector: Detector | undefined;
  private loading: Promise<void> | undefined;

  private constructor() {}

  /** Loads the detector's data (the extra-small set, ~0.2 s of CPU) now. */
  static async load(): Promise<MessageLanguage> {
    const language = new MessageLanguage();
    await language.warm();
    return language;
  }

  /**
   * Not loaded yet: the server starts without it and warms it after start-up (`warm`), since plainly
   * English messages never need it. A turn whose message does need it first waits for `readyFor`.
   */
  static later(): MessageLanguage {
    return new MessageLanguage();
  }

  /** Loads the detector, once. */
  warm(): Promise<void> {
    this.loading ??= import('eld/extrasmall').then(({ eld }) => {
      this.detector = eld as Detector;
    });
    return this.loading;
  }

  /** Nothing when `isSpanish(text)` can answer now; else the load it must wait for (then started). */
  readyFor(text: string): Promise<void> | undefined {
    if (this.detector !== undefined || !this.needsDetector(text)) return undefined;
    return this.warm();
  }

  isSpanish(text: string): boolean {
    if (!this.needsDetector(text)) return false;
    // Only a text no turn waited for (a turn waits for its message's, see readyFor): read as English meanwhile.
    if (this.detector === undefined) {
      this.warm().catch(() => undefined);
      return false;
    }
    const result = this.detector.detect(text);
    return result.language === 'es' && result.isReliable();
  }

  private needsDetector(text: string): boolean {
    return text.trim().split(/\s+/).length >= MIN_WORDS && !isPlainlyEnglish(text);
  }
}
