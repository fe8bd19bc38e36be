/**
 * Assembles the bot from configuration and loaded data: state, dialogs, the safety stage, the
 * knowledge base, the router and the replies. No HTTP here, so tests and the terminal chat build
 * exactly the bot that the server runs.
 */
import { ConversationState, type Storage } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import type { MessageLanguage } from '../language/MessageLanguage';
import type { BotConfig } from '../config/BotConfig';
import type { Logger } from '../config/logger';
import { ScreeningDialog } from '../dialogs/ScreeningDialog';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase';
import { RedFlagDetector } from '../safety/RedFlagDetector';
import type { RedFlagRules } from '../safety/RedFlagRules';
import { ClinicReplies } from './ClinicReplies';
import type { ConversationWording } from './ConversationWording';
import { IntentRouter } from './IntentRouter';
import type { MessageTurnServices } from './MessageTurn';
import { SafetyEscalation } from './SafetyEscalation';
import { SciaticaBot } from './SciaticaBot';
import { createAccessors } from './SessionState';
import { ignoreTurnEvents, type TurnEventSink } from './TurnEvents';

export interface BotParts {
  readonly config: BotConfig;
  readonly storage: Storage;
  readonly rules: RedFlagRules;
  readonly wording: ConversationWording;
  /** Returns the knowledge base in force; hot reload swaps what it returns between turns. */
  readonly knowledge: () => KnowledgeBase;
  readonly events?: TurnEventSink;
  readonly logger: Logger;
  /** Tells Spanish messages apart, for a reply in Spanish; without it every message is read as English. */
  readonly language?: MessageLanguage;
}

export interface AssembledBot {
  readonly bot: SciaticaBot;
  readonly services: MessageTurnServices;
}

export function createBot(parts: BotParts): AssembledBot {
  const { config, rules, wording } = parts;
  const conversationState = new ConversationState(parts.storage);
  const accessors = createAccessors(conversationState);
  const replies = new ClinicReplies(wording, config, rules.disclaimer, rules.translations.es.otherLanguageReply);
  const events = parts.events ?? ignoreTurnEvents;
  const escalations = new SafetyEscalation(rules, replies, accessors, parts.logger);
  const dialogs = new DialogSet(accessors.dialogState);
  const services: MessageTurnServices = {
    config,
    conversationState,
    accessors,
    dialogs,
    detector: new RedFlagDetector(rules),
    escalations,
    knowledge: parts.knowledge,
    router: new IntentRouter(wording, parts.language),
    replies,
    wording,
    events,
  };
  dialogs.add(new ScreeningDialog(services, rules.screening));
  return { bot: new SciaticaBot(services), services };
}
