/**
 * The bot's everyday wording and trigger phrases (`knowledge/conversation.json`), loaded once at
 * start-up. Safety wording lives in the red-flag rules file instead, where a clinician reviews it.
 */
import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../config/environment';

export const CONVERSATION_WORDING_PATH = fromPackageRoot('knowledge/conversation.json');

export interface SmallTalkTopic {
  readonly id: string;
  readonly patterns: readonly string[];
  readonly reply: string;
}

export type CommandName = 'startOver' | 'cancel' | 'help' | 'menu' | 'more' | 'forgetMe' | 'privacy' | 'checkSymptoms' | 'noneOfThese';

export interface ConversationWording {
  readonly welcome: string;
  readonly introduction: string;
  readonly askAway: string;
  readonly popularTopics: readonly string[];
  readonly noAnswer: string;
  /** For a message about another body part, condition or species (knowledge/out-of-domain.json). */
  readonly outOfDomain: string;
  readonly didYouMean: string;
  readonly noneOfThese: string;
  readonly noneOfTheseReply: string;
  readonly followUps: string;
  readonly bookingOffer: string;
  readonly bookingDetails: string;
  readonly bookFirstSession: string;
  readonly scheduleDiscoveryCall: string;
  readonly help: string;
  readonly smsHelp: string;
  readonly cancelled: string;
  readonly startedOver: string;
  readonly turnError: string;
  readonly tooFast: string;
  readonly privacy: string;
  readonly forgotten: string;
  /** Added to `forgotten` while LOG_TRANSCRIPTS is on: what "forget me" cannot reach. */
  readonly forgottenExceptLogs: string;
  readonly offerSafetyCheck: string;
  readonly safetyCheckChoice: string;
  /** Said before a screening question is asked again. */
  readonly notUnderstood: string;
  readonly commands: Readonly<Record<CommandName, readonly string[]>>;
  readonly carrierOptOutWords: readonly string[];
  readonly booking: { readonly patterns: readonly string[] };
  /** A patient describing their own symptoms, e.g. "my leg has been burning for weeks". */
  readonly symptomReport: { readonly patterns: readonly string[] };
  readonly smallTalk: readonly SmallTalkTopic[];
  /** Labels of the yes / no / not sure choices offered with safety questions. */
  readonly answerChoices: { readonly yes: string; readonly no: string; readonly unsure: string };
  /** Typed answers that skip a screening context question (how long, how bad, age). */
  readonly screeningSkipWords: { readonly words: readonly string[] };
  readonly yesNo: YesNoWords;
  /** After a numbered list of choices on plain-text channels. */
  readonly replyWithNumber: string;
  /** Ends the first part of a reply cut short on SMS. */
  readonly moreHint: string;
}

/** The patterns a typed yes, no or not sure starts with (recogniseYesNo). */
export interface YesNoWords {
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly unsure: readonly string[];
  /** May come before a "not sure" phrase: "i'm", "i am". */
  readonly unsureLeadIns: readonly string[];
}

const textFields = [
  'welcome',
  'introduction',
  'askAway',
  'noAnswer',
  'outOfDomain',
  'didYouMean',
  'noneOfThese',
  'noneOfTheseReply',
  'followUps',
  'bookingOffer',
  'bookingDetails',
  'bookFirstSession',
  'scheduleDiscoveryCall',
  'help',
  'smsHelp',
  'cancelled',
  'startedOver',
  'turnError',
  'tooFast',
  'privacy',
  'forgotten',
  'forgottenExceptLogs',
  'offerSafetyCheck',
  'safetyCheckChoice',
  'notUnderstood',
  'replyWithNumber',
  'moreHint',
] as const;

export function loadConversationWording(path: string): ConversationWording {
  const wording = JSON.parse(readFileSync(path, 'utf8')) as ConversationWording;
  for (const field of textFields) {
    if (typeof wording[field] !== 'string' || !wording[field].trim()) throw new Error(`${path}: "${field}" must be non-empty text`);
  }
  const patterns = [
    ...wording.booking.patterns,
    ...wording.symptomReport.patterns,
    ...wording.smallTalk.flatMap((topic) => topic.patterns),
    ...wording.yesNo.yes,
    ...wording.yesNo.no,
    ...wording.yesNo.unsure,
    ...wording.yesNo.unsureLeadIns,
  ];
  for (const pattern of patterns) {
    try {
      new RegExp(pattern);
    } catch {
      throw new Error(`${path}: the pattern "${pattern}" is not a valid regular expression`);
    }
  }
  return wording;
}
