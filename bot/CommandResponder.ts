/**
 * What the patient's commands do outside a dialog: the safety check, help and the menu, "more" on
 * SMS, cancel and start over, the privacy notice, and "forget me".
 */
import { capabilitiesFor } from '../channels/ChannelCapabilities';
import type { KnowledgeBase } from '../faq/KnowledgeBase';
import type { ClinicReplies } from './ClinicReplies';
import type { CommandName, ConversationWording } from './ConversationWording';
import type { PatientMessage } from './PatientMessage';
import type { Screening } from './Screening';
import type { SessionState } from './SessionState';
import { combine, outcome, replying, type TurnOutcome } from './TurnOutcome';

export interface CommandParts {
  readonly replies: ClinicReplies;
  readonly wording: ConversationWording;
  readonly knowledge: () => KnowledgeBase;
  readonly screening: Pick<Screening, 'begin'>;
  /** LOG_TRANSCRIPTS: "forget me" then says what it cannot reach. */
  readonly logTranscripts: boolean;
}

export class CommandResponder {
  constructor(private readonly parts: CommandParts) {}

  run(message: PatientMessage, session: SessionState, command: CommandName): TurnOutcome {
    const { replies, wording } = this.parts;
    const kb = this.parts.knowledge();
    const caps = capabilitiesFor(message.channelId);
    switch (command) {
      case 'checkSymptoms':
        return combine(outcome({ events: [{ kind: 'screeningStarted' }] }), this.parts.screening.begin(session));
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
        // SciaticaBot deletes the conversation's state and questions before the confirmation goes out.
        const said = [wording.forgotten, ...(this.parts.logTranscripts ? [wording.forgottenExceptLogs] : [])].map((text) =>
          replies.say(text),
        );
        return outcome({ forgotten: said.join('\n\n') });
      }
    }
  }
}
