/**
 * The knowledge base as the bot and clinic staff meet it: faq.json refused with a sentence naming the
 * entry and the field, the real file accepted, typos tolerated, and the three kinds of decision.
 */
import { join } from 'node:path';
import { expect } from 'chai';
import { decideFromCandidates } from '../../faq/decideFromCandidates';
import type { ScoredEntry } from '../../faq/FaqDecision';
import type { FaqEntry } from '../../faq/FaqEntry';
import { KnowledgeBase } from '../../faq/KnowledgeBase';
import { KnowledgeBaseError } from '../../faq/KnowledgeBaseError';
import { KnowledgeBaseMessages as M } from '../../faq/KnowledgeBaseMessages';
import { loadKnowledgeBase, parseKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { OutOfDomain } from '../../faq/OutOfDomain';
import { TextNormaliser } from '../../faq/TextNormaliser';

const SOURCE = 'knowledge/faq.json';
const FAQ_PATH = join(__dirname, '..', '..', 'knowledge', 'faq.json');

const entry = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  title: 'A title',
  questions: [`${id} one`, `${id} two`, `${id} three`, `${id} four`, `${id} five`],
  answer: `All about ${id}.`,
  ...extra,
});

/** Parses a document built from `entries` and returns the refusal (failing the test if there is none). */
function refusal(doc: unknown): KnowledgeBaseError {
  try {
    parseKnowledgeBase(typeof doc === 'string' ? doc : JSON.stringify(doc), SOURCE);
  } catch (err) {
    expect(err).to.be.instanceOf(KnowledgeBaseError);
    return err as KnowledgeBaseError;
  }
  throw new Error('expected the knowledge base to be refused');
}

