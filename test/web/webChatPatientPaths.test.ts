/**
 * Whole patient paths in a real browser against the real bot, the way a patient clicks:
 * - on a phone: the topics fit the screen, a no-answer reply keeps its topics beside the booking
 *   buttons, a reload brings the last reply's choices back, and the emergency advice is an alert
 *   whose call button is the biggest control and dials exactly tel:911;
 * - the bot restarts under an open page: while it is down the page shows the practice's numbers;
 *   with the kept signing key the conversation simply goes on; after a restart with another key the
 *   page starts a new conversation by itself, says so once, and sends the patient's message again;
 * - the widget on the practice's own site (another site: the browser gives the chat's frame no
 *   storage there): the conversation and the open panel follow the visitor across the site's pages,
 *   and "New conversation" and "forget me" clear the copy the site keeps;
 * - the widget on a site the bot's FRAME_ANCESTORS does not allow: the panel offers a new tab, and
 *   the bot's log says why.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../config/BotConfig';
import { type RunningBot, startBot } from '../../server/startBot';
import { capturedLogger } from '../support/capturedLogger';
import { fileStorageSettings, startTestBot, TEST_SETTINGS } from '../support/testBot';
import { launchChromium, type PageRecord, runAxe, skipWithoutChromium, watch, welcomePaintedAt } from './browserHarness';
import { answerOf, countSeen, opened, opening, RECORD_OPENED, say, seen, typographic, wording } from './patientActions';
import { SIGNING_KEY, startWebChatTestBot, WELCOME_OPENING, type WebChatTestBot } from './webChatClient';

const PHONE = { width: 375, height: 667 };
const EMERGENCY = 'I cant feel my groin and cant pee';
const EMERGENCY_ADVICE = 'Please call 911 or go to the nearest emergency department now';
const RESTARTED = 'The chat was restarted, so this is a new conversation.';
const SUGGESTED = '.webchat__suggested-actions button';

const LAUNCHER = 'Chat with Garrett Sciatica Clinic';
const STATE_KEY = 'sciatica-chat/v1';

/**
 * The practice's website: two pages linking to each other, each with the one-line widget snippet.
 * Served on loopback but visited as http://localhost:…, another site than the bot's 127.0.0.1.
 */
