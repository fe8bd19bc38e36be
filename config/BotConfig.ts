/**
 * Every setting the bot reads from the environment, parsed and validated once at start-up against
 * the declarations in settings.ts. A malformed value stops start-up with a message naming the
 * variable; unset values fall back to defaults that let `npm start` run on a laptop with no .env
 * and no cloud account.
 */
import { randomBytes } from 'node:crypto';
import { safeParse } from 'valibot';
import { type Env, fromPackageRoot, isSet, processEnvironment } from './environment';
import { SETTINGS, type SettingName, type SettingValues } from './settings';

export type StorageKind = 'memory' | 'file' | 'blob';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SafetyVariable = 'EMERGENCY_NUMBER' | 'CRISIS_LINE' | 'URGENT_CARE_ADVICE';

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
  /** The Teams app package's own settings (teams:package); unset, the bot's app id, PRACTICE_NAME and package.json's version. */
  readonly teamsAppId?: string;
  readonly teamsAppName?: string;
  readonly teamsAppVersion?: string;
  /** Public address of the web chat page, for the Teams manifest's validDomains. */
  readonly publicUrl?: string;

  /** Content files, absolute (relative settings are read from the package root). */
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
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Each declared variable parsed, or its default; the first malformed one stops here. */
function parseSettings(env: Env): SettingValues {
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const raw = isSet(env[name]) ? env[name].trim() : 'default' in setting ? setting.default : undefined;
    if (raw === undefined) continue;
    const parsed = safeParse(setting.schema, raw);
    if (!parsed.success) throw new ConfigError(name, parsed.issues[0].message);
    values[name] = parsed.output;
  }
  return values as SettingValues;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/;

/**
 * With auth off, /api/messages accepts anyone's turns for any conversation id, so the bot listens
 * on loopback unless ALLOW_ANONYMOUS_ON_NETWORK=true says otherwise. HOST=0.0.0.0 alone (as
 * containers and .env files set it) is not that opt-in.
 */
function listenHost(
  requested: string | undefined,
  anonymous: boolean,
  allowAnonymousOnNetwork: boolean,
): { host: string; refusedHost?: string } {
  if (!anonymous || allowAnonymousOnNetwork) return { host: requested ?? '0.0.0.0' };
  if (requested !== undefined && LOOPBACK.test(requested)) return { host: requested };
  return { host: '127.0.0.1', refusedHost: requested };
}

/** A page under the website; an invalid website is passed through so the Teams check names its variable. */
function pageOf(path: string, website: string): string {
  try {
    return new URL(path, website.endsWith('/') ? website : `${website}/`).toString();
  } catch {
    return path;
  }
}

/** The rules between settings, which no one variable's type can say. */
function checkTogether(s: SettingValues): void {
  if (s.STORAGE === 'blob' && !s.BLOB_CONNECTION_STRING) throw new ConfigError('BLOB_CONNECTION_STRING', 'is required when STORAGE=blob');
  // Blob storage means several instances: each must verify the tokens the others issued.
  if (s.STORAGE === 'blob' && s.WEBCHAT_SIGNING_KEY === undefined) {
    throw new ConfigError('WEBCHAT_SIGNING_KEY', 'is required when STORAGE=blob (the same value on every instance)');
  }
  if (s.RED_FLAG_TURNS_PER_MINUTE !== undefined && s.RED_FLAG_TURNS_PER_MINUTE < s.TURNS_PER_MINUTE_PER_CONVERSATION) {
    throw new ConfigError(
      'RED_FLAG_TURNS_PER_MINUTE',
      `must be at least TURNS_PER_MINUTE_PER_CONVERSATION (${s.TURNS_PER_MINUTE_PER_CONVERSATION})`,
    );
  }
}

const SAFETY_VARIABLES: readonly SafetyVariable[] = ['EMERGENCY_NUMBER', 'CRISIS_LINE', 'URGENT_CARE_ADVICE'];

