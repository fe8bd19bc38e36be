/**
 * Understands a yes/no answer in a patient's own words. botbuilder-dialogs' ConfirmPrompt pins an
 * older recognizer that rejects "yeah"; recognizers-text-suite 1.3.1 understands it. "Not sure"
 * is its own answer: on a safety question it counts as a yes.
 */
import { recognizers } from '../language/recognizers';
import { normalisePhrase } from './IntentRouter';

export type YesNo = 'yes' | 'no' | 'unsure';

const UNSURE =
  /^(i'?m |i am )?(not sure|unsure|don'?t know|dunno|i don'?t know|no idea|maybe|possibly|perhaps|kind of|sort of|a bit|a little|not certain|hard to say|can'?t tell|idk)\b/;
const NO = /^(no+|nope|nah|not really|not at all|never|none|negative|i (don'?t|do not|haven'?t|have not)( think so)?)\b/;
const YES = /^(y|ya|yea|yeah|yep|yup|yes+|yess|sure|definitely|absolutely|correct|right|i (do|have|am|did)|i think so|affirmative)\b/;

/** `numbered` are the choices offered as "1. Yes / 2. No / 3. Not sure" on plain-text channels. */
export function recogniseYesNo(text: string, numbered: readonly YesNo[] = ['yes', 'no', 'unsure']): YesNo | undefined {
  const phrase = normalisePhrase(text);
  if (/^\d$/.test(phrase)) return numbered[Number(phrase) - 1];
  if (UNSURE.test(phrase)) return 'unsure';
  if (NO.test(phrase)) return 'no';
  if (YES.test(phrase)) return 'yes';
  const { recognizeBoolean, Culture } = recognizers();
  const [result] = recognizeBoolean(phrase, Culture.English);
  if (result && typeof result.resolution?.value === 'boolean') return result.resolution.value ? 'yes' : 'no';
  return undefined;
}
