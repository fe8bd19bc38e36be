/**
 * One table of what each channel can show. The renderer reads it; nothing else asks which channel
 * a turn came from. Unknown channels get what botbuilder-dialogs' channel table says they support.
 */
import { Channels } from 'botbuilder';
// The channel table alone: botbuilder-dialogs' index loads every prompt and its recognizers (~0.7 s at start).
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs/lib/choices/channel';

export interface ChannelCapabilities {
  /** How choices are offered: tappable chips, card buttons, or "1. …" lines answered with a number. */
  readonly choices: 'suggestedActions' | 'heroCard' | 'numberedList';
  /** Most choices shown at once. */
  readonly maxChoices: number;
  /** Links and the call button as card buttons, or written out as plain text. */
  readonly cards: boolean;
  /** tel: buttons: Web Chat's `call` action, or an openUrl to a tel: URI (Teams has no `call`). */
  readonly callButton: 'call' | 'openUrl' | 'none';
  /** Safety advice marked for the page to show as an alert (channelData.safetyAlert); our own chat page reads it. */
  readonly safetyAlerts?: boolean;
  readonly markdown: boolean;
  /** Longest text of one message; longer replies are split. */
  readonly maxMessageChars: number;
  /**
   * Plain-text channels where every message costs the patient and the practice (SMS): a reply longer
   * than this many SMS parts (smsSegments) is cut at a sentence and the rest waits for "more".
   * Safety advice is never cut.
   */
  readonly preferredSegments?: number;
  /** Most buttons on one card: links and the call button first, then choices. */
  readonly maxCardButtons: number;
  /** Trace activities (FaqMatch, RedFlag) are for the Emulator only: an allowlist. */
  readonly traces: boolean;
  /** Channels that send no conversationUpdate get a one-line introduction with the first reply. */
  readonly sendsConversationUpdate: boolean;
  /** SMS: booking links in a message of their own, so they are easy to tap. */
  readonly linksInOwnMessage: boolean;
  /** SMS: STOP, CANCEL and the like are carrier opt-out words, never offered as commands. */
  readonly carrierOptOutWords: boolean;
}

const webChat: ChannelCapabilities = {
  choices: 'suggestedActions',
  maxChoices: 6,
  cards: true,
  callButton: 'call',
  markdown: true,
  maxMessageChars: 4000,
  maxCardButtons: 6,
  traces: false,
  sendsConversationUpdate: true,
  linksInOwnMessage: false,
  carrierOptOutWords: false,
};

const table: Readonly<Record<string, ChannelCapabilities>> = {
  // Our own chat page (local or through Azure Direct Line) shows safety advice as an alert.
  [Channels.Webchat]: { ...webChat, safetyAlerts: true },
  [Channels.Directline]: { ...webChat, safetyAlerts: true },
  [Channels.Emulator]: { ...webChat, traces: true },
  // Teams shows at most 3 suggested actions and only on some clients: hero card buttons instead,
  // at most 6 per hero card (Teams cards reference). Its message limit is about 28 KB; 4,000
  // characters keeps cards well inside it.
  [Channels.Msteams]: { ...webChat, choices: 'heroCard', callButton: 'openUrl' },
  // Twilio SMS: plain text, joined by Twilio up to 1,600 characters. Aim for 3 parts (459 GSM-7
  // characters, 201 in UCS-2), which holds a typical answer, so it does not arrive as a wall of text.
  [Channels.Sms]: {
    choices: 'numberedList',
    maxChoices: 6,
    cards: false,
    callButton: 'none',
    markdown: false,
    maxMessageChars: 1600,
    preferredSegments: 3,
    maxCardButtons: 0,
    traces: false,
    sendsConversationUpdate: false,
    linksInOwnMessage: true,
    carrierOptOutWords: true,
  },
};

export function capabilitiesFor(channelId: string): ChannelCapabilities {
  const known = table[channelId];
  if (known) return known;
  const cards = supportsCardActions(channelId, 3);
  return {
    ...webChat,
    choices: supportsSuggestedActions(channelId, 3) ? 'suggestedActions' : cards ? 'heroCard' : 'numberedList',
    cards,
    callButton: cards ? 'openUrl' : 'none',
    markdown: false,
  };
}
