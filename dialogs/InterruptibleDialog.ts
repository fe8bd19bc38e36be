/**
 * A CancelAndHelpDialog-style base (as in BotBuilder-Samples' core-bot): before a dialog sees an
 * answer, "help" and "privacy" are answered and the question asked again, while "cancel",
 * "start over", "menu" and the like leave the dialog and are handled as they are anywhere else.
 * On SMS, carrier opt-out words are left unanswered and the patient keeps their place.
 */
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import { Outbox } from '../bot/Outbox';
import type { Intent } from '../bot/IntentRouter';
import { readTap } from '../bot/readTap';
import type { TapAnswer } from '../channels/Reply';
import type { MessageTurnServices } from '../bot/MessageTurn';

export abstract class InterruptibleDialog<Options extends object = object> extends Dialog<Options> {
  constructor(
    dialogId: string,
    protected readonly services: MessageTurnServices,
  ) {
    super(dialogId);
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const caps = capabilitiesFor(dc.context.activity.channelId);
    // A tapped button says what it means; only typed text is matched against the phrase lists.
    const tap = readTap(dc.context.activity.value);
    if (tap && 'answer' in tap) return this.onAnswer(dc, tap.answer);
    const intent: Intent = tap && 'command' in tap ? { kind: 'command', command: tap.command } : this.services.router.route(dc.context.activity.text ?? '', caps.carrierOptOutWords);
    if (intent.kind === 'carrierOptOut') return Dialog.EndOfTurn;
    if (intent.kind !== 'command') return this.onAnswer(dc);

    const { replies, wording } = this.services;
    switch (intent.command) {
      case 'help':
      case 'privacy':
      // "more" has nothing to add to a short question; leaving would lose the patient's place.
      case 'more':
      case 'checkSymptoms': {
        const text = intent.command === 'privacy' ? wording.privacy : caps.carrierOptOutWords ? wording.smsHelp : wording.help;
        if (intent.command === 'help' || intent.command === 'privacy') Outbox.for(dc.context).add(replies.text(text));
        await this.repromptDialog(dc.context, dc.activeDialog!);
        return Dialog.EndOfTurn;
      }
      default:
        // Leaving the dialog hands the message back to the turn, which handles the command.
        await dc.cancelAllDialogs();
        return { status: DialogTurnStatus.empty };
    }
  }

  /** The patient's reply to the dialog's current question; `tapped` when it was a yes / no / not sure button. */
  protected abstract onAnswer(dc: DialogContext, tapped?: TapAnswer): Promise<DialogTurnResult>;
}
