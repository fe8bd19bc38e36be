/**
 * Every environment variable the bot and the staff commands read, declared once: its type (a valibot
 * schema from the variable's text to its value), its default in the same text form, and the
 * description `.env.example` shows (`npm run config:example` writes that file from this table; a
 * test keeps them in step). loadConfig (BotConfig.ts) turns the values into the bot's settings;
 * defaults that depend on other settings (HOST, the website pages, the Teams names) are worked out
 * there and described here. (valibot, not zod: loading zod was ~0.1 s of every start, valibot ~0.01 s.)
 */
import * as v from 'valibot';

/** Parses one variable's trimmed, non-blank text. */
type Parser = v.GenericSchema<string, unknown>;

export interface Setting {
  readonly schema: Parser;
  /** The value when unset, written as in .env; none when loadConfig works it out. */
  readonly default?: string;
  /** What .env.example shows instead of the default: '' where setting the variable means something. */
  readonly example?: string;
  /** The comment above the variable in .env.example, one line of text per line. */
  readonly description: string;
  /** Starts a section of .env.example with this heading. */
  readonly section?: string;
  /** Never logged: start-up says only where it came from. */
  readonly secret?: true;
}

const got = (issue: { input: unknown }) => `got "${String(issue.input)}"`;

const text = v.string();

function integer(min: number, max: number) {
  const range = (issue: { input: unknown }) => `expected a number from ${min} to ${max}, got ${String(issue.input)}`;
  return v.pipe(
    v.string(),
    v.regex(/^\d+$/, (issue) => `expected a whole number, ${got(issue)}`),
    v.transform(Number),
    v.minValue(min, range),
    v.maxValue(max, range),
  );
}

const TRUTHY = ['true', '1', 'yes', 'on'];
const FALSY = ['false', '0', 'no', 'off'];

const flag = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const word = dataset.value.toLowerCase();
    if (TRUTHY.includes(word)) return true;
    if (FALSY.includes(word)) return false;
    addIssue({ message: `expected true or false, got "${dataset.value}"` });
    return NEVER;
  }),
);

/** One of `allowed`, in any letter case, returned as written in `allowed`. */
function oneOf<const T extends readonly [string, ...string[]]>(allowed: T) {
  return v.pipe(
    v.string(),
    v.transform((raw) => allowed.find((option) => option.toLowerCase() === raw.toLowerCase()) ?? raw),
    v.picklist(allowed, (issue) => `expected one of ${allowed.join(', ')}, ${got(issue)}`),
  );
}

/** "http://" or "https://" and a URL the WHATWG parser accepts ("http:example.com" is refused). */
const httpUrl = v.pipe(
  v.string(),
  v.check(
    (value) => /^https?:\/\//i.test(value) && URL.canParse(value),
    (issue) => `expected an absolute http(s) URL, ${got(issue)}`,
  ),
  v.transform((value) => new URL(value).toString()),
);

const phone = v.pipe(
  v.string(),
  v.regex(/^\+?[0-9][0-9 ()-]{1,20}$/, (issue) => `expected a phone number, ${got(issue)}`),
);

const color = v.pipe(
  v.string(),
  v.regex(/^#[0-9a-fA-F]{6}$/, (issue) => `expected a colour like #1f5f8b, ${got(issue)}`),
);

const secretKey = v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'));

/** Comma-separated origins (https://clinic.example), or the CSP keywords 'self' and 'none'. */
function origins(name: string) {
  return v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const list: string[] = [];
      for (const item of dataset.value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const problem = originProblem(item, name);
        if (problem) {
          addIssue({ message: problem });
          return NEVER;
        }
        list.push(item.startsWith("'") ? item : new URL(item).origin);
      }
      return list;
    }),
  );
}

function originProblem(item: string, name: string): string | undefined {
  if (item === "'self'" || item === "'none'") return undefined;
  // A shell drops the quotes of FRAME_ANCESTORS='self',https://… unless the whole value is quoted.
  if (item === 'self' || item === 'none') {
    return `write '${item}' with its single quotes; in a shell, quote the whole value: ${name}="'${item}',https://www.your-practice.example"`;
  }
  const expected = `expected comma-separated origins like https://clinic.example, got "${item}"`;
  return URL.canParse(item) && new URL(item).origin !== 'null' ? undefined : expected;
}

