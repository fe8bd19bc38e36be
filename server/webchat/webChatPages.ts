/**
 * The browser side, all served by the bot itself (no CDN, works with no internet):
 *   GET /                      the chat page (config inlined as JSON, a fresh style nonce per request)
 *   GET /privacy               what is stored, for how long, and how to delete it
 *   GET /widget.js             the one-line embed: a floating launcher that opens / in an iframe
 *   GET /assets/…              page script, styles, default avatar, and Web Chat's own bundle
 * Files are read once at start-up from web/ (relative to the working directory, like knowledge/);
 * HTML templates get {{placeholders}} filled, HTML-escaped, from configuration.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as restify from 'restify';
import type { BotConfig } from '../../config/BotConfig';
import { fromPackageRoot } from '../../config/environment';
import { DOUBLE_BRACES, fillPlaceholders } from '../../config/fillPlaceholders';
import type { Logger } from '../../config/logger';
import { warnWhenFramingRefused } from './framePolicy';
import { inlineJson, pageConfig } from './pageConfig';
import { IMMUTABLE, StaticAsset } from './StaticAsset';
import { securityHeaders } from './securityHeaders';
import { readVendoredWebChat, type VendoredBytes } from './vendoredWebChat';

export const WEB_DIR = fromPackageRoot('web');
/**
 * In the page's head, not deferred: they arrive beside the style sheet, which holds the first paint
 * anyway, so the text box works from the moment it is seen, long before Web Chat's bundle.
 */
const EARLY_SCRIPTS = ['chatSession.js', 'chatShell.js'];
/** Added by chatShell.js after the bundle, which they drive. */
const PAGE_SCRIPTS = ['localDirectLine.js', 'chat.js'];
const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
};

type PagesConfig = Pick<
  BotConfig,
  'practiceName' | 'clinicPhone' | 'emergencyNumber' | 'crisisLine' | 'stateTtlHours' | 'unansweredRetentionDays' | 'logTranscripts'
> &
  Parameters<typeof pageConfig>[0] &
  Parameters<typeof securityHeaders>[0];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A phone number as a tel: URI: digits and a leading +. */
function telOf(phone: string): string {
  return phone.replace(/[^+\d]/g, '');
}

/**
 * The bot's welcome as the page shows it before Web Chat has loaded: paragraphs of escaped text, the
 * emergency number a link to call it. The first paragraph is marked for the browser's Element Timing,
 * so the moment it was painted can be read back (bench/widgetBench.ts does).
 */
export function welcomeHtml(welcome: string, emergencyNumber: string): string {
  const number = escapeHtml(emergencyNumber);
  const call = `<a href="tel:${telOf(emergencyNumber)}">${number}</a>`;
  return welcome
    .trim()
    .split(/\n{2,}/)
    .map((paragraph, index) => {
      const text = escapeHtml(paragraph).split(number).join(call).replace(/\n/g, '<br>');
      return index === 0 ? `<p elementtiming="welcome">${text}</p>` : `<p>${text}</p>`;
    })
    .join('');
}

function fill(template: string, values: Record<string, string>): string {
  return fillPlaceholders(template, values, DOUBLE_BRACES);
}

/**
 * The Web Chat bundle copied by the build, under a URL that names its version (so it can be cached for a year),
 * and its chunks beside it under esbuild's names (which name their content). `preloads`: the entry and the
 * chunks it imports. The bytes are read when first served or warmed (`read`), not while the bot starts.
 */
export function webChatBundle(webDir = WEB_DIR): { path: string; preloads: string[]; files: Map<string, () => StaticAsset>; read(): void } {
  const vendored = readVendoredWebChat(webDir);
  const staticAsset = ({ body, brotli, gzip }: VendoredBytes) => new StaticAsset(body, TYPES.js, IMMUTABLE, { br: brotli, gzip });
  const asset = (chunk?: string) => {
    let read: StaticAsset | undefined;
    return () => (read ??= staticAsset(vendored.read(chunk)));
  };
  const path = `/assets/webchat-${vendored.build}.js`;
  const files = new Map([[path, asset()], ...vendored.chunks.map(({ file }) => [`/assets/${file}`, asset(file)] as const)]);
  const preloads = [path, ...vendored.chunks.filter(({ preload }) => preload).map(({ file }) => `/assets/${file}`)];
  const read = () => {
    for (const file of files.values()) file();
  };
  return { path, preloads, files, read };
}

