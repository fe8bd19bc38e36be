/**
 * `kb:check` findings: one fixture per problem, each asserting that the printed message names the entry
 * and the line where a staff member has to look.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { CONVERSATION_WORDING_PATH, loadConversationWording } from '../../bot/ConversationWording';
import type { KnowledgeBase } from '../../faq/KnowledgeBase';
import { type CheckFinding, formatFinding } from '../../staff/checks/CheckFinding';
import { selfRetrieval } from '../../staff/checks/checkQuestions';
import { checkKnowledgeBaseText } from '../../staff/checks/KnowledgeBaseCheck';
import { entryOf, type FixtureDoc, faqText, fixtureDoc, lineContaining } from './faqFixture';

const { moreHint } = loadConversationWording(CONVERSATION_WORDING_PATH);
const PLACEHOLDERS = { practiceName: 'Garrett Sciatica Clinic', practitionerName: 'Dr. Garrett', clinicPhone: '+1 555 010 2030' };

function check(doc: FixtureDoc | string, placeholders: Record<string, string> = PLACEHOLDERS) {
  const text = typeof doc === 'string' ? doc : faqText(doc);
  return { text, ...checkKnowledgeBaseText(text, 'faq.json', placeholders, moreHint) };
}

/** The one finding of this severity about this entry whose message matches, printed as staff see it. */
function printed(findings: readonly CheckFinding[], severity: CheckFinding['severity'], pattern: RegExp): string {
  const matching = findings.filter((f) => f.severity === severity && pattern.test(f.message));
  expect(matching, findings.map(formatFinding).join('\n')).to.have.length(1);
  return formatFinding(matching[0]);
}

