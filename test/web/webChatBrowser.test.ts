/**
 * The chat page in a real browser against the real bot: welcome, a typed question, a tapped
 * suggestion, the booking buttons, a reload that keeps the conversation, axe-core, "New
 * conversation", a reload that cuts the welcome off, "forget me", and the embed widget on another site.
 * Nothing may leave the loopback interface.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { chromiumInstalled, launchChromium, runAxe, SKIP_LINE, watch, type PageRecord } from './browserHarness';
import { startWebChatTestBot, WELCOME_OPENING as WELCOME, type WebChatTestBot } from './webChatClient';

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BOOKING_URL = 'https://booking.example.com/first-session';
const DISCOVERY_URL = 'https://booking.example.com/discovery-call';
const faq = JSON.parse(readFileSync('knowledge/faq.json', 'utf8')) as { entries: Array<{ id: string; title: string; answer: string }> };
const answerOf = (id: string) => faq.entries.find((entry) => entry.id === id)!.answer;
/** Web Chat's markdown turns ' into ’, so a phrase with an apostrophe is looked for with either. */
const typographic = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
const FORGOTTEN = typographic((JSON.parse(readFileSync('knowledge/conversation.json', 'utf8')) as { forgotten: string }).forgotten.slice(0, 40));

/** A phrase from the start of an answer, free of markdown, to look for on the page. */
const opening = (answer: string) => answer.split(/[\n*_[\]`—–]/)[0].slice(0, 40).trim();

/** What the page in use is doing (for `seen`), and every page's record (for the last test). */
let record: PageRecord;
const records: PageRecord[] = [];

/**
 * Waits for text inside a chat bubble (Web Chat also repeats it in screen-reader-only regions). A
 * timeout names the page's and server's last events, so a failure on a CI machine explains itself.
 */
async function seen(scope: Page | FrameLocator, text: string | RegExp): Promise<void> {
  try {
    await scope.locator('.webchat__bubble__content').getByText(text).first().waitFor();
  } catch (error) {
    throw new Error(`${(error as Error).message}\nLast events:\n  ${record.events.slice(-60).join('\n  ') || '(nothing)'}`);
  }
}

async function countSeen(page: Page, text: string | RegExp): Promise<number> {
  return page.locator('.webchat__bubble__content').getByText(text).count();
}

async function say(page: Page, text: string): Promise<void> {
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
}

/** A page on another origin that embeds the widget with the one-line snippet. */
async function startHostSite(): Promise<{ server: Server; origin: string; setBot(base: string): void }> {
  let bot = '';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      `<!doctype html><html lang="en"><head><title>Clinic home</title></head><body><main><h1>Clinic home</h1></main>` +
      `<script src="${bot}/widget.js" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, setBot: (base) => { bot = base; } };
}

