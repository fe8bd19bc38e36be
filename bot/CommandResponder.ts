/**
 * What the patient's commands do outside a dialog: the safety check, help and the menu, "more" on
 * SMS, cancel and start over, the privacy notice, and "forget me". Help and privacy are notices, one
 * table (`notice`) that the screening answers from too before it asks its question again.
 */
import { type ChannelCapabilities, capabilitiesFor } from '../channels/ChannelCapabilities';
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

/** The commands answered with a notice alone, wherever the patient is. */
export type NoticeCommand = Extract<CommandName, 'help' | 'privacy'>;

const NOTICES: Readonly<Record<NoticeCommand, (wording: ConversationWording, caps: ChannelCapabilities) => string>> = {
  // On SMS, help names the words to text (CHECK, BOOK, MENU): there are no buttons to tap.
  help: (wording, caps) => (caps.carrierOptOutWords ? wording.smsHelp : wording.help),
  privacy: (wording) => wording.privacy,
};

/** The notice's wording for the channel, placeholders not yet filled. */
export function notice(command: NoticeCommand, wording: ConversationWording, caps: ChannelCapabilities): string {
  return NOTICES[command](wording, caps);
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
      case 'privacy':
        return replying(replies.text(notice(command, wording, caps)));
      case 'menu':
        // On SMS the carrier may answer HELP itself, so MENU is where the bot's own help is found.
        return replying(
          ...(caps.carrierOptOutWords ? [replies.text(notice('help', wording, caps))] : []),
          replies.topics(wording.askAway, kb),
        );
      case 'more':
        return replying(...(session.more?.length ? session.more : [replies.topics(wording.askAway, kb)]));
      case 'cancel':
        return replying(replies.text(wording.cancelled));
      case 'startOver':
        session.lastEntryId = undefined;
        return replying(replies.text(wording.startedOver), replies.topics(wording.askAway, kb));
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
