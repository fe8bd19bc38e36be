/**
 * Every setting the bot reads from the environment, parsed and validated once at start-up.
 * A malformed value stops start-up with a message naming the variable; unset values fall back to
 * defaults that let `npm start` run on a laptop with no .env and no cloud account.
 */
import { randomBytes } from 'node:crypto';

export type StorageKind = 'memory' | 'file' | 'blob';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BotConfig {
  readonly port: number;
  readonly host: string;
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

  readonly faqPath: string;
  readonly redFlagsPath: string;
  readonly logLevel: LogLevel;
  readonly logTranscripts: boolean;

  readonly storage: StorageKind;
  readonly storagePath: string;
  readonly blobConnectionString: string;
  readonly blobContainer: string;
  readonly stateTtlHours: number;
  readonly unansweredRetentionDays: number;
  readonly unansweredPath: string;

  /** The FAQ matcher's one length cap (FaqMatcherOptions.maxMessageLength), applied after it has found the question; red-flag detection always sees the full text. */
  readonly maxTextLength: number;
  readonly maxBodyBytes: number;
  readonly turnsPerMinutePerConversation: number;
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
  const storage = oneOf<StorageKind>(env, 'STORAGE', 'file', ['memory', 'file', 'blob']);
  const blobConnectionString = text(env, 'BLOB_CONNECTION_STRING', '');
  if (storage === 'blob' && !blobConnectionString) {
    throw new ConfigError('BLOB_CONNECTION_STRING', 'is required when STORAGE=blob');
  }
  const ownOrigin = `http://localhost:${port}`;

  return Object.freeze<BotConfig>({
    port,
    host: text(env, 'HOST', '0.0.0.0'),
    microsoftAppId,
    microsoftAppPassword: text(env, 'MicrosoftAppPassword', ''),
    microsoftAppType: oneOf(env, 'MicrosoftAppType', 'SingleTenant', ['SingleTenant', 'MultiTenant', 'UserAssignedMSI']),
    microsoftAppTenantId: text(env, 'MicrosoftAppTenantId', ''),
    anonymous: microsoftAppId === '',

    practiceName: text(env, 'PRACTICE_NAME', 'Garrett Sciatica Clinic'),
    practitionerName: text(env, 'PRACTITIONER_NAME', 'Dr. Garrett'),
    bookingUrl: url(env, 'BOOKING_URL', 'https://booking.example.com/first-session'),
    discoveryCallUrl: url(env, 'DISCOVERY_CALL_URL', 'https://booking.example.com/discovery-call'),
    bookingUtm: flag(env, 'BOOKING_UTM', true),
    clinicPhone: phone(env, 'CLINIC_PHONE', '+1 555 010 2030'),
    clinicHours: text(env, 'CLINIC_HOURS', 'Monday to Friday, 8am to 6pm'),
    clinicAddress: text(env, 'CLINIC_ADDRESS', '1 Example Street, Springfield'),
    emergencyNumber: phone(env, 'EMERGENCY_NUMBER', '911'),
    urgentCareAdvice: text(env, 'URGENT_CARE_ADVICE', 'contact your doctor today or visit an urgent care clinic'),
    crisisLine: phone(env, 'CRISIS_LINE', '988'),

    faqPath: text(env, 'FAQ_PATH', 'knowledge/faq.json'),
    redFlagsPath: text(env, 'RED_FLAGS_PATH', 'knowledge/red-flags.json'),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    logTranscripts: flag(env, 'LOG_TRANSCRIPTS', false),

    storage,
    storagePath: text(env, 'STORAGE_PATH', 'data/state'),
    blobConnectionString,
    blobContainer: text(env, 'BLOB_CONTAINER', 'sciatica-bot-state'),
    stateTtlHours: integer(env, 'STATE_TTL_HOURS', 72, 1, 24 * 365),
    unansweredRetentionDays: integer(env, 'UNANSWERED_RETENTION_DAYS', 90, 1, 3650),
    unansweredPath: text(env, 'UNANSWERED_PATH', 'data/unanswered'),

    maxTextLength: integer(env, 'MAX_TEXT_LENGTH', 500, 50, 10000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 10 * 1024 * 1024),
    turnsPerMinutePerConversation: integer(env, 'TURNS_PER_MINUTE_PER_CONVERSATION', 30, 1, 100000),
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