export const SETTINGS = {
  PORT: {
    section: 'Server',
    schema: integer(0, 65535),
    default: '3978',
    description: 'Port of the web chat page (/) and the Bot Framework endpoint (/api/messages).',
  },
  HOST: {
    schema: text,
    description: `Interface to listen on. Default: 0.0.0.0 (every interface, as containers and App Service need)
when MicrosoftAppId is set; 127.0.0.1 when it is empty (auth off), whatever HOST says, unless
ALLOW_ANONYMOUS_ON_NETWORK=true. A HOST that is not used is named in a start-up warning.`,
  },
  ALLOW_ANONYMOUS_ON_NETWORK: {
    schema: flag,
    default: 'false',
    description: `true lets auth-off mode (no MicrosoftAppId) listen on HOST beyond this machine: anyone who can reach
the port can then talk to the bot as any conversation. Only for a test container on a closed network.`,
  },

  MicrosoftAppId: {
    section: 'Bot Framework identity (from the Azure Bot resource). Empty app id = auth OFF, development only.',
    schema: text,
    default: '',
    description: "The app registration's client id (or the managed identity's).",
  },
  MicrosoftAppPassword: {
    schema: text,
    default: '',
    secret: true,
    description: 'Client secret of the app registration (SingleTenant); empty for UserAssignedMSI.',
  },
  MicrosoftAppType: {
    schema: oneOf(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']),
    default: 'SingleTenant',
    description: 'SingleTenant (default) or UserAssignedMSI. New MultiTenant bots are deprecated by Azure.',
  },
  MicrosoftAppTenantId: { schema: text, default: '', description: 'Directory (tenant) id of the app registration or managed identity.' },

  PRACTICE_NAME: {
    section: 'The practice',
    schema: text,
    default: 'Garrett Sciatica Clinic',
    description: 'Used in answers as {practiceName}.',
  },
  PRACTITIONER_NAME: { schema: text, default: 'Dr. Garrett', description: 'Used in answers as {practitionerName}.' },
  BOOKING_URL: {
    schema: httpUrl,
    default: 'https://booking.example.com/first-session',
    description: `Booking pages offered at the end of answers and the screening. The example.com pages and the 555
phone below are placeholders: with MicrosoftAppId set, start-up logs a warning for each still in use.`,
  },
  DISCOVERY_CALL_URL: {
    schema: httpUrl,
    default: 'https://booking.example.com/discovery-call',
    description: 'The free discovery call, the second booking link.',
  },
  BOOKING_UTM: {
    schema: flag,
    default: 'true',
    description: 'Add utm_source/utm_medium (the channel) to booking links so bookings from the bot can be counted.',
  },
  CLINIC_PHONE: { schema: phone, default: '+1 555 010 2030', description: 'Shown in help, booking and "talk to a person" replies.' },
  CLINIC_HOURS: { schema: text, default: 'Monday to Friday, 8am to 6pm', description: 'Shown with the phone number.' },
  CLINIC_ADDRESS: {
    schema: text,
    default: '1 Example Street, Springfield',
    description: "The practice's address, given when a patient asks where the clinic is.",
  },

  EMERGENCY_NUMBER: {
    section: 'Safety (numbers shown in emergency, urgent and crisis replies)',
    schema: phone,
    default: '911',
    example: '',
    description: `Left empty, the US defaults apply (911; "contact your doctor today or visit an urgent care clinic";
988, the US Suicide & Crisis Lifeline), and a deployment with MicrosoftAppId set logs a warning for
each at start-up. Set them for where your patients are, e.g. in the UK: 999, "call NHS 111 or your
GP today", 116 123 (Samaritans). Setting a variable, even to the US value, confirms it.`,
  },
  URGENT_CARE_ADVICE: {
    schema: text,
    default: 'contact your doctor today or visit an urgent care clinic',
    example: '',
    description: 'What an urgent reply tells the patient to do today.',
  },
  CRISIS_LINE: { schema: phone, default: '988', example: '', description: 'The crisis line in crisis replies.' },
  SAFETY_NUMBERS_CONFIRMED: {
    schema: flag,
    default: 'false',
    example: '',
    description: 'true confirms that the US defaults above are right for this practice (no start-up warnings).',
  },

  FAQ_PATH: {
    section: 'Content (relative paths are read from the folder of package.json, whatever the working directory)',
    schema: text,
    default: 'knowledge/faq.json',
    description: 'The FAQ clinic staff edit; reloaded automatically when it changes.',
  },
  RED_FLAGS_PATH: {
    schema: text,
    default: 'knowledge/red-flags.json',
    description: 'Red-flag rules and safety wording; read at start-up only (changes go through review and a deploy).',
  },

  LOG_LEVEL: {
    section: 'Logging',
    schema: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent.',
  },
  LOG_TRANSCRIPTS: {
    schema: flag,
    default: 'false',
    description: `true logs message text (redacted) for debugging. Never in production. It writes to the process log
(stdout, and whatever collects it), which "forget me" cannot reach: the bot's forget-me reply and
the privacy notice say so while it is on.`,
  },

  STORAGE: {
    section: 'Conversation state',
    schema: oneOf(['memory', 'file', 'blob']),
    default: 'file',
    description: 'memory (tests), file (default, one instance) or blob (Azure Blob Storage, several instances).',
  },
  STORAGE_PATH: { schema: text, default: 'data/state', description: 'Folder for STORAGE=file.' },
  BLOB_CONNECTION_STRING: { schema: text, default: '', secret: true, description: 'For STORAGE=blob.' },
  BLOB_CONTAINER: {
    schema: text,
    default: 'sciatica-bot-state',
    description: 'The blob container for state and usage logs (STORAGE=blob).',
  },
  STATE_TTL_HOURS: { schema: integer(1, 24 * 365), default: '72', description: 'Idle conversations are deleted after this many hours.' },
  STORAGE_TIMEOUT_MS: {
    schema: integer(100, 60_000),
    default: '5000',
    description: `A state read or write that takes longer fails (the patient gets an apology, not a hang). Safety
advice never waits for storage.`,
  },
  UNANSWERED_RETENTION_DAYS: {
    schema: integer(1, 3650),
    default: '30',
    description: `Unanswered questions kept for staff (redacted; names, dates of birth, addresses, postcodes, phone
numbers, emails and ID numbers removed), in days, and where (STORAGE=file; files 0600).`,
  },
  UNANSWERED_PATH: { schema: text, default: 'data/unanswered', description: 'Folder of the usage logs for STORAGE=file.' },
  UNANSWERED_LINK_KEY: {
    schema: secretKey,
    secret: true,
    description: `Each stored question carries an HMAC of its conversation (never the id) so "forget me" deletes it.
The key, 32+ characters; empty = generated once and kept in UNANSWERED_PATH/link.key (0600), or in
the blob usage/link.key with STORAGE=blob. Changing it makes older questions unreachable by "forget me".`,
  },

  MAX_TEXT_LENGTH: {
    section: 'Limits',
    schema: integer(50, 10_000),
    default: '500',
    description:
      'Longest text the FAQ matcher scores, after it has found the question in the whole message (red-flag checks always read the whole message).',
  },
  MAX_BODY_BYTES: {
    schema: integer(1024, 10 * 1024 * 1024),
    default: '1048576',
    description: 'Largest request body accepted, in bytes (413 beyond).',
  },
  TURNS_PER_MINUTE_PER_CONVERSATION: {
    schema: integer(1, 100_000),
    default: '30',
    description: 'Messages one conversation may send a minute (429 beyond).',
  },
  RED_FLAG_TURNS_PER_MINUTE: {
    schema: integer(1, 100_000),
    description: `A message that may describe a red flag, over the budget above, spends this larger budget instead
(default: 60, or TURNS_PER_MINUTE_PER_CONVERSATION if higher); beyond it the 429 carries the safety advice.`,
  },
  WEB_REQUESTS_PER_MINUTE_PER_ADDRESS: {
    schema: integer(1, 100_000),
    default: '120',
    description: 'Web chat page requests one client address may make a minute.',
  },
  NEW_CONVERSATIONS_PER_MINUTE_PER_ADDRESS: {
    schema: integer(1, 100_000),
    default: '60',
    description: 'Auth off only: conversations one client address may start per minute on /api/messages.',
  },
  TRUSTED_PROXIES: {
    schema: integer(0, 5),
    default: '0',
    description: `How many reverse proxies in front of the bot append the caller's address to X-Forwarded-For
(Azure App Service: 1). 0 counts by the connection's address, which behind a proxy is the proxy's,
so every visitor would share one budget. Never more than there really are: a client can write
X-Forwarded-For entries of its own to the left of theirs.`,
  },
  SMS_IDLE_HOURS: { schema: integer(1, 24 * 365), default: '24', description: 'An SMS patient silent this long is greeted as new.' },

  WEBCHAT_SIGNING_KEY: {
    section: 'Web chat page',
    schema: secretKey,
    secret: true,
    description: `Signs web chat conversation ids; the same value on every instance, 32+ characters. Required with STORAGE=blob.
Unset with STORAGE=file: generated once and kept in data/webchat-signing-key (mode 0600) across restarts.`,
  },
  ALLOWED_ORIGINS: {
    schema: origins('ALLOWED_ORIGINS'),
    description: 'Origins allowed to call the web chat endpoints (comma-separated). Default: this server on localhost.',
  },
  FRAME_ANCESTORS: {
    schema: origins('FRAME_ANCESTORS'),
    default: "'self'",
    example: '',
    description: `Sites allowed to embed the chat page in a frame, e.g. 'self',https://www.your-practice.com ('self' by default;
in a shell quote the whole value: FRAME_ANCESTORS="'self',https://www.your-practice.com").`,
  },
  DIRECT_LINE_SECRET: {
    schema: text,
    default: '',
    secret: true,
    description: "Production: the Direct Line secret of the Azure Bot's Web Chat channel. Stays on the server.",
  },
  DIRECT_LINE_DOMAIN: {
    schema: httpUrl,
    default: 'https://directline.botframework.com/v3/directline',
    description: 'The Direct Line service the token is asked from.',
  },
  BRAND_COLOR: { schema: color, default: '#1f5f8b', description: "The chat page's main colour (and the Teams app's accent colour)." },
  BRAND_ACCENT_COLOR: { schema: color, default: '#0b3954', description: "The chat page's second colour." },
  BOT_AVATAR_URL: { schema: text, default: '/assets/avatar.svg', description: "The bot's picture on the chat page." },

  TEAMS_APP_ID: {
    section: 'Microsoft Teams app package (npm run teams:package)',
    schema: text,
    description: 'Teams app id, a GUID. Default: MicrosoftAppId (one app registration for the bot and the Teams app).',
  },
  TEAMS_APP_NAME: { schema: text, description: 'Short app name shown in Teams, 30 characters at most. Default: PRACTICE_NAME.' },
  TEAMS_APP_VERSION: {
    schema: text,
    description:
      "Raise it with every new package of an app already uploaded (an update needs a higher version). Default: package.json's version.",
  },
  PRACTICE_WEBSITE_URL: {
    schema: text,
    description: "The practice's pages named in the Teams store listing (https). Default: the booking site, /privacy and /terms.",
  },
  PRIVACY_URL: { schema: text, description: 'The privacy page (default: PRACTICE_WEBSITE_URL/privacy).' },
  TERMS_URL: { schema: text, description: 'The terms of use page (default: PRACTICE_WEBSITE_URL/terms).' },
  PUBLIC_URL: {
    schema: text,
    description: "Public https address of this bot's web chat page; its host goes in the manifest's validDomains.",
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

/** Each variable's parsed value; undefined only for those without a default. */
export type SettingValues = {
  readonly [Name in SettingName]: (typeof SETTINGS)[Name] extends { readonly default: string }
    ? v.InferOutput<(typeof SETTINGS)[Name]['schema']>
    : v.InferOutput<(typeof SETTINGS)[Name]['schema']> | undefined;
};
