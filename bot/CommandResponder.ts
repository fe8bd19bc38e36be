/**
 * What the patient's commands do outside a dialog: the safety check, help and the menu, "more" on
 * SMS, cancel and start over, the privacy notice, and "forget me".
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import { SCREENING_DIALOG } from '../dialogs/ScreeningDialog';
import type { CommandName } from './ConversationWording';
import type { MessageTurnServices } from './MessageTurn';
import { Outbox } from './Outbox';
import { TurnEventLog } from './TurnEvents';

export class CommandResponder {
  constructor(private readonly services: MessageTurnServices) {}

  async run(context: TurnContext, dc: DialogContext, command: CommandName): Promise<void> {
    const { replies, wording } = this.services;
    const outbox = Outbox.for(context);
    const kb = this.services.knowledge();
    const caps = capabilitiesFor(context.activity.channelId);
    switch (command) {
      case 'checkSymptoms':
        TurnEventLog.for(context).add({ kind: 'screeningStarted' });
        await dc.beginDialog(SCREENING_DIALOG);
        return;
      case 'help':
        return outbox.add(replies.text(caps.carrierOptOutWords ? wording.smsHelp : wording.help));
      case 'menu':
        // On SMS the carrier may answer HELP itself, so MENU is where the bot's own help is found.
        if (caps.carrierOptOutWords) outbox.add(replies.text(wording.smsHelp));
        return outbox.add(replies.topics(wording.askAway, kb));
      case 'more': {
        const { more } = await this.services.accessors.session.get(context, {});
        return outbox.add(...(more?.length ? more : [replies.topics(wording.askAway, kb)]));
      }
      case 'cancel':
        return outbox.add(replies.text(wording.cancelled));
      case 'startOver':
        (await this.services.accessors.session.get(context, {})).lastEntryId = undefined;
        return outbox.add(replies.text(wording.startedOver), replies.topics(wording.askAway, kb));
      case 'privacy':
        return outbox.add(replies.text(wording.privacy));
      case 'noneOfThese':
        return outbox.add(replies.text(wording.noneOfTheseReply));
      case 'forgetMe': {
        await this.services.conversationState.delete(context);
        await this.services.events.forget(context.activity.channelId, context.activity.conversation.id);
        // Deleting cleared the cached state too; the confirmation is sent without reading it again.
        // The chat page drops its own copy of the conversation when it sees `conversationForgotten`.
        const said = [wording.forgotten, ...(this.services.config.logTranscripts ? [wording.forgottenExceptLogs] : [])].map((text) => replies.say(text));
        await context.sendActivity({ type: 'message', text: said.join('\n\n'), channelData: { conversationForgotten: true } });
        return;
      }
    }
  }
}
