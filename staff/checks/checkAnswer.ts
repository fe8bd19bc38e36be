/**
 * Checks one answer the way a patient will see it: its length once {placeholders} are filled, its
 * links, and placeholders the bot does not know (those would reach patients as literal "{name}").
 * The loader already refuses empty answers; these are the problems JSON Schema cannot see.
 */
import { capabilitiesFor } from '../../channels/ChannelCapabilities';
import { toPlainText } from '../../channels/plainText';
import { measureSms } from '../../channels/smsSegments';
import { fillPlaceholders } from '../../config/fillPlaceholders';
import type { Severity } from './CheckFinding';

/** SMS parts sent at once; the renderer holds the rest of a longer answer for MORE. */
const SMS_PARTS = capabilitiesFor('sms').preferredSegments ?? 3;
/** What SMS gateways deliver at most as one (10-part) message; longer answers are cut off. */
export const HARD_LIMIT = 1600;

export interface AnswerProblem {
  readonly severity: Severity;
  /** Plain words about the answer, e.g. `answer links to "htps://x", which is not a web address`. */
  readonly problem: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const MARKDOWN_LINK = /\[([^\]]*)\]\(([^)]*)\)/g;
const BARE_LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s)\]]+/gi;
const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/** `moreHint` ends an SMS answer's first part when the rest waits for MORE (conversation.json). */
export function checkAnswer(answer: string, placeholders: Readonly<Record<string, string>>, moreHint: string): AnswerProblem[] {
  return [...placeholderProblems(answer, placeholders), ...lengthProblems(answer, placeholders, moreHint), ...linkProblems(answer)];
}

function placeholderProblems(answer: string, placeholders: Readonly<Record<string, string>>): AnswerProblem[] {
  const known = Object.keys(placeholders)
    .map((name) => `{${name}}`)
    .join(', ');
  return [...answer.matchAll(PLACEHOLDER)]
    .filter(([, name]) => !Object.hasOwn(placeholders, name))
    .map(([whole]) => ({
      severity: 'error',
      problem: `answer uses ${whole}, which the bot cannot fill in: patients would see "${whole}" as written (the bot knows ${known})`,
    }));
}

/**
 * The hard limit in characters; the SMS warning in real parts of the text as SMS shows it (the
 * renderer's own plain text and budget), when the renderer would hold part of the answer for MORE.
 */
function lengthProblems(answer: string, placeholders: Readonly<Record<string, string>>, moreHint: string): AnswerProblem[] {
  const filledIn = fillPlaceholders(answer, placeholders);
  const length = filledIn.length;
  const filled = /\{\w+\}/.test(answer) ? ' with {placeholders} filled in' : '';
  if (length > HARD_LIMIT) {
    return [
      {
        severity: 'error',
        problem: `answer is ${length} characters${filled}; text messages cut it off after ${HARD_LIMIT}. Shorten it or split it into two entries`,
      },
    ];
  }
  const sms = toPlainText(filledIn);
  // Measured as the first part would be sent, with the MORE hint: what the renderer decides on.
  const { segments, nonGsmCharacters } = measureSms(`${sms}\n\n${moreHint}`);
  if (segments <= SMS_PARTS) return [];
  const perPart = nonGsmCharacters.length
    ? `only 67 characters each, because ${nonGsmCharacters.map((character) => `"${character}"`).join(', ')} ${nonGsmCharacters.length === 1 ? 'is' : 'are'} outside the SMS alphabet: replace ${nonGsmCharacters.length === 1 ? 'it' : 'them'} to fit 153`
    : '153 characters each';
  return [
    {
      severity: 'warning',
      problem: `answer is ${sms.length} characters on SMS${filled}: more than fits in the ${SMS_PARTS} text-message parts sent at once (${perPart}), so SMS patients must reply MORE for the rest`,
    },
  ];
}

function linkProblems(answer: string): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const error = (problem: string) => problems.push({ severity: 'error', problem });
  for (const [whole, label, target] of answer.matchAll(MARKDOWN_LINK)) {
    if (label.trim() === '') error(`answer has a link with no words to click: ${whole}`);
    if (/\s/.test(target.trim()) || target.trim() === '') error(`answer has a link whose address is empty or contains a space: ${whole}`);
    else problems.push(...addressProblems(target.trim()));
  }
  const outsideLinks = answer.replace(MARKDOWN_LINK, ' ');
  if (/\]\s+\(/.test(outsideLinks)) error('answer has "] (" — a link needs "](" with no space, e.g. [Book online](https://…)');
  if (/\]\([^)]*$/.test(outsideLinks)) error('answer has a link that is never closed: "](" without a closing ")"');
  for (const [bare] of outsideLinks.matchAll(BARE_LINK)) problems.push(...addressProblems(bare.replace(/[.,;:!?'"]+$/, '')));
  return problems;
}

function addressProblems(address: string): AnswerProblem[] {
  if (/^www\./i.test(address)) {
    return [
      { severity: 'warning', problem: `answer has "${address}" without https:// in front: some chat apps will not make it clickable` },
    ];
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return [
      { severity: 'error', problem: `answer links to "${address}", which is not a complete web address (it should start with https://)` },
    ];
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) {
    return [{ severity: 'error', problem: `answer links to "${address}": only https://, http://, mailto: and tel: links work in chat` }];
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && !url.hostname.includes('.')) {
    return [{ severity: 'error', problem: `answer links to "${address}", whose site name has no dot (a typo?)` }];
  }
  if (url.protocol === 'http:')
    return [{ severity: 'warning', problem: `answer links to "${address}": use https:// so browsers do not warn patients` }];
  return [];
}
