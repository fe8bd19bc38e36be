/**
 * What a patient does and sees on the chat page, for the browser tests: type a message, wait for a
 * bubble, and the FAQ and wording the bot answers with (read from the knowledge files).
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import type { PageRecord } from './browserHarness';

export const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const faq = JSON.parse(readFileSync('knowledge/faq.json', 'utf8')) as { entries: Array<{ id: string; title: string; answer: string }> };
export const faqEntries = faq.entries;
export const answerOf = (id: string) => faq.entries.find((entry) => entry.id === id)!.answer;
/** Web Chat's markdown turns ' into ’, so a phrase with an apostrophe is looked for with either. */
export const typographic = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
export const wording = JSON.parse(readFileSync('knowledge/conversation.json', 'utf8')) as Record<string, string>;

/** A phrase from the start of an answer, free of markdown, to look for on the page. */
export const opening = (answer: string) =>
  answer
    .split(/[\n*_[\]`—–]/)[0]
    .slice(0, 40)
    .trim();

/**
 * Waits for text inside a chat bubble (Web Chat also repeats it in screen-reader-only regions). A
 * timeout names the page's and server's last events, so a failure on a CI machine explains itself.
 */
export async function seen(scope: Page | FrameLocator, text: string | RegExp, record: PageRecord): Promise<void> {
  try {
    await scope.locator('.webchat__bubble__content').getByText(text).first().waitFor();
  } catch (error) {
    throw new Error(`${(error as Error).message}\nLast events:\n  ${record.events.slice(-60).join('\n  ') || '(nothing)'}`);
  }
}

export async function countSeen(scope: Page | FrameLocator, text: string | RegExp): Promise<number> {
  return scope.locator('.webchat__bubble__content').getByText(text).count();
}

export async function say(scope: Page | FrameLocator, text: string): Promise<void> {
  await scope.locator(SEND_BOX).fill(text);
  await scope.locator(SEND_BOX).press('Enter');
}

/** Booking and call buttons open a URL: recorded instead of leaving loopback. A string: tsx would add helpers to a function. */
export const RECORD_OPENED = 'window.__opened = []; window.open = function (url) { window.__opened.push(String(url)); return null; };';

export function opened(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
}