describe('web chat in a browser', function () {
  this.timeout(60_000);
  let bot: WebChatTestBot;
  let host: Awaited<ReturnType<typeof startHostSite>>;
  let browser: Browser;
  let page: Page;

  before(async function () {
    if (!chromiumInstalled()) {
      if (process.env.CI === 'true') throw new Error(`chromium is required in CI: ${SKIP_LINE}`);
      console.log(`      ${SKIP_LINE}`);
      this.skip();
    }
    host = await startHostSite();
    bot = await startWebChatTestBot({ BOOKING_URL, DISCOVERY_CALL_URL: DISCOVERY_URL, FRAME_ANCESTORS: `'self',${host.origin}` });
    host.setBot(bot.base);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    record = await watch(page);
    records.push(record);
    // Generous: the first page load parses the 4 MB Web Chat bundle, slow on a busy or cold machine.
    page.setDefaultTimeout(20_000);
    // Booking buttons open the practice's booking site: record the URL instead of leaving loopback.
    // A string, not a function: tsx would add helpers to a function that the page does not have.
    await page.addInitScript('window.__opened = []; window.open = function (url) { window.__opened.push(url); return null; };');
  });

  after(async () => {
    await browser?.close();
    await bot?.close();
    await new Promise((resolve) => (host ? host.server.close(resolve) : resolve(undefined)));
  });

  it('shows the bot\'s welcome', async () => {
    await page.goto(`${bot.base}/`);
    await seen(page, WELCOME);
    expect(await page.title()).to.equal('Chat with Garrett Sciatica Clinic');
  });

  it('answers a typed question from the knowledge base', async () => {
    await say(page, 'what causes sciatica');
    await seen(page, opening(answerOf('causes')));
  });

  it('answers a tapped suggestion', async () => {
    const suggestion = page.locator('.webchat__suggested-actions button').first();
    const title = (await suggestion.innerText()).trim();
    const entry = faq.entries.find((candidate) => candidate.title === title);
    expect(entry, `a suggestion titled "${title}"`).to.not.equal(undefined);
    await suggestion.click();
    await seen(page, opening(entry!.answer));
  });

  it('offers both booking links as buttons with the configured URLs', async () => {
    await say(page, 'I want to book an appointment');
    const first = page.getByRole('button', { name: 'Book your first session' }).last();
    const discovery = page.getByRole('button', { name: 'Schedule a free discovery call' }).last();
    await first.waitFor();
    await discovery.waitFor();
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/webchat.png' });
    await first.click();
    await discovery.click();
    const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    expect(opened).to.have.length(2);
    expect(opened[0].startsWith(`${BOOKING_URL}?`)).to.equal(true, opened[0]);
    expect(opened[1].startsWith(`${DISCOVERY_URL}?`)).to.equal(true, opened[1]);
  });

  it('keeps the conversation after a reload', async () => {
    await page.reload();
    await seen(page, opening(answerOf('causes')));
    await page.getByRole('button', { name: 'Book your first session' }).last().waitFor();
    expect(await countSeen(page, WELCOME)).to.equal(1);
  });

  it('has no serious or critical accessibility violations (axe-core, WCAG 2.1 AA)', async () => {
    const violations = await runAxe(page);
    console.log(`      axe: ${violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ') : 'no violations'}`);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).to.deep.equal([]);
  });

  it('starts afresh with "New conversation"', async () => {
    await page.getByRole('button', { name: 'New conversation' }).click();
    // The old conversation leaves the page first; the new one's welcome follows.
    await page.locator('.webchat__bubble__content').getByText(opening(answerOf('causes'))).first().waitFor({ state: 'detached' });
    await seen(page, WELCOME);
    await page.reload();
    await seen(page, WELCOME);
    expect(await countSeen(page, opening(answerOf('causes')))).to.equal(0);
  });

  it('still welcomes a patient who reloads while the welcome is on its way', async () => {
    // The bot handles the join, but the reload cuts its answer off before it reaches the page.
    let handled!: () => void;
    const joinHandled = new Promise<void>((resolve) => { handled = resolve; });
    await page.route('**/activities', async (route) => {
      await route.fetch();
      handled();
    }, { times: 1 });
    await page.getByRole('button', { name: 'New conversation' }).click();
    await joinHandled;
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    await seen(page, WELCOME);
    expect(await countSeen(page, WELCOME)).to.equal(1);
  });

  it('forgets this tab\'s copy of the conversation when the patient says "forget me"', async () => {
    await say(page, 'what causes sciatica');
    await seen(page, opening(answerOf('causes')));
    await say(page, 'forget me');
    await seen(page, FORGOTTEN);
    await page.reload();
    await seen(page, FORGOTTEN);
    expect(await countSeen(page, opening(answerOf('causes')))).to.equal(0);
    expect(await countSeen(page, WELCOME)).to.equal(0);
  });

  it('opens from the embed widget on another site, and Escape closes it', async () => {
    // A new visitor (a browser context of its own), so nothing of the conversations above carries over.
    const visitor = await browser.newPage();
    visitor.setDefaultTimeout(20_000);
    record = await watch(visitor);
    records.push(record);
    await visitor.goto(`${host.origin}/`);
    const launcher = visitor.getByRole('button', { name: 'Chat with Garrett Sciatica Clinic' });
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).to.equal('true');
    const chat = visitor.frameLocator('iframe[title="Chat with Garrett Sciatica Clinic"]');
    await seen(chat, WELCOME);
    await chat.locator(SEND_BOX).press('Escape');
    await visitor.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'false');
  });

  it('made requests to loopback only, with no CSP violations or script errors', () => {
    const requests = records.flatMap((r) => r.requests);
    const external = requests.filter((url) => !/^(blob:)?http:\/\/127\.0\.0\.1:\d+\//.test(url) && !url.startsWith('data:'));
    expect(external).to.deep.equal([]);
    expect(records.flatMap((r) => r.errors)).to.deep.equal([]);
  });
});
