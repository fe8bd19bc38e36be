/**
 * Fills appPackage/manifest.json from configuration and checks the result against Microsoft's schema and
 * the practice's rules (teamsManifestSchema), so a package that Teams would refuse on upload fails here
 * instead, naming the variable to set.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { BotConfig } from '../config/BotConfig';
import { fillPlaceholders } from '../config/fillPlaceholders';
import { manifestProblems } from './teamsManifestSchema';

const PLACEHOLDER = /\$\{\{(\w+)\}\}/g;
/** The placeholders that are not a variable's name, or that fall back to another variable (manifestValues). */
const SET_BY: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: 'TEAMS_APP_ID (or MicrosoftAppId)',
  TEAMS_APP_NAME: 'TEAMS_APP_NAME (or PRACTICE_NAME)',
  TEAMS_APP_VERSION: "TEAMS_APP_VERSION (or package.json's version)",
  WEB_CHAT_HOST: 'PUBLIC_URL',
};

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

/**
 * Problems Teams would refuse the manifest for, each naming what to change: the variable whose
 * placeholder fills that field in `template`, or the template itself. Empty when it is fine.
 */
export function checkManifest(manifest: unknown, template: string): string[] {
  const templateTree = parseTree(template);
  const problems = manifestProblems(manifest).map(({ pointer, value, problem }) => {
    const path = pointer
      .split('/')
      .slice(1)
      .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    // A long value (the full description) would bury the problem; the field name says where it is.
    const shown = typeof value === 'string' && value.length <= 100 ? ` "${value}"` : '';
    const filledFrom = templateTree && findNodeAtLocation(templateTree, path)?.value;
    return `${fieldName(path)}${shown} ${problem}: ${whatToChange(filledFrom)}`;
  });
  const leftover = JSON.stringify(manifest).match(PLACEHOLDER);
  if (leftover) problems.push(`unfilled placeholders: ${[...new Set(leftover)].join(', ')}`);
  return problems;
}

/** ["bots", 0, "botId"] → "bots[0].botId", as the Teams documentation writes it. */
function fieldName(path: readonly (string | number)[]): string {
  return (
    path
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
      .join('')
      .slice(1) || 'the manifest'
  );
}

/** The variables behind the template's placeholders for a field; a field without one is the template's own text. */
function whatToChange(templateValue: unknown): string {
  const names = typeof templateValue === 'string' ? [...templateValue.matchAll(PLACEHOLDER)].map(([, name]) => SET_BY[name] ?? name) : [];
  return names.length ? `set ${[...new Set(names)].join(', ')}` : 'edit appPackage/manifest.json';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
