/**
 * Every setting the bot reads from the environment, parsed and validated once at start-up.
 * A malformed value stops start-up with a message naming the variable; unset values fall back to
 * defaults that let `npm start` run on a laptop with no .env and no cloud account.
 */
import { randomBytes } from 'node:crypto';

export type StorageKind = 'memory' | 'file' | 'blob';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SafetyVariable = 'EMERGENCY_NUMBER' | 'CRISIS_LINE' | 'URGENT_CARE_ADVICE';

const SAFETY_VARIABLES: readonly SafetyVariable[] = ['EMERGENCY_NUMBER', 'CRISIS_LINE', 'URGENT_CARE_ADVICE'];

export interface BotConfig {
  readonly port: number;
  /** The interface listened on: loopback when auth is off, unless ALLOW_ANONYMOUS_ON_NETWORK=true. */
  readonly host: string;
  /** A HOST that was not used because it would have opened auth-off mode to the network. */
  readonly refusedHost?: string;
  readonly allowAnonymousOnNetwork: boolean;
  readonly microsoftAppId: string;
  readonly microsoftAppPassword: string;
  readonly microsoftAppType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly microsoftAppTenantId: string;
  /** True when no app id is configured: development only, Bot Framework auth is off. */
  readonly anonymous: boolean;

  readonly practiceName: string;
  readonly practitionerName: string;
  readonly bookingUrl: string;
  readonly discoveryCallUrl: string;
  /** Adds utm_source=chatbot and utm_medium=<channel> to booking links. */
  readonly bookingUtm: boolean;
  readonly clinicPhone: string;
  readonly clinicHours: string;
  readonly clinicAddress: string;
  readonly emergencyNumber: string;
  readonly urgentCareAdvice: string;
  readonly crisisLine: string;
  /**
   * The safety variables still at their US defaults (EMERGENCY_NUMBER 911, CRISIS_LINE 988,
   * URGENT_CARE_ADVICE) because they were left unset, unless SAFETY_NUMBERS_CONFIRMED=true.
   */
  readonly unconfirmedSafetyDefaults: readonly SafetyVariable[];
  /** The practice's pages the Teams app links to; unset, the booking site's own /, /privacy and /terms. */
  readonly practiceWebsiteUrl: string;
  readonly privacyUrl: string;
  readonly termsUrl: string;

  readonly faqPath: string;
  readonly redFlagsPath: string;
  readonly logLevel: LogLevel;
  readonly logTranscripts: boolean;

  readonly storage: StorageKind;
  readonly storagePath: string;
  readonly blobConnectionString: string;
  readonly blobContainer: string;
  readonly stateTtlHours: number;
  /** Longest wait for one conversation-state read, write or delete before the call counts as failed. */
  readonly storageTimeoutMs: number;
  readonly unansweredRetentionDays: number;
  /** The secret behind the keyed hashes that link unanswered questions to conversations; '' = generated and kept with the log. */
  readonly unansweredLinkKey: string;
  readonly unansweredPath: string;

  /** The FAQ matcher's one length cap (FaqMatcherOptions.maxMessageLength), applied after it has found the question; red-flag detection always sees the full text. */
  readonly maxTextLength: number;
  readonly maxBodyBytes: number;
  readonly turnsPerMinutePerConversation: number;
  /** With auth off: conversations a client address may start per minute. */
  readonly newConversationsPerMinutePerAddress: number;
  /** The larger budget of a conversation whose messages may describe a red flag. */
  readonly redFlagTurnsPerMinute: number;
  readonly webRequestsPerMinutePerAddress: number;
  /** Reverse proxies in front of the bot that append the caller's address to X-Forwarded-For. */
  readonly trustedProxies: number;
  /** After this many idle hours an SMS patient is greeted as new (SMS conversations never end). */
  readonly smsIdleHours: number;

