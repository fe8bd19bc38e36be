/**
 * Drives Debian's chromium with playwright-core for the end-to-end web chat test: launch flags
 * that keep the browser off the network, a record of every request and CSP violation, and axe-core.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SKIP_LINE = 'browser test skipped: install chromium (apt-get install -y chromium) to run it';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Chrome DevTools' "Fast 3G" preset, for Network.emulateNetworkConditions: 562.5 ms, 1.44 Mbit/s down, 675 kbit/s up. */
export const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (750e3 * 0.9) / 8 };

/** Slows this page's network down to FAST_3G through the DevTools protocol. */
export async function onFast3g(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
}

/**
 * When the chat page painted its own welcome (Element Timing: its first paragraph is marked
 * `elementtiming="welcome"`), in ms since the epoch; undefined if it has not within `waitMs`. The
 * browser's own record: polling from outside waits behind Web Chat's bundle (a second or more of the
 * page's thread), so it sees a welcome late that the patient saw long before.
 */
export function welcomePaintedAt(frame: Frame, waitMs = 100): Promise<number | undefined> {
  // A string, not a function: tsx may add helpers to a function that the page does not have.
  return frame.evaluate(`new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const painted = list.getEntries().find((entry) => entry.identifier === 'welcome');
      if (painted) resolve(performance.timeOrigin + painted.renderTime);
    }).observe({ type: 'element', buffered: true });
    setTimeout(() => resolve(undefined), ${Number(waitMs)});
  })`);
}

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}

/** In a mocha `before`: skips the block with a line saying why when chromium is missing, except in CI. */
export function skipWithoutChromium(context: Mocha.Context): void {
  if (chromiumInstalled()) return;
  if (process.env.CI === 'true') throw new Error(`chromium is required in CI: ${SKIP_LINE}`);
  console.log(`      ${SKIP_LINE}`);
  context.skip();
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

export interface PageRecord {
  readonly requests: string[];
  readonly errors: string[];
  /** What the page and its server said along the way, to explain a wait that timed out. */
  readonly events: string[];
}

/** Records what a page asked for, its script errors and any CSP violation (reported as errors). */
export async function watch(page: Page): Promise<PageRecord> {
  const record: PageRecord = { requests: [], errors: [], events: [] };
  page.on('request', (request) => {
    record.requests.push(request.url());
    if (request.url().includes('/api/')) record.events.push(`sent ${request.method()} ${request.url()}`);
  });
  page.on('pageerror', (error) => record.errors.push(`page error: ${error.message}`));
  page.on('console', (message) => record.events.push(`console.${message.type()}: ${message.text()}`));
  page.on('requestfailed', (request) => record.events.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.url().includes('/api/')) record.events.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => record.errors.push(text));
  // A string, not a function: tsx would add helpers to a function that the page does not have.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', function (event) {
    window.__reportViolation('CSP ' + event.effectiveDirective + ' blocked ' + event.blockedURI + ' at ' + event.sourceFile + ':' + event.lineNumber);
  });`);
  return record;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // page.evaluate is not subject to the page's CSP, unlike an injected <script> would be.
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.length,
    }));
  });
}