/**
 * `welcome`: the text of the bot's welcome, shown before Web Chat has loaded. Returns what reads the Web Chat
 * bundle into memory, for startBot to call after start-up (else the first request for it does).
 */
export function registerWebChatPages(
  server: restify.Server,
  config: PagesConfig,
  logger: Logger,
  welcome: string,
  webDir = WEB_DIR,
): () => void {
  const read = (file: string) => readFileSync(join(webDir, file), 'utf8');
  const bundle = webChatBundle(webDir);
  const page = pageConfig(config);
  const name = escapeHtml(config.practiceName);
  const indexTemplate = fill(read('index.html'), {
    practiceName: name,
    brand: page.colors.brand,
    avatar: escapeHtml(config.botAvatarUrl),
    webchatPreloads: bundle.preloads.map((path) => `<link rel="modulepreload" href="${path}">`).join('\n    '),
    earlyScripts: EARLY_SCRIPTS.map((file) => `<script src="/assets/${file}"></script>`).join('\n    '),
    welcome: welcomeHtml(welcome, config.emergencyNumber),
    emergencyNumber: escapeHtml(config.emergencyNumber),
    emergencyTel: telOf(config.emergencyNumber),
    crisisLine: escapeHtml(config.crisisLine),
    crisisTel: telOf(config.crisisLine),
    clinicPhone: escapeHtml(config.clinicPhone),
    clinicTel: telOf(config.clinicPhone),
  });
  const webChatScripts = { module: bundle.path, scripts: PAGE_SCRIPTS.map((file) => `/assets/${file}`) };
  const privacy = StaticAsset.text(
    fill(read('privacy.html'), {
      practiceName: name,
      clinicPhone: escapeHtml(config.clinicPhone),
      stateTtlHours: String(config.stateTtlHours),
      unansweredRetentionDays: String(config.unansweredRetentionDays),
      transcriptLogging: config.logTranscripts
        ? '<li><strong>Message logging is switched on</strong> for troubleshooting: your messages are also written to the practice\'s server logs, with the details listed above removed. "Forget me" cannot delete them there; they go when the practice clears its logs.</li>'
        : '',
    }),
    TYPES.html,
  );
  const widget = StaticAsset.text(
    fill(read('widget.js'), {
      widgetConfig: inlineJson({ practiceName: config.practiceName, brand: page.colors.brand, brandText: page.colors.brandText }),
    }),
    TYPES.js,
    'public, max-age=3600',
  );

  // The brand colours as CSS variables, for the page and the privacy notice alike.
  const { brand, brandText, accent } = page.colors;
  const brandCss = StaticAsset.text(`:root { --brand: ${brand}; --brand-text: ${brandText}; --accent: ${accent}; }\n`, TYPES.css);

  const headers = (nonce?: string) => securityHeaders(config, nonce);
  server.get('/', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    // Web Chat's emotion styles are <style> tags: they carry this nonce instead of needing 'unsafe-inline'.
    const nonce = randomBytes(16).toString('base64');
    const html = fill(indexTemplate, { config: inlineJson({ ...page, styleNonce: nonce, ...webChatScripts }) });
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, {
      ...headers(nonce),
      'Content-Type': TYPES.html,
      'Cache-Control': 'no-store',
      'Content-Length': String(body.length),
    });
    res.end(body);
    return next();
  });
  server.get(
    '/privacy',
    privacy.handler(() => headers()),
  );
  server.get(
    '/widget.js',
    warnWhenFramingRefused(config.frameAncestors, logger),
    widget.handler(() => headers()),
  );
  server.get(
    '/assets/brand.css',
    brandCss.handler(() => headers()),
  );
  for (const [path, asset] of bundle.files) {
    server.get(path, (req: restify.Request, res: restify.Response, next: restify.Next) => {
      asset().send(req, res, headers());
      return next();
    });
  }
  for (const file of [...EARLY_SCRIPTS, ...PAGE_SCRIPTS, 'chat.css', 'avatar.svg']) {
    const asset = StaticAsset.text(read(`assets/${file}`), TYPES[file.split('.').pop()!]);
    server.get(
      `/assets/${file}`,
      asset.handler(() => headers()),
    );
  }
  return bundle.read;
}