export function loadConfig(env: Env = processEnvironment().values): BotConfig {
  const s = parseSettings(env);
  checkTogether(s);
  const anonymous = s.MicrosoftAppId === '';
  const practiceWebsiteUrl = s.PRACTICE_WEBSITE_URL ?? new URL('/', s.BOOKING_URL).toString();
  const unset = (name: SettingName) => !isSet(env[name]);

  return Object.freeze<BotConfig>({
    port: s.PORT,
    ...listenHost(s.HOST, anonymous, s.ALLOW_ANONYMOUS_ON_NETWORK),
    allowAnonymousOnNetwork: s.ALLOW_ANONYMOUS_ON_NETWORK,
    microsoftAppId: s.MicrosoftAppId,
    microsoftAppPassword: s.MicrosoftAppPassword,
    microsoftAppType: s.MicrosoftAppType,
    microsoftAppTenantId: s.MicrosoftAppTenantId,
    anonymous,

    practiceName: s.PRACTICE_NAME,
    practitionerName: s.PRACTITIONER_NAME,
    bookingUrl: s.BOOKING_URL,
    discoveryCallUrl: s.DISCOVERY_CALL_URL,
    bookingUtm: s.BOOKING_UTM,
    clinicPhone: s.CLINIC_PHONE,
    clinicHours: s.CLINIC_HOURS,
    clinicAddress: s.CLINIC_ADDRESS,
    emergencyNumber: s.EMERGENCY_NUMBER,
    urgentCareAdvice: s.URGENT_CARE_ADVICE,
    crisisLine: s.CRISIS_LINE,
    unconfirmedSafetyDefaults: s.SAFETY_NUMBERS_CONFIRMED ? [] : SAFETY_VARIABLES.filter(unset),
    practiceWebsiteUrl,
    privacyUrl: s.PRIVACY_URL ?? pageOf('privacy', practiceWebsiteUrl),
    termsUrl: s.TERMS_URL ?? pageOf('terms', practiceWebsiteUrl),
    teamsAppId: s.TEAMS_APP_ID,
    teamsAppName: s.TEAMS_APP_NAME,
    teamsAppVersion: s.TEAMS_APP_VERSION,
    publicUrl: s.PUBLIC_URL,

    faqPath: fromPackageRoot(s.FAQ_PATH),
    redFlagsPath: fromPackageRoot(s.RED_FLAGS_PATH),
    logLevel: s.LOG_LEVEL,
    logTranscripts: s.LOG_TRANSCRIPTS,

    storage: s.STORAGE,
    storagePath: fromPackageRoot(s.STORAGE_PATH),
    blobConnectionString: s.BLOB_CONNECTION_STRING,
    blobContainer: s.BLOB_CONTAINER,
    stateTtlHours: s.STATE_TTL_HOURS,
    storageTimeoutMs: s.STORAGE_TIMEOUT_MS,
    unansweredRetentionDays: s.UNANSWERED_RETENTION_DAYS,
    unansweredLinkKey: s.UNANSWERED_LINK_KEY ?? '',
    unansweredPath: fromPackageRoot(s.UNANSWERED_PATH),

    maxTextLength: s.MAX_TEXT_LENGTH,
    maxBodyBytes: s.MAX_BODY_BYTES,
    turnsPerMinutePerConversation: s.TURNS_PER_MINUTE_PER_CONVERSATION,
    newConversationsPerMinutePerAddress: s.NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS,
    redFlagTurnsPerMinute: s.RED_FLAG_TURNS_PER_MINUTE ?? Math.max(60, s.TURNS_PER_MINUTE_PER_CONVERSATION),
    webRequestsPerMinutePerAddress: s.WEB_REQUESTS_PER_MINUTE_PER_ADDRESS,
    trustedProxies: s.TRUSTED_PROXIES,
    smsIdleHours: s.SMS_IDLE_HOURS,

    webchatSigningKey: s.WEBCHAT_SIGNING_KEY ?? randomBytes(32).toString('hex'),
    webchatSigningKeyGenerated: s.WEBCHAT_SIGNING_KEY === undefined,
    allowedOrigins: s.ALLOWED_ORIGINS ?? [`http://localhost:${s.PORT}`, `http://127.0.0.1:${s.PORT}`],
    frameAncestors: s.FRAME_ANCESTORS,
    directLineSecret: s.DIRECT_LINE_SECRET,
    directLineDomain: s.DIRECT_LINE_DOMAIN,
    brandColor: s.BRAND_COLOR,
    brandAccentColor: s.BRAND_ACCENT_COLOR,
    botAvatarUrl: s.BOT_AVATAR_URL,
  });
}