describe('kb:check findings', () => {
  it('finds no errors and no question problems in the fixture it starts from', () => {
    const { findings, knowledgeBase } = check(fixtureDoc());
    expect(knowledgeBase).to.not.equal(undefined);
    expect(findings.filter((f) => f.severity === 'error' || /question/.test(f.message)).map(formatFinding)).to.deep.equal([]);
  });

  it('gives the line and column of invalid JSON', () => {
    const text = faqText(fixtureDoc()).replace('"id": "stretching",', '"id": "stretching"');
    const { findings, knowledgeBase } = check(text);
    const line = lineContaining(text, '"title": "Stretching"');
    const column = text.split('\n')[line - 1].indexOf('"title"') + 1;
    expect(knowledgeBase).to.equal(undefined);
    expect(formatFinding(findings[0])).to.equal(
      `ERROR    line ${line}: the file is not valid JSON at line ${line}, column ${column}: a comma is missing before this spot: items in a list, and fields in an entry, are separated by ","`,
    );
  });

  describe('says what to do about the common JSON mistakes, at the spot where they are', () => {
    /** The fixture with one edit, the line and column of `marker` in it (the first character of `at` within it), and the finding. */
    function mistake(from: string, to: string, at: string) {
      const text = faqText(fixtureDoc()).replace(from, to);
      const line = lineContaining(text, to.split('\n')[0]);
      const column = text.split('\n')[line - 1].indexOf(at) + 1;
      const { findings, knowledgeBase } = check(text);
      expect(knowledgeBase).to.equal(undefined);
      return {
        where: `ERROR    line ${line}: the file is not valid JSON at line ${line}, column ${column}: `,
        printed: formatFinding(findings[0]),
      };
    }

    it('a comma after the last item (a trailing comma)', () => {
      // An entry's last field is its source.
      const last = `"source": ${JSON.stringify(fixtureDoc().entries[0].source)}\n`;
      const { where, printed: found } = mistake(last, last.replace('\n', ',\n'), ',');
      expect(found).to.equal(`${where}there is a comma after the last item before this "}": remove the comma`);
    });

    it('curly quotes pasted from a word processor', () => {
      const { where, printed: found } = mistake('"id": "stretching"', '"id": \u201Cstretching\u201D', '\u201C');
      expect(found).to.equal(
        `${where}\u201C is not a JSON quote: use straight double quotes (") around names and text (editors and word processors sometimes turn them curly)`,
      );
    });

    it('a comment', () => {
      const { where, printed: found } = mistake('"id": "stretching",', '"id": "stretching", // new wording', '//');
      expect(found).to.equal(`${where}comments (// or /* */) are not allowed in this file: remove it`);
    });
  });

  it('names the entry and its line when a field is missing', () => {
    const doc = fixtureDoc();
    delete (entryOf(doc, 'stretching') as Partial<FixtureDoc['entries'][0]>).answer;
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /answer is missing/)).to.equal(
      `ERROR    line ${lineContaining(text, '"id": "stretching"')}: entry "stretching": answer is missing`,
    );
  });

  it('explains a schema error on the line of the field', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'painkillers').title = 'Painkillers and anti-inflammatories';
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /title/)).to.equal(
      `ERROR    line ${lineContaining(text, 'Painkillers and anti-inflammatories')}: entry "painkillers": title is longer than 20 characters`,
    );
  });

  it('reports a duplicate id where it appears the second time, naming the first', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').id = 'stretching';
    for (const entry of doc.entries) entry.followUps = entry.followUps?.filter((id) => id !== 'booking');
    const { text, findings } = check(doc);
    const [first, second] = [1, 2].map((n) => lineContaining(text, '"id": "stretching"', n));
    expect(printed(findings, 'error', /more than once/)).to.equal(
      `ERROR    line ${second}: entry "stretching" appears more than once: each id must be unique (first at line ${first})`,
    );
  });

  it('points at the follow-up that names no entry', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'stretching').followUps = ['booking', 'streching'];
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /followUps/)).to.equal(
      `ERROR    line ${lineContaining(text, '"streching"')}: entry "stretching": followUps refers to "streching", which is not an entry id`,
    );
  });

  it('refuses an empty answer', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'healing-time').answer = '   ';
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /answer is empty/)).to.equal(
      `ERROR    line ${lineContaining(text, '"answer": "   "')}: entry "healing-time": answer is empty`,
    );
  });

  it('refuses raw HTML in an answer, on its line', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'healing-time').answer = 'Most people feel better in <b>6 weeks</b>.';
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /contains HTML/)).to.match(
      new RegExp(`^ERROR {4}line ${lineContaining(text, '<b>6 weeks')}: entry "healing-time": answer contains HTML \\(<b>\\)`),
    );
  });

  it('refuses an answer longer than text messages can carry once placeholders are filled in', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = 'Call {practiceName}. '.repeat(20);
    const { text, findings } = check(doc, { ...PLACEHOLDERS, practiceName: 'The Practice'.repeat(8) });
    expect(printed(findings, 'error', /answer is \d+ characters/)).to.match(
      new RegExp(
        `^ERROR +line ${lineContaining(text, 'Call {practiceName}')}: entry "booking": answer is 2\\d\\d\\d characters with \\{placeholders\\} filled in; text messages cut it off after 1600`,
      ),
    );
  });

  it('warns when an answer will not fit the 3 text-message parts sent at once (153 GSM-7 characters each)', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = `${'a'.repeat(420)} {practitionerName}`; // 432 characters filled in, with the MORE hint 458: fits
    expect(
      check(doc)
        .findings.filter((f) => f.entryId === 'booking')
        .map(formatFinding),
    ).to.deep.equal([]);
    entryOf(doc, 'booking').answer = `${'a'.repeat(440)} {practitionerName}`;
    const { text, findings } = check(doc);
    expect(printed(findings, 'warning', /entry "booking": answer is/)).to.equal(
      `WARNING  line ${lineContaining(text, 'aaaa')}: entry "booking": answer is 452 characters on SMS with {placeholders} filled in: more than fits in the 3 text-message parts sent at once (153 characters each), so SMS patients must reply MORE for the rest`,
    );
  });

  it('names the character that makes an answer UCS-2 (67 characters a part) when that is why it does not fit', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = `${'a'.repeat(200)} Ş`;
    const { findings } = check(doc);
    expect(printed(findings, 'warning', /entry "booking": answer is/)).to.include(
      'answer is 202 characters on SMS: more than fits in the 3 text-message parts sent at once (only 67 characters each, because "Ş" is outside the SMS alphabet: replace it to fit 153)',
    );
  });

  it('does not warn about the length of any shipped answer: each fits the SMS parts sent at once', () => {
    const { findings } = check(readFileSync('knowledge/faq.json', 'utf8'));
    expect(findings.filter((f) => /answer is \d+ characters/.test(f.message)).map(formatFinding)).to.deep.equal([]);
  });

  it('finds malformed links', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = 'Book at [our booking page](htps//booking.example.com) or www.example.com/book.';
    const { text, findings } = check(doc);
    const line = lineContaining(text, 'our booking page');
    expect(printed(findings, 'error', /htps/)).to.equal(
      `ERROR    line ${line}: entry "booking": answer links to "htps//booking.example.com", which is not a complete web address (it should start with https://)`,
    );
    expect(printed(findings, 'warning', /www\./)).to.contain(
      `line ${line}: entry "booking": answer has "www.example.com/book" without https://`,
    );
  });

  it('finds placeholders the bot does not know', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').answer = 'Ask {doctorName} at the front desk.';
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /doctorName/)).to.contain(
      `line ${lineContaining(text, '{doctorName}')}: entry "booking": answer uses {doctorName}, which the bot cannot fill in`,
    );
  });

  it('finds the same question in two entries', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'booking').questions.push('What stretches help sciatica?');
    const { text, findings } = check(doc);
    expect(printed(findings, 'error', /also in entry/)).to.equal(
      `ERROR    line ${lineContaining(text, 'What stretches help sciatica?')}: entry "booking": the question "What stretches help sciatica?" is also in entry "stretching" (line ${lineContaining(text, '"what stretches help sciatica"')}): keep it in the one entry that answers it`,
    );
  });

  it('reports an own question that gets "did you mean" instead of its entry', () => {
    // In an entry whose every other question names its subject ("stretch"), such a question is answered
    // with the other entry instead (an error): the entry about sciatica itself has no subject to miss.
    const doc = fixtureDoc();
    entryOf(doc, 'what-is-sciatica').questions.push('how long does sciatica last for');
    const { text, findings } = check(doc);
    expect(printed(findings, 'warning', /"what-is-sciatica": the question .*did you mean/)).to.equal(
      `WARNING  line ${lineContaining(text, 'how long does sciatica last for')}: entry "what-is-sciatica": the question "how long does sciatica last for" gets "did you mean" ("what-is-sciatica", "healing-time") instead of this answer: add words that only this entry uses`,
    );
  });

  it('reports an own question the bot does not recognise at all', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'stretching').questions.push('what about it?');
    const { text, findings } = check(doc);
    expect(printed(findings, 'warning', /not recognised/)).to.contain(
      `line ${lineContaining(text, 'what about it?')}: entry "stretching": the question "what about it?" is not recognised at all`,
    );
  });

  it('reports an own question that the bot answers with another entry as an error', () => {
    // The real matcher ranks an exact question first for its own entry, so a stub plays the confused matcher.
    const doc = fixtureDoc();
    const other = entryOf(doc, 'painkillers');
    const kb = {
      entries: [entryOf(doc, 'stretching')],
      decide: () => ({ kind: 'answer', entry: other, candidates: [] }),
    } as unknown as KnowledgeBase;
    const [finding] = selfRetrieval(kb, (e, q) => 10 + e * 20 + q);
    expect(formatFinding(finding)).to.equal(
      'ERROR    line 10: entry "stretching": the question "stretching" is answered with entry "painkillers" instead: reword it so it is clearly about this entry, or move it to "painkillers"',
    );
  });

  it('warns about an entry with no source a clinician can review', () => {
    const doc = fixtureDoc();
    delete (entryOf(doc, 'stretching') as { source?: string }).source;
    const { text, findings } = check(doc);
    expect(printed(findings, 'warning', /no "source"/)).to.contain(
      `line ${lineContaining(text, '"id": "stretching"')}: entry "stretching": no "source"`,
    );
  });

  it('warns about near-identical questions in two entries', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'painkillers').questions.push('Sciatica: how long does it last?');
    const { text, findings } = check(doc);
    // Reported where it appears the second time in the file (healing-time comes after painkillers).
    expect(printed(findings, 'warning', /says the same as/)).to.contain(
      `line ${lineContaining(text, '"how long does sciatica last"')}: entry "healing-time": the question "how long does sciatica last" says the same as "Sciatica: how long does it last?" in entry "painkillers"`,
    );
  });

  it('warns about a word an entry has only misspelt', () => {
    const doc = fixtureDoc();
    entryOf(doc, 'healing-time').questions.push('does ibuprofin make it heal faster');
    const { text, findings } = check(doc);
    expect(printed(findings, 'warning', /"ibuprofin" appears only misspelt/)).to.contain(
      `line ${lineContaining(text, 'does ibuprofin make it heal faster')}: entry "healing-time"`,
    );
  });
});