describe('loadKnowledgeBase refuses a broken faq.json', () => {
  const cases: [string, unknown, string, string | undefined, string | undefined][] = [
    ['text that is not JSON', '{ "entries": [ }', '', undefined, undefined],
    [
      'an unknown top-level field',
      { entries: [entry('stretching')], entires: [] },
      M.unknownTopLevelField(SOURCE, 'entires'),
      undefined,
      undefined,
    ],
    ['no entries', { entries: [] }, M.noEntries(SOURCE), undefined, 'entries'],
    [
      'a missing answer',
      { entries: [entry('stretching', { answer: undefined })] },
      M.missingField(SOURCE, 'entry "stretching"', 'answer'),
      'stretching',
      'answer',
    ],
    [
      'a misspelt field',
      { entries: [entry('stretching', { anwser: 'x' })] },
      M.unknownField(SOURCE, 'entry "stretching"', 'anwser'),
      'stretching',
      'anwser',
    ],
    [
      'an id that is not kebab-case',
      { entries: [entry('Stretching Tips')] },
      M.badId(SOURCE, 'entry "Stretching Tips"'),
      'Stretching Tips',
      'id',
    ],
    ['a missing id', { entries: [entry('a'), { ...entry('b'), id: undefined }] }, M.missingField(SOURCE, 'entry 2', 'id'), 'entry 2', 'id'],
    [
      'a title over 20 characters',
      { entries: [entry('stretching', { title: 'Stretching and your sciatica' })] },
      M.tooLong(SOURCE, 'entry "stretching"', 'title', 20),
      'stretching',
      'title',
    ],
    [
      'fewer than 5 questions',
      { entries: [entry('stretching', { questions: ['a', 'b', 'c'] })] },
      M.tooFewQuestions(SOURCE, 'entry "stretching"', 5),
      'stretching',
      'questions',
    ],
    [
      'a blank question',
      { entries: [entry('stretching', { questions: ['a', 'b', '  ', 'd', 'e'] })] },
      M.emptyQuestion(SOURCE, 'entry "stretching"', 3),
      'stretching',
      'questions',
    ],
    [
      'a blank answer',
      { entries: [entry('stretching', { answer: ' \n ' })] },
      M.emptyAnswer(SOURCE, 'entry "stretching"'),
      'stretching',
      'answer',
    ],
    [
      'an answer over 1200 characters',
      { entries: [entry('stretching', { answer: 'x'.repeat(1201) })] },
      M.tooLong(SOURCE, 'entry "stretching"', 'answer', 1200),
      'stretching',
      'answer',
    ],
    [
      'offerBooking that is not true/false',
      { entries: [entry('stretching', { offerBooking: 'yes' })] },
      M.wrongType(SOURCE, 'entry "stretching"', 'offerBooking', 'true or false'),
      'stretching',
      'offerBooking',
    ],
    [
      'a duplicate id',
      { entries: [entry('stretching'), entry('mobility'), entry('stretching')] },
      M.duplicateId(SOURCE, 'stretching'),
      'stretching',
      'id',
    ],
    [
      'a follow-up to an unknown id',
      { entries: [entry('stretching', { followUps: ['stretchs'] })] },
      M.unknownFollowUp(SOURCE, 'stretching', 'stretchs'),
      'stretching',
      'followUps',
    ],
  ];

  for (const [what, doc, message, entryId, field] of cases) {
    it(`refuses ${what}`, () => {
      const err = refusal(doc);
      if (message !== '') expect(err.message).to.equal(message);
      expect(err.message.startsWith(`${SOURCE}: `)).to.equal(true);
      expect(err.source).to.equal(SOURCE);
      expect(err.entryId).to.equal(entryId);
      expect(err.field).to.equal(field);
    });
  }

  for (const html of [
    'Call us <b>today</b>.',
    'See <a href="https://evil.example">this</a>.',
    'Hi<script>alert(1)</script>',
    'Hidden <!-- note --> text',
    'Line<br/>break',
    '<img src=x onerror=alert(1)>',
  ]) {
    it(`refuses an answer with raw HTML: ${html}`, () => {
      const err = refusal({ entries: [entry('stretching', { answer: html })] });
      expect(err.message).to.match(/^knowledge\/faq\.json: entry "stretching": answer contains HTML/);
      expect([err.entryId, err.field]).to.deep.equal(['stretching', 'answer']);
    });
  }

  it('accepts markdown autolinks and a "<" in text, which are not HTML', () => {
    const answer = 'Book at <https://booking.example.com>, mail <desk@clinic.example>, and rest if pain lasts < 3 days or <2 hours.';
    expect(() => parseKnowledgeBase(JSON.stringify({ entries: [entry('stretching', { answer })] }), SOURCE)).to.not.throw();
  });

  it('says in plain words which entry refers to which missing id', () => {
    expect(refusal({ entries: [entry('stretching', { followUps: ['stretchs'] })] }).message).to.equal(
      'knowledge/faq.json: entry "stretching": followUps refers to "stretchs", which is not an entry id',
    );
  });

  it('names the JSON problem, its line and column, and what to do', () => {
    expect(refusal('{ "entries": [ }').message).to.equal(
      'knowledge/faq.json: is not valid JSON at line 1, column 16: a value is expected here: text in double quotes, a number, true or false, a list [ ] or an entry { }',
    );
    expect(refusal('{\n  "entries": [\n    { "id": "a" },\n  ]\n}').message).to.equal(
      'knowledge/faq.json: is not valid JSON at line 3, column 18: there is a comma after the last item before this "]": remove the comma',
    );
  });

  it('refuses a file that cannot be read, naming it', () => {
    expect(() => loadKnowledgeBase('knowledge/no-such-faq.json')).to.throw(
      KnowledgeBaseError,
      M.unreadable('knowledge/no-such-faq.json', 'ENOENT'),
    );
  });
});

