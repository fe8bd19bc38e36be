import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { FAQ_CLASSIFIER_FILE } from '../../faq/FaqClassifier';
import type { FaqDecision } from '../../faq/FaqDecision';
import { KnowledgeBase } from '../../faq/KnowledgeBase';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { OutOfDomain } from '../../faq/OutOfDomain';
import { TextNormaliser } from '../../faq/TextNormaliser';
import { formatFaqModel, trainFaqClassifier } from '../../staff/training/trainFaqClassifier';

const ROOT = join(__dirname, '../..');

function shown(decision: FaqDecision): string {
  if (decision.kind === 'answer') return `answer ${decision.entry.id}`;
  if (decision.kind === 'didYouMean') return `did you mean ${decision.suggestions.map((e) => e.id).join(', ')}`;
  return 'none';
}

describe("FaqClassifier (the matcher's second opinion)", () => {
  const kb = loadKnowledgeBase(join(ROOT, 'knowledge/faq.json'));
  const matcherAlone = new KnowledgeBase(kb.entries, kb.options, TextNormaliser.default, OutOfDomain.default, null);

  it('is the model faq.json and the development sets train: run `npm run kb:train` after editing them', () => {
    const committed = readFileSync(FAQ_CLASSIFIER_FILE, 'utf8');
    expect(formatFaqModel(trainFaqClassifier(ROOT)) === committed, 'knowledge/faq-classifier.json is stale: npm run kb:train').to.equal(
      true,
    );
  });

  it('holds back an answer it finds implausible and offers both readings instead', () => {
    const text = 'does sciatica pain go all the way down to the foot';
    expect(shown(matcherAlone.decide(text))).to.equal('answer warning-signs');
    expect(shown(kb.decide(text))).to.equal('did you mean symptoms, warning-signs');
  });

  it("answers where the matcher could not decide, with one of the matcher's own first candidates", () => {
    const text = 'my mum says lie flat in bed for a week, is that right';
    expect(shown(matcherAlone.decide(text))).to.equal('none');
    const decision = kb.decide(text);
    expect(shown(decision)).to.equal('answer rest-or-move');
    expect(decision.candidates.slice(0, 3).map((c) => c.id)).to.include('rest-or-move');
  });

  it('leaves the out-of-domain answer alone', () => {
    expect(kb.decide('my knee hurts after running, any tips')).to.include({ kind: 'none' });
  });
});
