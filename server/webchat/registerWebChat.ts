/**
 * The web part of the channels capability, registered on the bot's HTTP server with one call from
 * startBot: the chat page and embed widget, the same-origin chat endpoints (no Azure needed), and
 * the Direct Line token exchange used in production.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type * as restify from 'restify';
import type { BotConfig } from '../../config/BotConfig';
import type { Logger } from '../../config/logger';
import { RateLimiter } from '../RateLimiter';
import type { SafetyGate } from '../SafetyFirstBudget';
import { registerDirectLineToken } from './directLineToken';
import { OriginPolicy } from './OriginPolicy';
import { brandContrastWarnings } from './pageConfig';
import { webChatSigningKey } from './signingKey';
import { WebChatTokens } from './WebChatTokens';
import { WebChatTurns } from './WebChatTurns';
import { registerWebChatApi } from './webChatApi';
import { registerWebChatPages } from './webChatPages';

export interface WebChatParts {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly adapter: CloudAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  /** Shown in the chat when a patient is rate-limited (ConversationWording.tooFast). */
  readonly tooFast: string;
  /** The text of the bot's welcome, which the page shows before Web Chat has loaded. */
  readonly welcome: string;
  readonly safety: SafetyGate;
}

/** Returns what loads the Web Chat bundle into memory, for after start-up (webChatPages). */
export function registerWebChat(server: restify.Server, parts: WebChatParts): () => void {
  const { config, logger } = parts;
  const origins = new OriginPolicy(config.allowedOrigins);
  // One budget per client address across all web endpoints.
  const addressLimiter = new RateLimiter(config.webRequestsPerMinutePerAddress);
  // A token lives as long as the conversation state it leads to.
  const tokens = new WebChatTokens(webChatSigningKey(config, logger), config.stateTtlHours * 3600);
  const turns = new WebChatTurns(parts.adapter, config.practiceName, config.microsoftAppId, parts.runTurn);

  const warmWebChatBundle = registerWebChatPages(server, config, logger, parts.welcome);
  registerWebChatApi(server, { config, logger, origins, addressLimiter, tokens, turns, tooFast: parts.tooFast, safety: parts.safety });
  registerDirectLineToken(server, { config, logger, origins, addressLimiter, tooFast: parts.tooFast });

  for (const warning of brandContrastWarnings(config)) logger.warn(`${warning}; the chat page uses a darker colour for text.`);
  logger.info({ mode: config.directLineSecret ? 'directline' : 'local', frameAncestors: config.frameAncestors }, 'web chat at /');
  return warmWebChatBundle;
}
