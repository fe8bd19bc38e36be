/**
 * A CancelAndHelpDialog-style base (as in BotBuilder-Samples' core-bot): before a dialog sees an
 * answer, "help" and "privacy" are answered and the question asked again, while "cancel",
 * "start over", "menu" and the like leave the dialog and are handled as they are anywhere else.
 * On SMS, carrier opt-out words are left unanswered and the patient keeps their place.
 * A turn of a dialog returns its TurnOutcome as the DialogTurnResult's `result`.
 */
import { Dialog, DialogTurnStatus, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { TapAnswer } from '../channels/Reply';
import type { ClinicReplies } from '../bot/ClinicReplies';
import type { ConversationWording } from '../bot/ConversationWording';
import type { Intent, IntentRouter } from '../bot/IntentRouter';
import { readTap } from '../bot/readTap';
import { combine, replying, type TurnOutcome } from '../bot/TurnOutcome';

export interface DialogParts {
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  readonly router: IntentRouter;
}

export type OutcomeTurnResult = DialogTurnResult<TurnOutcome>;

/** The dialog waits for the patient's next message; `outcome` is what it says now. */
export function waiting(outcome: TurnOutcome): OutcomeTurnResult {
  return { status: DialogTurnStatus.waiting, result: outcome };
}

export abstract class InterruptibleDialog<Options extends object = object> extends Dialog<Options> {
  constructor(
    dialogId: string,
    protected readonly parts: DialogParts,
  ) {
    super(dialogId);
  }

  async continueDialog(dc: DialogContext): Promise<OutcomeTurnResult> {
    const caps = capabilitiesFor(dc.context.activity.channelId);
    // A tapped button says what it means; only typed text is matched against the phrase lists.
    const tap = readTap(dc.context.activity.value);
    if (tap && 'answer' in tap) return this.onAnswer(dc, tap.answer);
    const intent: Intent = tap && 'command' in tap ? { kind: 'command', command: tap.command } : this.parts.router.route(dc.context.activity.text ?? '', caps.carrierOptOutWords);
    if (intent.kind === 'carrierOptOut') return waiting(replying());
    if (intent.kind !== 'command') return this.onAnswer(dc);

    const { replies, wording } = this.parts;
    switch (intent.command) {
      case 'help':
      case 'privacy':
      // "more" has nothing to add to a short question; leaving would lose the patient's place.
      case 'more':
      case 'checkSymptoms': {
        const text = intent.command === 'privacy' ? wording.privacy : caps.carrierOptOutWords ? wording.smsHelp : wording.help;
        const answered = intent.command === 'help' || intent.command === 'privacy' ? replying(replies.text(text)) : replying();
        return waiting(combine(answered, this.question(dc.activeDialog!)));
      }
      default:
        // Leaving the dialog hands the message back to the turn, which handles the command.
        await dc.cancelAllDialogs();
        return { status: DialogTurnStatus.empty };
    }
  }

  /** The dialog's current question, asked again. */
  protected abstract question(instance: DialogInstance): TurnOutcome;

  /** The patient's reply to the dialog's current question; `tapped` when it was a yes / no / not sure button. */
  protected abstract onAnswer(dc: DialogContext, tapped?: TapAnswer): Promise<OutcomeTurnResult>;
}
