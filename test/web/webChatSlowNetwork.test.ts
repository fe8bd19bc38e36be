/**
 * The chat page on a slow phone network (Chrome's "Fast 3G" through the DevTools protocol), where
 * Web Chat's bundle takes seconds: before it has arrived the patient already sees the welcome, the
 * emergency number as a call link, and a text box; what they type there is sent once Web Chat is
 * ready, after the welcome, and answered; axe-core finds nothing serious on the page meanwhile. The
 * timings are printed, not asserted (`npm run bench` measures them); what is asserted is the order a
 * patient would notice.
 */
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, onFast3g, type PageRecord, runAxe, skipWithoutChromium, watch } from './browserHarness';
import { answerOf, opening, seen } from './patientActions';
import { startWebChatTestBot, WELCOME_OPENING, type WebChatTestBot } from './webChatClient';

const PHONE = { width: 375, height: 667 };
const QUESTION = 'what causes sciatica';
const BUBBLE = '.webchat__bubble__content';

describe('web chat on a slow phone network', function () {
  this.timeout(120_000);
  let bot: WebChatTestBot;
  let browser: Browser;
  let page: Page;
  let record: PageRecord;

  before(async function () {
    skipWithoutChromium(this);
    bot = await startWebChatTestBot();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: PHONE });
    page.setDefaultTimeout(60_000);
    record = await watch(page);
  });

  after(async () => {
    await browser?.close();
    await bot?.close();
  });

  it("shows the welcome, the emergency number and a working text box before Web Chat's bundle, and sends what was typed there once it has loaded", async () => {
    await onFast3g(page);
    const started = performance.now();
    const since = () => Math.round(performance.now() - started);
    // When each file arrived: the bundle is the files the page preloads (the Adaptive Cards chunk comes later).
    const finished = new Map<string, number>();
    page.on('requestfinished', (request) => finished.set(new URL(request.url()).pathname, since()));
    const bundleArrivedMs = async () => {
      const preloads = await page
        .locator('link[rel="modulepreload"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(preloads).to.not.deep.equal([]);
      return preloads.every((path) => finished.has(path ?? ''))
        ? Math.max(...preloads.map((path) => finished.get(path ?? '')!))
        : undefined;
    };
    await page.goto(`${bot.base}/`, { waitUntil: 'commit' });

    const shell = page.locator('#chat-shell');
    await shell.getByText(WELCOME_OPENING).waitFor();
    const call = shell.getByRole('link', { name: '911' });
    await call.waitFor();
    expect(await call.getAttribute('href')).to.equal('tel:911');
    const box = shell.getByRole('textbox', { name: 'Type your message' });
    await box.fill(QUESTION);
    await box.press('Enter');
    await shell.getByText(QUESTION).waitFor();
    const usableMs = since();
    expect(await bundleArrivedMs(), "Web Chat's bundle had already arrived").to.equal(undefined);
    const violations = await runAxe(page);
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      'axe-core on the page before Web Chat',
    ).to.deep.equal([]);

    // Web Chat takes over: the welcome first, then the queued question, then its answer.
    await seen(page, opening(answerOf('causes')), record);
    const answeredMs = since();
    const bubbles = await page.locator(BUBBLE).allInnerTexts();
    const welcomeAt = bubbles.findIndex((text) => text.includes(WELCOME_OPENING));
    const questionAt = bubbles.findIndex((text) => text.trim() === QUESTION);
    expect(welcomeAt, 'the welcome in Web Chat').to.be.at.least(0);
    expect(questionAt, 'the queued question, after the welcome').to.be.greaterThan(welcomeAt);
    expect(await shell.isVisible()).to.equal(false);
    expect(record.errors).to.deep.equal([]);
    console.log(
      `      Fast 3G, phone: welcome, 911 and text box usable at ${usableMs} ms; bundle arrived at ${await bundleArrivedMs()} ms; queued question answered at ${answeredMs} ms`,
    );
  });
});
