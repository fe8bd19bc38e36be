/**
 * What the chat page needs to know, inlined into it as JSON: which mode to run in, the practice's
 * name and Web Chat styleOptions. Secrets never go here; a test checks the served page for them.
 */
import type { BotConfig } from '../../config/BotConfig';
import { AA_TEXT, contrastRatio, readableOnWhite, readableTextOn, WHITE } from './colorContrast';

export type PageConfigSource = Pick<
  BotConfig,
  'practiceName' | 'brandColor' | 'brandAccentColor' | 'botAvatarUrl' | 'directLineSecret' | 'directLineDomain'
>;

export interface PageConfig {
  readonly practiceName: string;
  /** "local": same-origin endpoints, no Azure. "directline": a token from /api/directline/token. */
  readonly mode: 'local' | 'directline';
  readonly directLineDomain?: string;
  readonly endpoints: { readonly conversations: string; readonly directLineToken: string };
  readonly styleOptions: Readonly<Record<string, string | number | boolean>>;
  readonly colors: { readonly brand: string; readonly brandText: string; readonly accent: string };
}

export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^[A-Za-z]/.test(word));
  return (
    words
      .slice(0, 2)
      .map((word) => word[0].toUpperCase())
      .join('') || 'Bot'
  );
}

export function pageConfig(config: PageConfigSource): PageConfig {
  const brand = config.brandColor;
  const brandText = readableTextOn(brand);
  // Text and outlines drawn on white must pass AA: a pale brand colour falls back to the accent.
  const accent = readableOnWhite(config.brandAccentColor, brand);
  return {
    practiceName: config.practiceName,
    mode: config.directLineSecret ? 'directline' : 'local',
    directLineDomain: config.directLineSecret ? config.directLineDomain : undefined,
    endpoints: { conversations: '/api/webchat/conversations', directLineToken: '/api/directline/token' },
    colors: { brand, brandText, accent },
    styleOptions: {
      accent,
      botAvatarImage: config.botAvatarUrl,
      botAvatarInitials: initialsOf(config.practiceName),
      userAvatarInitials: 'You',
      bubbleFromUserBackground: brand,
      bubbleFromUserTextColor: brandText,
      bubbleFromUserBorderColor: brand,
      suggestedActionBorderColor: accent,
      suggestedActionTextColor: accent,
      sendBoxButtonColor: accent,
      // No files to send: the Web Chat bundle leaves out mime, which would name their types (vendoredWebChat.ts).
      hideUploadButton: true,
      // Wrapped rows, not a carousel: on a phone the carousel's arrows cover a choice and push others off screen.
      suggestedActionLayout: 'flow',
      rootHeight: '100%',
      rootWidth: '100%',
    },
  };
}

/** Contrast problems worth a warning at start-up; the page already works around them. */
export function brandContrastWarnings(config: PageConfigSource): string[] {
  const warnings: string[] = [];
  for (const [name, color] of [
    ['BRAND_COLOR', config.brandColor],
    ['BRAND_ACCENT_COLOR', config.brandAccentColor],
  ] as const) {
    const ratio = contrastRatio(color, WHITE);
    if (ratio < AA_TEXT) warnings.push(`${name} ${color} has contrast ${ratio.toFixed(2)}:1 on white (AA needs 4.5:1)`);
  }
  return warnings;
}

/** JSON safe to place inside <script type="application/json">: no "</script>" or HTML comment can form. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