async function startPracticeSite(): Promise<{ server: Server; origin: string; setBot(base: string): void }> {
  let bot = '';
  const server = createServer((req, res) => {
    const [name, other] = req.url === '/two' ? ['Page two', 'one'] : ['Page one', 'two'];
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      `<!doctype html><html lang="en"><head><title>${name}</title></head><body><main><h1>${name}</h1>` +
        `<a href="/${other}">Page ${other}</a></main><script src="${bot}/widget.js" async></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    setBot: (base) => {
      bot = base;
    },
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every suggested action lies inside the viewport, overlaps no other, and is what a tap at its centre hits. */
async function expectChoicesOnScreen(page: Page): Promise<string[]> {
  const buttons = page.locator(SUGGESTED);
  await buttons.first().waitFor();
  const count = await buttons.count();
  const boxes: Box[] = [];
  for (let index = 0; index < count; index += 1) {
    const button = buttons.nth(index);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (hidden text left out), which is what a patient reads
    const title = (await button.innerText()).trim();
    const box = (await button.boundingBox())!;
    expect(box, title).to.not.equal(null);
    expect(box.x, `${title}: left edge`).to.be.at.least(0);
    expect(box.x + box.width, `${title}: right edge`).to.be.at.most(PHONE.width);
    expect(box.y + box.height, `${title}: bottom edge`).to.be.at.most(PHONE.height);
    const hit = await button.evaluate(
      (element, point) => {
        const top = document.elementFromPoint(point.x, point.y);
        return !!top && element.contains(top);
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit, `${title}: nothing covers it`).to.equal(true);
    for (const other of boxes) {
      const overlaps =
        box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
      expect(overlaps, `${title} overlaps another choice`).to.equal(false);
    }
    boxes.push(box);
  }
  return buttons.allInnerTexts();
}

describe('patient paths in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let record: PageRecord;

  before(async function () {
    skipWithoutChromium(this);
    browser = await launchChromium();
  });
  after(() => browser?.close());

  async function openPage(viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: viewport === PHONE });
    const page = await context.newPage();
    // Generous: the first page load parses the 2 MB Web Chat bundle, slow on a busy or cold machine.
    page.setDefaultTimeout(30_000);
    record = await watch(page);
    await page.addInitScript(RECORD_OPENED);
    return page;
  }

  describe('on a phone', () => {
    let bot: WebChatTestBot;
    before(async () => {
      bot = await startWebChatTestBot();
    });
    after(() => bot?.close());

    it('keeps every choice on screen and tappable, brings them back after a reload, and shows the emergency advice as an alert that dials 911', async () => {
      const page = await openPage();
      await page.goto(`${bot.base}/`);
      await seen(page, WELCOME_OPENING, record);
      await expectChoicesOnScreen(page);

      await say(page, 'blah blah quantum flux capacitor');
      await seen(page, wording.noAnswer.split('.')[0].replace("'", '’'), record);
      await page.getByRole('button', { name: 'Book your first session' }).last().waitFor();
      const topics = await expectChoicesOnScreen(page);
      expect(topics, "the no-answer reply's topics").to.have.length.greaterThan(0);

      await page.reload();
      await page.getByRole('button', { name: 'Book your first session' }).last().waitFor();
      expect(await expectChoicesOnScreen(page), 'the same choices after a reload').to.deep.equal(topics);

      await say(page, EMERGENCY);
      const alert = page.getByRole('alert').filter({ hasText: EMERGENCY_ADVICE });
      await alert.waitFor();
      const call = alert.getByRole('button', { name: 'Call 911' });
      await call.waitFor();
      // Every rendered button, biggest first, measured at one moment (Web Chat re-renders as replies arrive).
      const bySize = await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .map((button) => ({
            // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (hidden text left out), which is what a patient reads
            title: button.innerText.trim() || button.getAttribute('aria-label') || '',
            box: button.getBoundingClientRect(),
          }))
          .filter(({ box }) => box.width > 0 && box.height > 0)
          .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)
          .map(({ title }) => title),
      );
      expect(bySize[0], `the biggest button (of ${bySize.join(', ')})`).to.equal('Call 911');
      const violations = await runAxe(page);
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        'axe-core with the alert on screen',
      ).to.deep.equal([]);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: 'test-output/webchat-phone-emergency.png' });
      await call.click();
      expect(await opened(page)).to.deep.equal(['tel:911']);
      expect(record.errors).to.deep.equal([]);
      await page.context().close();
    });
  });

  describe('when the bot restarts under an open page', () => {
    let directory = '';
    let running: RunningBot | undefined;
    let port = 0;
    const start = async (settings: Record<string, string>) => {
      running = await startTestBot({ PORT: String(port), ...settings });
      port = Number(new URL(running.url).port);
    };
    before(async () => {
      directory = await mkdtemp(join(tmpdir(), 'webchat-restart-'));
    });
    after(async () => {
      await running?.close();
      await rm(directory, { recursive: true, force: true });
    });

    it("shows the practice's numbers while it is down, goes on after a restart, and starts over by itself when its token is refused", async () => {
      // As `npm start`: file storage and no WEBCHAT_SIGNING_KEY.
      await start(fileStorageSettings(directory));
      const base = `http://127.0.0.1:${port}`;
      const page = await openPage({ width: 900, height: 900 });
      await page.goto(`${base}/`);
      await seen(page, WELCOME_OPENING, record);
      const offline = page.locator('#chat-offline');
      expect(await offline.isVisible()).to.equal(false);

      await running!.close();
      running = undefined;
      await say(page, 'what causes sciatica');
      await offline.waitFor({ state: 'visible' });
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (hidden text left out), which is what a patient reads
      const notice = await offline.innerText();
      expect(notice).to.contain('911').and.contain('988').and.contain('+1 555 010 2030');

      await start(fileStorageSettings(directory));
      await say(page, 'how long does sciatica take to heal');
      await seen(page, opening(answerOf('healing-time')), record);
      await offline.waitFor({ state: 'hidden' });
      expect(await countSeen(page, RESTARTED)).to.equal(0);

      await running!.close();
      running = undefined;
      // Another key: the page's token is refused.
      await start({ WEBCHAT_SIGNING_KEY: 'another-signing-key-'.padEnd(48, 'y') });
      await say(page, EMERGENCY);
      await seen(page, RESTARTED, record);
      await seen(page, EMERGENCY_ADVICE, record);
      expect(await countSeen(page, RESTARTED)).to.equal(1);
      expect(await countSeen(page, EMERGENCY)).to.equal(1);
      expect(record.errors).to.deep.equal([]);
      await page.context().close();
    });
  });

  describe("the widget on the practice's site", () => {
    let site: Awaited<ReturnType<typeof startPracticeSite>>;
    let bot: WebChatTestBot;
    before(async () => {
      site = await startPracticeSite();
      bot = await startWebChatTestBot({ FRAME_ANCESTORS: `'self',${site.origin}` });
      site.setBot(bot.base);
    });
    after(async () => {
      await bot?.close();
      await new Promise((resolve) => (site ? site.server.close(resolve) : resolve(undefined)));
    });

    it('keeps the conversation and the open panel across the site\'s pages, and clears the site\'s copy on "New conversation" and "forget me"', async () => {
      const page = await openPage({ width: 1000, height: 900 });
      const chat = page.frameLocator(`iframe[title="${LAUNCHER}"]`);
      const launcher = page.getByRole('button', { name: LAUNCHER });
      const answer = opening(answerOf('causes'));
      const keptBySite = () => page.evaluate((key) => window.sessionStorage.getItem(key) ?? '', STATE_KEY);

      await page.goto(`${site.origin}/one`);
      await launcher.click();
      await seen(chat, WELCOME_OPENING, record);
      await say(chat, 'what causes sciatica');
      await seen(chat, answer, record);

      await page.getByRole('link', { name: 'Page two' }).click();
      await page.waitForURL('**/two');
      expect(await launcher.getAttribute('aria-expanded'), 'the panel is open again').to.equal('true');
      await seen(chat, answer, record);
      expect(await countSeen(chat, WELCOME_OPENING)).to.equal(1);
      expect(await keptBySite()).to.contain('what causes sciatica');

      await chat.getByRole('button', { name: 'New conversation' }).click();
      await chat.locator('.webchat__bubble__content').getByText(answer).first().waitFor({ state: 'detached' });
      await seen(chat, WELCOME_OPENING, record);
      await page.getByRole('link', { name: 'Page one' }).click();
      await page.waitForURL('**/one');
      await seen(chat, WELCOME_OPENING, record);
      expect(await countSeen(chat, answer)).to.equal(0);
      expect(await keptBySite()).to.not.contain('what causes sciatica');

      await say(chat, 'how long does sciatica take to heal');
      await seen(chat, opening(answerOf('healing-time')), record);
      await say(chat, 'forget me');
      await seen(chat, typographic(wording.forgotten.slice(0, 40)), record);
      expect(await keptBySite()).to.not.contain('how long does sciatica take to heal');
      await page.getByRole('link', { name: 'Page two' }).click();
      await page.waitForURL('**/two');
      await seen(chat, typographic(wording.forgotten.slice(0, 40)), record);
      expect(await countSeen(chat, opening(answerOf('healing-time')))).to.equal(0);
      expect(record.errors).to.deep.equal([]);
      await page.context().close();
    });

    it('loads the chat out of sight and out of reach while the pointer rests on the launcher, its welcome already painted when the panel opens', async () => {
      const page = await openPage({ width: 1000, height: 900 });
      const launcher = page.getByRole('button', { name: LAUNCHER });
      const panel = page.locator('#sciatica-chat-panel');
      await page.goto(`${site.origin}/one`);
      await launcher.hover();
      const frame = (await page.locator(`iframe[title="${LAUNCHER}"]`).elementHandle())!.contentFrame();
      await frame.then((f) => f!.waitForURL(/embed=/));
      // Before, the panel was not displayed, so the chat painted nothing until it opened; a click landing
      // while Web Chat's bundle ran opened an empty panel for a second or more.
      expect(await welcomePaintedAt((await frame)!, 20_000), "the page's welcome, painted before the click").to.be.a('number');
      const outOfSight = () =>
        panel.evaluate((element: HTMLElement) => ({ inert: element.inert, opacity: getComputedStyle(element).opacity }));
      // 1% opaque: too faint to see, yet drawn (Chromium does not present a frame at opacity 0).
      expect(await outOfSight()).to.deep.equal({ inert: true, opacity: '0.01' });
      expect(await launcher.getAttribute('aria-expanded')).to.equal('false');
      // The panel follows the launcher in the page: Tab from the launcher must not move into the closed chat.
      await launcher.focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('#sciatica-chat-panel')), 'Tab reaches the closed chat').to.equal(
        false,
      );

      await launcher.click();
      expect(await outOfSight()).to.deep.equal({ inert: false, opacity: '1' });
      const chat = page.frameLocator(`iframe[title="${LAUNCHER}"]`);
      await seen(chat, WELCOME_OPENING, record);
      await say(chat, 'what causes sciatica');
      await seen(chat, opening(answerOf('causes')), record);
      expect(record.errors).to.deep.equal([]);
      await page.context().close();
    });
  });

  describe('the widget on a site FRAME_ANCESTORS does not allow', () => {
    let site: Awaited<ReturnType<typeof startPracticeSite>>;
    let running: RunningBot;
    const log = capturedLogger('warn');
    before(async () => {
      site = await startPracticeSite();
      running = await startBot(loadConfig({ ...TEST_SETTINGS, WEBCHAT_SIGNING_KEY: SIGNING_KEY }), log.logger);
      site.setBot(`http://127.0.0.1:${new URL(running.url).port}`);
    });
    after(async () => {
      await running?.close();
      await new Promise((resolve) => (site ? site.server.close(resolve) : resolve(undefined)));
    });

    it('offers to open the chat in a new tab, and the bot logs which site to allow', async () => {
      const page = await openPage({ width: 1000, height: 900 });
      await page.goto(`${site.origin}/one`);
      await page.getByRole('button', { name: LAUNCHER }).click();
      const newTab = page.getByRole('link', { name: 'Open the chat in a new tab' });
      await newTab.waitFor();
      expect(await newTab.getAttribute('href')).to.equal(`http://127.0.0.1:${new URL(running.url).port}/`);
      expect(await newTab.getAttribute('target')).to.equal('_blank');
      const warning = log.lines.find((line) => line.origin === site.origin);
      expect(warning?.msg, 'the warning names the site and the setting').to.contain('FRAME_ANCESTORS').and.contain(site.origin);
      await page.context().close();
    });
  });
});
