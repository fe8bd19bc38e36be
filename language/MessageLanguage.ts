/**
 * Which language a message is written in, to choose the language of a reply that is not safety advice
 * (`eld`, which ships its n-gram data: right on short texts where franc was not). Safety never waits for
 * this: the red-flag check reads its Spanish concepts on every message, whatever the language.
 */
interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

/** Fewer words than this say too little to tell a language from a name or a typo. */
const MIN_WORDS = 3;

export class MessageLanguage {
  private constructor(private readonly detector: Detector) {}

  /** Loads the detector's data (the extra-small set, ~0.5 s): once, at start-up, never on a patient's turn. */
  static async load(): Promise<MessageLanguage> {
    const { eld } = await import('eld/extrasmall');
    return new MessageLanguage(eld as Detector);
  }

  isSpanish(text: string): boolean {
    if (text.trim().split(/\s+/).length < MIN_WORDS) return false;
    const result = this.detector.detect(text);
    return result.language === 'es' && result.isReliable();
  }
}
