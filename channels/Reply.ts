/**
 * A channel-neutral reply: what the bot wants to say, before any channel decides how to show it.
 * Dialogs and the FAQ build these; `ReplyRenderer` turns them into activities for one channel.
 */

/** The commands a button can carry. */
export type TapCommand = 'checkSymptoms' | 'noneOfThese';
/** The answers a yes / no / not sure button carries. */
export type TapAnswer = 'yes' | 'no' | 'unsure';

/**
 * What a tap sends back: what the button means (an entry id, a command, an answer), never text to be
 * matched again against phrase lists staff can edit.
 */
export type Tap = { readonly entryId: string } | { readonly command: TapCommand } | { readonly answer: TapAnswer };

export interface ReplyChoice {
  readonly title: string;
  readonly tap: Tap;
}

export interface ReplyLink {
  readonly title: string;
  readonly url: string;
}

/**
 * Why a reply is sent: `booking` answers a request, `bookingOffer` is the bot's own pitch. The session
 * policy uses it (no pitch after an escalation) and
 * the renderer uses it (booking links in an SMS of their own).
 */
export type ReplyPurpose = 'answer' | 'booking' | 'bookingOffer' | 'escalation' | 'prompt' | 'info';

export interface Reply {
  /** Markdown; the renderer strips it for channels that show plain text. */
  readonly text: string;
  /**
   * Said first, in the same message: the after-escalation reminder or the SMS introduction. Never
   * cut, and on SMS it does not take the room of the reply's own first part.
   */
  readonly lead?: string;
  /** Safety advice (an escalation, the safety check's closing): sent whole, and nothing in its turn waits for MORE. */
  readonly safety?: boolean;
  readonly purpose: ReplyPurpose;
  /** Choices to tap: suggested actions, card buttons or a numbered list, depending on the channel. */
  readonly choices?: readonly ReplyChoice[];
  /** Links to open, e.g. the booking pages. */
  readonly links?: readonly ReplyLink[];
  /** A phone number to call; it is always in `text` too, the button is a convenience. */
  readonly call?: { readonly title: string; readonly number: string };
}
