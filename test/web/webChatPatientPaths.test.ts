/**
 * Whole patient paths in a real browser against the real bot, the way a patient clicks:
 * - on a phone: the topics fit the screen, a no-answer reply keeps its topics beside the booking
 *   buttons, a reload brings the last reply's choices back, and the emergency advice is an alert
 *   whose call button is the biggest control and dials exactly tel:911;
 * - the bot restarts under an open page: while it is down the page shows the practice's numbers;
 *   with the kept signing key the conversation simply goes on; after a restart with another key the
 *   page starts a new conversation by itself, says so once, and sends the patient's message again.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { RunningBot } from '../../server/startBot';
import { fileStorageSettings, startTestBot } from '../support/testBot';
import { chromiumInstalled, launchChromium, SKIP_LINE, watch, type PageRecord } from './browserHarness';
import { answerOf, countSeen, opened, opening, RECORD_OPENED, say, seen, wording } from './patientActions';
import { startWebChatTestBot, WELCOME_OPENING, type WebChatTestBot } from './webChatClient';

const PHONE = { width: 375, height: 667 };
const EMERGENCY = 'I cant feel my groin and cant pee';
const EMERGENCY_ADVICE = 'Please call 911 or go to the nearest emergency department now';
const RESTARTED = 'The chat was restarted, so this is a new conversation.';
const SUGGESTED = '.webchat__suggested-actions button';

interface Box { x: number; y: number; width: number; height: number }

/** Every suggested action lies inside the viewport, overlaps no other, and is what a tap at its centre hits. */
async function expectChoicesOnScreen(page: Page): Promise<string[]> {
  const buttons = page.locator(SUGGESTED);
  await buttons.first().waitFor();
  const count = await buttons.count();
  const boxes: Box[] = [];
  for (let index = 0; index < count; index += 1) {
    const button = buttons.nth(index);
    const title = (await button.innerText()).trim();
    const box = (await button.boundingBox())!;
    expect(box, title).to.not.equal(null);
    expect(box.x, `${title}: left edge`).to.be.at.least(0);
    expect(box.x + box.width, `${title}: right edge`).to.be.at.most(PHONE.width);
    expect(box.y + box.height, `${title}: bottom edge`).to.be.at.most(PHONE.height);
    const hit = await button.evaluate((element, point) => {
      const top = document.elementFromPoint(point.x, point.y);
      return !!top && element.contains(top);
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(hit, `${title}: nothing covers it`).to.equal(true);
    for (const other of boxes) {
      const overlaps = box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
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
    if (!chromiumInstalled()) {
      if (process.env.CI === 'true') throw new Error(`chromium is required in CI: ${SKIP_LINE}`);
      console.log(`      ${SKIP_LINE}`);
      this.skip();
    }
    browser = await launchChromium();
  });
  after(() => browser?.close());

  async function openPage(viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: viewport === PHONE });
    const page = await context.newPage();
    // Generous: the first page load parses the 4 MB Web Chat bundle, slow on a busy or cold machine.
    page.setDefaultTimeout(30_000);
    record = await watch(page);
    await page.addInitScript(RECORD_OPENED);
    return page;
  }

  describe('on a phone', () => {
    let bot: WebChatTestBot;
    before(async () => { bot = await startWebChatTestBot(); });
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
      expect(topics, 'the no-answer reply\'s topics').to.have.length.greaterThan(0);

      await page.reload();
      await page.getByRole('button', { name: 'Book your first session' }).last().waitFor();
      expect(await expectChoicesOnScreen(page), 'the same choices after a reload').to.deep.equal(topics);

      await say(page, EMERGENCY);
      const alert = page.getByRole('alert').filter({ hasText: EMERGENCY_ADVICE });
      await alert.waitFor();
      const call = alert.getByRole('button', { name: 'Call 911' });
      const area = (box: Box | null) => (box ? box.width * box.height : 0);
      const callArea = area(await call.boundingBox());
      for (const other of await page.getByRole('button').all()) {
        if (!(await other.isVisible()) || (await other.innerText()).trim() === 'Call 911') continue;
        expect(area(await other.boundingBox()), `"${(await other.innerText()).trim()}" is smaller than the call button`).to.be.below(callArea);
      }
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
    before(async () => { directory = await mkdtemp(join(tmpdir(), 'webchat-restart-')); });
    after(async () => {
      await running?.close();
      await rm(directory, { recursive: true, force: true });
    });

    it('shows the practice\'s numbers while it is down, goes on after a restart, and starts over by itself when its token is refused', async () => {
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
});