  readonly webchatSigningKey: string;
  /** True when WEBCHAT_SIGNING_KEY was unset and a random development key was generated. */
  readonly webchatSigningKeyGenerated: boolean;
  readonly allowedOrigins: readonly string[];
  readonly frameAncestors: readonly string[];
  readonly directLineSecret: string;
  readonly directLineDomain: string;
  readonly brandColor: string;
  readonly brandAccentColor: string;
  readonly botAvatarUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads one variable; empty strings count as unset so a blank line in .env means "use the default". */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function text(env: Env, name: string, fallback: string): string {
  return read(env, name) ?? fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected a number from ${min} to ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/;

/**
 * With auth off, /api/messages accepts anyone's turns for any conversation id, so the bot listens
 * on loopback unless ALLOW_ANONYMOUS_ON_NETWORK=true says otherwise. HOST=0.0.0.0 alone (as
 * containers and .env files set it) is not that opt-in.
 */
function listenHost(env: Env, anonymous: boolean, allowAnonymousOnNetwork: boolean): { host: string; refusedHost?: string } {
  const requested = read(env, 'HOST');
  if (!anonymous || allowAnonymousOnNetwork) return { host: requested ?? '0.0.0.0' };
  if (requested !== undefined && LOOPBACK.test(requested)) return { host: requested };
  return { host: '127.0.0.1', refusedHost: requested };
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const match = allowed.find((option) => option.toLowerCase() === raw.toLowerCase());
  if (!match) throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  return match;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = text(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `expected an absolute http(s) URL, got "${raw}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(name, `expected an http(s) URL, got "${raw}"`);
  }
  return parsed.toString();
}

function phone(env: Env, name: string, fallback: string): string {
  const raw = text(env, name, fallback);
  if (!/^\+?[0-9][0-9 ()-]{1,20}$/.test(raw)) throw new ConfigError(name, `expected a phone number, got "${raw}"`);
  return raw;
}

/** A page under the website; an invalid website is passed through so the Teams check names its variable. */
function pageOf(path: string, website: string): string {
  try {
    return new URL(path, website.endsWith('/') ? website : `${website}/`).toString();
  } catch {
    return path;
  }
}

function color(env: Env, name: string, fallback: string): string {
  const raw = text(env, name, fallback);
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) throw new ConfigError(name, `expected a colour like #1f5f8b, got "${raw}"`);
  return raw;
}

function origins(env: Env, name: string, fallback: string[]): string[] {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  return raw.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    if (item === "'self'" || item === "'none'") return item;
    // A shell drops the quotes of FRAME_ANCESTORS='self',https://… unless the whole value is quoted.
    if (item === 'self' || item === 'none') {
      throw new ConfigError(name, `write '${item}' with its single quotes; in a shell, quote the whole value: ${name}="'${item}',https://www.your-practice.example"`);
    }
    try {
      const parsed = new URL(item);
      if (parsed.origin === 'null') throw new Error('opaque');
      return parsed.origin;
    } catch {
      throw new ConfigError(name, `expected comma-separated origins like https://clinic.example, got "${item}"`);
    }
  });
}

export function loadConfig(env: Env = process.env): BotConfig {
  const port = integer(env, 'PORT', 3978, 0, 65535);
  const microsoftAppId = text(env, 'MicrosoftAppId', '');
  const signingKey = read(env, 'WEBCHAT_SIGNING_KEY');
  if (signingKey !== undefined && signingKey.length < 32) {
    throw new ConfigError('WEBCHAT_SIGNING_KEY', 'must be at least 32 characters');
  }
  const unansweredLinkKey = read(env, 'UNANSWERED_LINK_KEY') ?? '';
  if (unansweredLinkKey && unansweredLinkKey.length < 32) throw new ConfigError('UNANSWERED_LINK_KEY', 'must be at least 32 characters');
  const storage = oneOf<StorageKind>(env, 'STORAGE', 'file', ['memory', 'file', 'blob']);
  const blobConnectionString = text(env, 'BLOB_CONNECTION_STRING', '');
  if (storage === 'blob' && !blobConnectionString) {
    throw new ConfigError('BLOB_CONNECTION_STRING', 'is required when STORAGE=blob');
  }
  // Blob storage means several instances: each must verify the tokens the others issued.
  if (storage === 'blob' && signingKey === undefined) {
    throw new ConfigError('WEBCHAT_SIGNING_KEY', 'is required when STORAGE=blob (the same value on every instance)');
  }
  const ownOrigin = `http://localhost:${port}`;
  const anonymous = microsoftAppId === '';
  const allowAnonymousOnNetwork = flag(env, 'ALLOW_ANONYMOUS_ON_NETWORK', false);
  const turnsPerMinutePerConversation = integer(env, 'TURNS_PER_MINUTE_PER_CONVERSATION', 30, 1, 100000);
  const redFlagTurnsPerMinute = integer(env, 'RED_FLAG_TURNS_PER_MINUTE', Math.max(60, turnsPerMinutePerConversation), 1, 100000);
  if (redFlagTurnsPerMinute < turnsPerMinutePerConversation) {
    throw new ConfigError('RED_FLAG_TURNS_PER_MINUTE', `must be at least TURNS_PER_MINUTE_PER_CONVERSATION (${turnsPerMinutePerConversation})`);
  }
  const bookingUrl = url(env, 'BOOKING_URL', 'https://booking.example.com/first-session');
  const practiceWebsiteUrl = text(env, 'PRACTICE_WEBSITE_URL', new URL('/', bookingUrl).toString());
  const safetyConfirmed = flag(env, 'SAFETY_NUMBERS_CONFIRMED', false);

  return Object.freeze<BotConfig>({
    port,
    ...listenHost(env, anonymous, allowAnonymousOnNetwork),
    allowAnonymousOnNetwork,
    microsoftAppId,
    microsoftAppPassword: text(env, 'MicrosoftAppPassword', ''),
    microsoftAppType: oneOf(env, 'MicrosoftAppType', 'SingleTenant', ['SingleTenant', 'MultiTenant', 'UserAssignedMSI']),
    microsoftAppTenantId: text(env, 'MicrosoftAppTenantId', ''),
    anonymous,

    practiceName: text(env, 'PRACTICE_NAME', 'Garrett Sciatica Clinic'),
    practitionerName: text(env, 'PRACTITIONER_NAME', 'Dr. Garrett'),
    bookingUrl,
    discoveryCallUrl: url(env, 'DISCOVERY_CALL_URL', 'https://booking.example.com/discovery-call'),
    bookingUtm: flag(env, 'BOOKING_UTM', true),
    clinicPhone: phone(env, 'CLINIC_PHONE', '+1 555 010 2030'),
    clinicHours: text(env, 'CLINIC_HOURS', 'Monday to Friday, 8am to 6pm'),
    clinicAddress: text(env, 'CLINIC_ADDRESS', '1 Example Street, Springfield'),
    emergencyNumber: phone(env, 'EMERGENCY_NUMBER', '911'),
    urgentCareAdvice: text(env, 'URGENT_CARE_ADVICE', 'contact your doctor today or visit an urgent care clinic'),
    crisisLine: phone(env, 'CRISIS_LINE', '988'),
    unconfirmedSafetyDefaults: safetyConfirmed ? [] : SAFETY_VARIABLES.filter((name) => read(env, name) === undefined),
    practiceWebsiteUrl,
    privacyUrl: text(env, 'PRIVACY_URL', pageOf('privacy', practiceWebsiteUrl)),
    termsUrl: text(env, 'TERMS_URL', pageOf('terms', practiceWebsiteUrl)),

    faqPath: text(env, 'FAQ_PATH', 'knowledge/faq.json'),
    redFlagsPath: text(env, 'RED_FLAGS_PATH', 'knowledge/red-flags.json'),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    logTranscripts: flag(env, 'LOG_TRANSCRIPTS', false),

    storage,
    storagePath: text(env, 'STORAGE_PATH', 'data/state'),
    blobConnectionString,
    blobContainer: text(env, 'BLOB_CONTAINER', 'sciatica-bot-state'),
    stateTtlHours: integer(env, 'STATE_TTL_HOURS', 72, 1, 24 * 365),
    storageTimeoutMs: integer(env, 'STORAGE_TIMEOUT_MS', 5000, 100, 60_000),
    unansweredRetentionDays: integer(env, 'UNANSWERED_RETENTION_DAYS', 30, 1, 3650),
    unansweredLinkKey,
    unansweredPath: text(env, 'UNANSWERED_PATH', 'data/unanswered'),

    maxTextLength: integer(env, 'MAX_TEXT_LENGTH', 500, 50, 10000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 10 * 1024 * 1024),
    turnsPerMinutePerConversation,
    newConversationsPerMinutePerAddress: integer(env, 'NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS', 60, 1, 100000),
    redFlagTurnsPerMinute,
    webRequestsPerMinutePerAddress: integer(env, 'WEB_REQUESTS_PER_MINUTE_PER_ADDRESS', 120, 1, 100000),
    trustedProxies: integer(env, 'TRUSTED_PROXIES', 0, 0, 5),
    smsIdleHours: integer(env, 'SMS_IDLE_HOURS', 24, 1, 24 * 365),

    webchatSigningKey: signingKey ?? randomBytes(32).toString('hex'),
    webchatSigningKeyGenerated: signingKey === undefined,
    allowedOrigins: origins(env, 'ALLOWED_ORIGINS', [ownOrigin, `http://127.0.0.1:${port}`]),
    frameAncestors: origins(env, 'FRAME_ANCESTORS', ["'self'"]),
    directLineSecret: text(env, 'DIRECT_LINE_SECRET', ''),
    directLineDomain: url(env, 'DIRECT_LINE_DOMAIN', 'https://directline.botframework.com/v3/directline'),
    brandColor: color(env, 'BRAND_COLOR', '#1f5f8b'),
    brandAccentColor: color(env, 'BRAND_ACCENT_COLOR', '#0b3954'),
    botAvatarUrl: text(env, 'BOT_AVATAR_URL', '/assets/avatar.svg'),
  });
}
