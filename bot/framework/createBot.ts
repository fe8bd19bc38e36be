/**
 * Assembles the bot from configuration and loaded data: state, dialogs, the safety stage, the
 * knowledge base, the router and the replies. No HTTP here, so tests and the terminal chat build
 * exactly the bot that the server runs. The one file of bot/ that imports dialogs/: it hands the
 * screening, which builds on the turn's pieces, to the turn.
 */
import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';
import { ScreeningDialog } from '../../dialogs/ScreeningDialog';
import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import type { MessageLanguage } from '../../language/MessageLanguage';
import { RedFlagDetector } from '../../safety/RedFlagDetector';
import type { RedFlagRules } from '../../safety/RedFlagRules';
import { withConflictRetry } from '../../storage/withConflictRetry';
import { ignoreTurnEvents, type TurnEventSink } from '../../usage/TurnEvents';
import { ClinicReplies } from '../ClinicReplies';
import { CommandResponder } from '../CommandResponder';
import type { ConversationWording } from '../ConversationWording';
import { FaqResponder } from '../FaqResponder';
import { IntentRouter } from '../IntentRouter';
import { MessageTurn } from '../MessageTurn';
import { SafetyEscalation } from '../SafetyEscalation';
import { YesNoRecogniser } from '../YesNoRecogniser';
import { createAccessors } from './ConversationAccessors';
import { RedFlagCheck } from './RedFlagCheck';
import { SaveAfterReply } from './SaveAfterReply';
import { SciaticaBot } from './SciaticaBot';
import { TurnDelivery } from './TurnDelivery';
import { createTurnErrorHandler } from './TurnErrorHandler';

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

/** What the HTTP layer needs from the bot. */
export interface AssembledBot {
  /** One turn; a turn that lost a state race runs once more on the saved state. */
  readonly runTurn: (context: TurnContext) => Promise<void>;
  /** The adapter's error boundary: logs, apologises, ends a running screening. */
  readonly onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** The red-flag check of a message, made once (the rate limit may ask first), and its advice as plain text. */
  readonly safety: {
    check(text: string): RedFlagCheck;
    advice(check: RedFlagCheck): string;
  };
  /** Resolves when the escalations being saved after their replies are saved (for shutdown). */
  settled(): Promise<void>;
  /** The clinic's wording with the practice's details filled in (tests compare replies with it). */
  readonly replies: ClinicReplies;
  /** The knowledge base in force (tests pick their questions from it). */
  readonly knowledge: () => KnowledgeBase;
  /** The detector every check uses (tests count its calls). */
  readonly detector: RedFlagDetector;
}

/** The turn's own pieces: no Bot Framework in them, so tests can drive a turn with plain values. */
export interface AssembledTurn {
  readonly messageTurn: MessageTurn;
  readonly detector: RedFlagDetector;
  readonly escalations: SafetyEscalation;
  readonly replies: ClinicReplies;
}

export function createTurn(parts: Omit<BotParts, 'storage' | 'logger'>): AssembledTurn {
  const { config, rules, wording, knowledge } = parts;
  const replies = new ClinicReplies(wording, config, rules.disclaimer, rules.translations.es.otherLanguageReply);
  const escalations = new SafetyEscalation(rules, replies, parts.events ?? ignoreTurnEvents);
  const router = new IntentRouter(wording, parts.language);
  const yesNo = new YesNoRecogniser(wording.yesNo);
  const screening = new ScreeningDialog({ replies, wording, router, yesNo, escalations }, rules.screening);
  const messageTurn = new MessageTurn({
    screening,
    escalations,
    router,
    yesNo,
    commands: new CommandResponder({ replies, wording, knowledge, screening, logTranscripts: config.logTranscripts }),
    faq: new FaqResponder(replies, wording, router, knowledge),
    replies,
    wording,
    knowledge,
    smsIdleHours: config.smsIdleHours,
  });
  return { messageTurn, detector: new RedFlagDetector(rules), escalations, replies };
}

export function createBot(parts: BotParts): AssembledBot {
  const { wording, knowledge, logger } = parts;
  const { messageTurn, detector, escalations, replies } = createTurn(parts);
  const conversationState = new ConversationState(parts.storage);
  const accessors = createAccessors(conversationState);
  const events = parts.events ?? ignoreTurnEvents;
  const afterReply = new SaveAfterReply(conversationState, accessors, logger);
  const delivery = new TurnDelivery(
    {
      introduction: replies.introduction(),
      reminderFor: (session) => escalations.reminder(session),
      practiceDetails: replies.say(wording.bookingDetails),
      replyWithNumber: wording.replyWithNumber,
      moreHint: wording.moreHint,
    },
    events,
  );
  const bot = new SciaticaBot({
    messageTurn,
    detector,
    escalations,
    delivery,
    conversationState,
    accessors,
    afterReply,
    events,
    replies,
    knowledge,
  });
  const runTurn = withConflictRetry((context, attempt) => bot.run(context, attempt), { conversationState, logger });
  return {
    // The language detector may still be loading after a restart: the rare message that needs it waits for it.
    runTurn: async (context) => {
      const { text } = context.activity;
      const loading = parts.language?.readyFor(typeof text === 'string' ? text : '');
      if (loading) await loading;
      return runTurn(context);
    },
    onTurnError: createTurnErrorHandler({ logger, conversationState, accessors, apology: replies.say(wording.turnError) }),
    safety: {
      check: (text) => new RedFlagCheck(detector, text),
      advice: ({ assessment }) => (assessment.kind === 'clear' ? '' : escalations.adviceFor(assessment)),
    },
    settled: () => afterReply.settled(),
    replies,
    knowledge,
    detector,
  };
}
