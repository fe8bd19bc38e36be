/**
 * Small FAQ documents for the staff-tool tests: five real entries from knowledge/faq.json (so the
 * matcher behaves as in production), written the way an editor saves them, plus helpers that find a
 * line by its text — independently of the checker's own line-finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureEntry {
  id: string;
  title?: string;
  questions: string[];
  answer: string;
  followUps?: string[];
  offerBooking?: boolean;
  source?: string;
}

export interface FixtureDoc {
  entries: FixtureEntry[];
}

export const FIXTURE_IDS = ['what-is-sciatica', 'stretching', 'painkillers', 'healing-time', 'booking'];

const real = JSON.parse(readFileSync(join(__dirname, '..', '..', 'knowledge', 'faq.json'), 'utf8')) as FixtureDoc;

/** A fresh copy each call, so a test can change it freely. */
export function fixtureDoc(): FixtureDoc {
  const entries = real.entries
    .filter((entry) => FIXTURE_IDS.includes(entry.id))
    .map((entry) => ({
      ...entry,
      questions: [...entry.questions],
      followUps: (entry.followUps ?? []).filter((id) => FIXTURE_IDS.includes(id)),
    }));
  return structuredClone({ entries });
}

export function entryOf(doc: FixtureDoc, id: string): FixtureEntry {
  const entry = doc.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`fixture has no entry ${id}`);
  return entry;
}

export function faqText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** 1-based number of the `occurrence`-th line containing `needle`. */
export function lineContaining(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`no line ${occurrence} containing ${needle}`);
}
