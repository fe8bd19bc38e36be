/**
 * Fills appPackage/manifest.json from configuration and checks what Teams requires of the result
 * (schema v1.22: ids, names, descriptions, developer URLs, colour, bot, valid domains), so a package
 * that Teams would refuse on upload fails here instead, with the variable to set.
 */
import type { BotConfig } from '../config/BotConfig';
import { fillPlaceholders } from '../config/fillPlaceholders';
import { isExampleUrl } from '../config/productionPlaceholders';

const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
/** The store listing's pages, which Teams shows to every user: never a placeholder. */
const DEVELOPER_PAGES = [
  ['websiteUrl', 'PRACTICE_WEBSITE_URL'],
  ['privacyUrl', 'PRIVACY_URL'],
  ['termsOfUseUrl', 'TERMS_URL'],
] as const;

/** The template's ${{NAME}} values. Unset website URLs default to the booking site's own pages (BotConfig). */
export function manifestValues(config: BotConfig, appVersion: string): Record<string, string> {
  return {
    MicrosoftAppId: config.microsoftAppId,
    // Teams allows the app id to equal the bot's app registration id, the usual choice for one bot.
    TEAMS_APP_ID: config.teamsAppId ?? config.microsoftAppId,
    TEAMS_APP_VERSION: config.teamsAppVersion ?? appVersion,
    TEAMS_APP_NAME: config.teamsAppName ?? config.practiceName,
    PRACTICE_NAME: config.practiceName,
    PRACTITIONER_NAME: config.practitionerName,
    EMERGENCY_NUMBER: config.emergencyNumber,
    BRAND_COLOR: config.brandColor,
    PRACTICE_WEBSITE_URL: config.practiceWebsiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_URL: config.termsUrl,
    // The host the web chat page is served from; Teams only opens pages on listed domains inside the app.
    WEB_CHAT_HOST: hostOf(config.publicUrl ?? config.practiceWebsiteUrl),
  };
}

/** Replaces every ${{NAME}} (as JSON text); names without a value are returned so the caller can report them. */
export function fillManifest(template: string, values: Readonly<Record<string, string>>): { manifest: unknown; unknown: string[] } {
  const asJsonText = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, JSON.stringify(value).slice(1, -1)]));
  const unknown = [...template.matchAll(PLACEHOLDER)].map(([, name]) => name).filter((name) => !Object.hasOwn(values, name));
  return { manifest: JSON.parse(fillPlaceholders(template, asJsonText, PLACEHOLDER)) as unknown, unknown: [...new Set(unknown)] };
}

/** Problems Teams would refuse the manifest for, each naming what to set. Empty when it is fine. */
export function checkManifest(manifest: unknown): string[] {
  const at = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>(
        (value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined),
        manifest,
      );
  const matches = (pattern: RegExp, path: string) => typeof at(path) === 'string' && pattern.test(at(path) as string);
  const scopes = at('bots.0.scopes');
  const domains = at('validDomains') ?? [];
  const checks: [boolean, string][] = [
    [text(at('manifestVersion'), 16), 'manifestVersion is missing'],
    [matches(SEMVER, 'version'), `version "${at('version')}" must look like 1.0.0 (TEAMS_APP_VERSION)`],
    [matches(GUID, 'id'), `id "${at('id')}" must be a GUID (TEAMS_APP_ID, or MicrosoftAppId)`],
    [text(at('developer.name'), 32), 'developer.name must be 1-32 characters (PRACTICE_NAME)'],
    [https(at('developer.websiteUrl')), 'developer.websiteUrl must be an https URL (PRACTICE_WEBSITE_URL)'],
    [https(at('developer.privacyUrl')), 'developer.privacyUrl must be an https URL (PRIVACY_URL)'],
    [https(at('developer.termsOfUseUrl')), 'developer.termsOfUseUrl must be an https URL (TERMS_URL)'],
    ...DEVELOPER_PAGES.map(([field, variable]): [boolean, string] => [
      !isExampleUrl(at(`developer.${field}`)),
      `developer.${field} "${String(at(`developer.${field}`))}" is a placeholder (example.com), not the practice's page: set ${variable}`,
    ]),
    [text(at('name.short'), 30), `name.short "${at('name.short')}" must be 1-30 characters (TEAMS_APP_NAME)`],
    [at('name.full') === undefined || text(at('name.full'), 100), 'name.full must be at most 100 characters (PRACTICE_NAME)'],
    [text(at('description.short'), 80), 'description.short must be 1-80 characters'],
    [text(at('description.full'), 4000), 'description.full must be 1-4000 characters'],
    [text(at('icons.color'), 2048) && text(at('icons.outline'), 2048), 'icons.color and icons.outline are required'],
    [matches(/^#[0-9a-f]{6}$/i, 'accentColor'), `accentColor "${at('accentColor')}" must be a colour like #1f5f8b (BRAND_COLOR)`],
    [matches(GUID, 'bots.0.botId'), `bots[0].botId "${at('bots.0.botId') ?? ''}" must be the bot's app id, a GUID (MicrosoftAppId)`],
    [Array.isArray(scopes) && scopes.length > 0, 'bots[0].scopes must name at least one scope'],
    [
      Array.isArray(domains) && domains.every((domain) => typeof domain === 'string' && /^[\w*.-]+(:\d+)?$/.test(domain)),
      'validDomains must be host names without https:// or a path (PUBLIC_URL)',
    ],
  ];
  const problems = checks.filter(([ok]) => !ok).map(([, problem]) => problem);
  const leftover = JSON.stringify(manifest).match(PLACEHOLDER);
  if (leftover) problems.push(`unfilled placeholders: ${[...new Set(leftover)].join(', ')}`);
  return problems;
}

function text(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function https(value: unknown): boolean {
  try {
    return typeof value === 'string' && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
