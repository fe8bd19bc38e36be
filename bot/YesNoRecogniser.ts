/**
 * Understands a yes/no answer in a patient's own words: first the clinic's phrase lists
 * (knowledge/conversation.json `yesNo`), then recognizers-text-suite 1.3.1, which understands more
 * (botbuilder-dialogs' ConfirmPrompt pins an older recognizer that rejects "yeah"). "Not sure" is
 * its own answer: on a safety question it counts as a yes.
 */
import { recognizers } from '../language/recognizers';
import type { YesNoWords } from './ConversationWording';
import { normalisePhrase } from './IntentRouter';

export type YesNo = 'yes' | 'no' | 'unsure';

export class YesNoRecogniser {
  private readonly unsure: RegExp;
  private readonly no: RegExp;
  private readonly yes: RegExp;

  constructor(words: YesNoWords) {
    this.unsure = new RegExp(`^(?:${words.unsureLeadIns.join('|')})?${startOf(words.unsure)}`);
    this.no = new RegExp(`^${startOf(words.no)}`);
    this.yes = new RegExp(`^${startOf(words.yes)}`);
  }

  /** `numbered` are the choices offered as "1. Yes / 2. No / 3. Not sure" on plain-text channels. */
  recognise(text: string, numbered: readonly YesNo[] = ['yes', 'no', 'unsure']): YesNo | undefined {
    const phrase = normalisePhrase(text);
    if (/^\d$/.test(phrase)) return numbered[Number(phrase) - 1];
    if (this.unsure.test(phrase)) return 'unsure';
    if (this.no.test(phrase)) return 'no';
    if (this.yes.test(phrase)) return 'yes';
    const { recognizeBoolean, Culture } = recognizers();
    const [result] = recognizeBoolean(phrase, Culture.English);
    if (result && typeof result.resolution?.value === 'boolean') return result.resolution.value ? 'yes' : 'no';
    return undefined;
  }
}

/** One of the phrases, ending where a word ends. */
function startOf(phrases: readonly string[]): string {
  return `(?:${phrases.join('|')})\\b`;
}
