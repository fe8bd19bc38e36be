/**
 * What the patient's commands do outside a dialog: the safety check, help and the menu, "more" on
 * SMS, cancel and start over, the privacy notice, and "forget me".
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import type { ClinicReplies } from './ClinicReplies';
import type { CommandName, ConversationWording } from './ConversationWording';
import type { Screening } from './Screening';
import type { SessionState } from './SessionState';
import type { TurnEventSink } from '../knowledge/usage/TurnEvents';
import { combine, outcome, replying, type TurnOutcome } from './TurnOutcome';

export interface CommandParts {
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  readonly knowledge: () => KnowledgeBase;
  readonly screening: Pick<Screening, 'begin'>;
  /** "Forget me" deletes the conversation's state... */
  readonly conversationState: ConversationState;
  /** ...and what the usage log kept of its questions. */
  readonly events: Pick<TurnEventSink, 'forget'>;
  /** LOG_TRANSCRIPTS: "forget me" then says what it cannot reach. */
  readonly logTranscripts: boolean;
}

export class CommandResponder {
  constructor(private readonly parts: CommandParts) {}

  async run(context: TurnContext, dc: DialogContext, session: SessionState, command: CommandName): Promise<TurnOutcome> {
    const { replies, wording } = this.parts;
    const kb = this.parts.knowledge();
    const caps = capabilitiesFor(context.activity.channelId);
    switch (command) {
      case 'checkSymptoms': {
        return combine(outcome({ events: [{ kind: 'screeningStarted' }] }), await this.parts.screening.begin(dc));
      }
      case 'help':
        return replying(replies.text(caps.carrierOptOutWords ? wording.smsHelp : wording.help));
      case 'menu':
        // On SMS the carrier may answer HELP itself, so MENU is where the bot's own help is found.
        return replying(...(caps.carrierOptOutWords ? [replies.text(wording.smsHelp)] : []), replies.topics(wording.askAway, kb));
      case 'more':
        return replying(...(session.more?.length ? session.more : [replies.topics(wording.askAway, kb)]));
      case 'cancel':
        return replying(replies.text(wording.cancelled));
      case 'startOver':
        session.lastEntryId = undefined;
        return replying(replies.text(wording.startedOver), replies.topics(wording.askAway, kb));
      case 'privacy':
        return replying(replies.text(wording.privacy));
      case 'noneOfThese':
        return replying(replies.text(wording.noneOfTheseReply));
      case 'forgetMe': {
        await this.parts.conversationState.delete(context);
        await this.parts.events.forget(context.activity.channelId, context.activity.conversation.id);
        // Deleting cleared the cached state too: the confirmation goes out without the session policy.
        const said = [wording.forgotten, ...(this.parts.logTranscripts ? [wording.forgottenExceptLogs] : [])].map((text) => replies.say(text));
        return outcome({ forgotten: said.join('\n\n') });
      }
    }
  }
}