describe('KnowledgeBase', () => {
  const kb = loadKnowledgeBase(FAQ_PATH);

  it('accepts the real faq.json against its schema', () => {
    expect(kb.entries.length).to.equal(30);
    expect(kb.entry('stretching')?.title).to.equal('Stretching');
    expect(kb.entry('no-such-entry')).to.equal(undefined);
  });

  it('is immutable and versioned by content', () => {
    expect(Object.isFrozen(kb.entries)).to.equal(true);
    expect(Object.isFrozen(kb.entries[0].questions)).to.equal(true);
    expect(kb.version).to.match(/^[0-9a-f]{16}$/);
    expect(loadKnowledgeBase(FAQ_PATH).version).to.equal(kb.version);
    const edited = kb.entries.map((e) => (e.id === 'booking' ? { ...e, answer: `${e.answer} ` } : e));
    expect(new KnowledgeBase(edited).version).to.not.equal(kb.version);
  });

  it('tolerates typos in the words that matter', () => {
    const examples: [string, string][] = [
      ['what are sciatca symptoms', 'symptoms'],
      ['piriformus muscle pain', 'piriformis-syndrome'],
      ['do cortizone injections work', 'cortisone-injections'],
      ['is ibuprofin ok for my leg pain', 'painkillers'],
      ['decompresion exercises for my back', 'decompression'],
      ['stenosiss in my lower back', 'spinal-stenosis'],
    ];
    for (const [message, id] of examples) {
      const decision = kb.decide(message);
      expect(decision.kind, message).to.equal('answer');
      expect(decision.kind === 'answer' && decision.entry.id, message).to.equal(id);
    }
  });

  it('answers a clear question, and says none to gibberish and to an empty message', () => {
    const answer = kb.decide('what is sciatica');
    expect(answer.kind === 'answer' && answer.entry.id).to.equal('what-is-sciatica');
    for (const message of ['asdfgh qwerty', 'zzzzzz', '', '?!']) expect(kb.decide(message).kind, message).to.equal('none');
  });

  it('offers "did you mean" when two entries match equally well', () => {
    const twins: FaqEntry[] = [
      { id: 'left', questions: ['pain relief options', 'a', 'b', 'c', 'd'], answer: 'Left.' },
      { id: 'right', questions: ['pain relief options', 'e', 'f', 'g', 'h'], answer: 'Right.' },
      { id: 'other', questions: ['booking a session', 'i', 'j', 'k', 'l'], answer: 'Other.' },
    ];
    const decision = new KnowledgeBase(twins).decide('pain relief options');
    expect(decision.kind).to.equal('didYouMean');
    expect(decision.kind === 'didYouMean' && decision.suggestions.map((s) => s.id)).to.deep.equal(['left', 'right']);
  });

  it('offers "did you mean" instead of answering when the runner-up is close behind, unless the best restates one of its questions', () => {
    // Most wrong answers came with a runner-up a few hundredths behind: a wrong answer is worse than none.
    const entryOf = (id: string): FaqEntry => ({ id, questions: [], answer: '' });
    const kind = (top: number, next: number) =>
      decideFromCandidates(
        [
          { id: 'a', score: top },
          { id: 'b', score: next },
        ],
        kb.options,
        entryOf,
      ).kind;
    const { answerThreshold: bar, answerMargin: margin, sureThreshold: sure } = kb.options;
    expect(kind(bar + 0.05, bar + 0.05 - margin / 2)).to.equal('didYouMean');
    expect(kind(bar + 0.05, bar + 0.04 - margin)).to.equal('answer');
    expect(kind(sure, sure - margin / 2)).to.equal('answer');
    expect(kind(sure, sure), 'a tie stays a question').to.equal('didYouMean');
  });

  it('answers a question naming no subject with the general entry, not with one about something the message never named', () => {
    // A wider practice's FAQ (issue 16): every question of the whiplash entry names whiplash.
    const wider: FaqEntry[] = [
      {
        id: 'heat-and-ice',
        questions: [
          'should i use heat or ice on my back',
          'is ice better than a hot water bottle',
          'heat or cold for the pain',
          'can i put an ice pack on it',
          'does a heat pad help the pain',
        ],
        answer: 'Either helps.',
      },
      {
        id: 'whiplash-heat-or-ice',
        questions: [
          'whiplash heat or ice',
          'heat or ice for whiplash',
          'should i ice my whiplash',
          'does heat help whiplash',
          'is a heat pad good for whiplash',
        ],
        answer: 'For whiplash.',
      },
      {
        id: 'booking',
        questions: ['how do i book', 'can i make an appointment', 'book a session', 'appointment booking', 'how to book online'],
        answer: 'Book.',
      },
    ];
    const widerKb = new KnowledgeBase(wider, kb.options, TextNormaliser.default, OutOfDomain.default, null);
    const answered = (text: string) => {
      const decision = widerKb.decide(text);
      return decision.kind === 'answer' ? decision.entry.id : decision.kind;
    };
    expect(answered('heat or ice?')).to.equal('heat-and-ice');
    expect(answered('heat or ice for my whiplash?')).to.equal('whiplash-heat-or-ice');
    // One question about the body part instead ("my neck") still leaves the entry about whiplash.
    const neck = wider.map((e) =>
      e.id === 'whiplash-heat-or-ice' ? { ...e, questions: [...e.questions.slice(0, 4), 'cold pack or heat pack for my neck'] } : e,
    );
    const neckKb = new KnowledgeBase(neck, kb.options, TextNormaliser.default, OutOfDomain.default, null);
    const decision = neckKb.decide('heat or ice?');
    expect(decision.kind === 'answer' && decision.entry.id).to.equal('heat-and-ice');
  });

  it('offers "did you mean" for a moderately confident match when the band is configured', () => {
    const options = { ...kb.options, answerThreshold: 0.99, suggestThreshold: 0.3 };
    // The matcher alone: the second opinion would answer this one itself.
    const decision = new KnowledgeBase(kb.entries, options, TextNormaliser.default, OutOfDomain.default, null).decide(
      'stretches for my hamstrings',
    );
    expect(decision.kind).to.equal('didYouMean');
    expect(decision.kind === 'didYouMean' && decision.suggestions[0].id).to.equal('stretching');
  });

  it('returns up to 5 candidates, sorted by both opinions, scored 0..1, for every kind of decision', () => {
    const both = (c: ScoredEntry) => c.score + (c.net ?? 0);
    for (const message of ['what is sciatica', 'how to stop hiccups', 'is walking ok', 'pain', 'asdf']) {
      const { candidates } = kb.decide(message);
      expect(candidates.length, message).to.be.at.most(5);
      candidates.forEach((c, i) => {
        expect(c.score, message).to.be.within(0, 1);
        expect(c.net ?? 0, message).to.be.within(0, 1);
        if (i > 0) expect(both(c), message).to.be.at.most(both(candidates[i - 1]));
      });
    }
    expect(kb.decide('sciatica pain in my leg').candidates).to.have.length(5);
  });

  it('matches only the first part of a very long message', () => {
    const long = `what is sciatica ${'and then some more words '.repeat(2000)}`;
    const decision = kb.decide(long);
    expect(decision.candidates[0]?.id).to.equal('what-is-sciatica');
    expect(decision).to.deep.equal(kb.decide(long.slice(0, kb.options.maxMessageLength)));
  });

  it('finds every entry from each of its own questions (self-retrieval)', () => {
    const misses: string[] = [];
    let total = 0;
    for (const e of kb.entries) {
      for (const question of e.questions) {
        total++;
        const decision = kb.decide(question);
        if (decision.kind !== 'answer' || decision.entry.id !== e.id)
          misses.push(`${e.id}: "${question}" → ${decision.candidates[0]?.id ?? 'none'}`);
      }
    }
    console.log(`      self-retrieval: ${total - misses.length}/${total} questions answered with their own entry`);
    expect(misses, misses.join('\n')).to.deep.equal([]);
  });
});
