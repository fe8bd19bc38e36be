import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { trainForGrownFaq } from '../../bench/grownFaqNet';
import { syntheticKnowledgeBase } from '../../bench/syntheticKnowledgeBase';
import { FAQ_CLASSIFIER_FILE } from '../../faq/FaqClassifier';
import type { FaqDecision } from '../../faq/FaqDecision';
import { KnowledgeBase } from '../../faq/KnowledgeBase';
import { loadKnowledgeBase } from '../../faq/loadKnowledgeBase';
import { OutOfDomain } from '../../faq/OutOfDomain';
import { TextNormaliser } from '../../faq/TextNormaliser';
import { formatModelFile } from '../../language/NaiveBayes';
import { trainFaqClassifier } from '../../staff/training/trainFaqClassifier';

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
    expect(formatModelFile(trainFaqClassifier(ROOT)) === committed, 'knowledge/faq-classifier.json is stale: npm run kb:train').to.equal(
      true,
    );
  });

  it('answers its own entry when all but certain, and proposes entries the matcher did not list', () => {
    const text = 'does sciatica pain go all the way down to the foot';
    const alone = matcherAlone.decide(text);
    expect(shown(alone)).to.equal('answer warning-signs');
    expect(alone.candidates.slice(0, 3).map((c) => c.id)).to.not.include('symptoms');
    const decision = kb.decide(text);
    expect(shown(decision)).to.equal('answer symptoms');
    expect(decision.candidates.slice(0, 3).map((c) => c.id)).to.include('symptoms');
  });

  it('offers both readings instead of an answer when the two disagree and neither is decisive', () => {
    const text = 'are nsaids a good treatment for sciatica';
    expect(shown(matcherAlone.decide(text))).to.equal('answer painkillers');
    expect(shown(kb.decide(text))).to.equal('did you mean treatment-approach, painkillers');
  });

  it("offers its own likeliest entry in a did-you-mean the matcher's candidates missed", () => {
    const text = "what do you do that's different?";
    expect(shown(matcherAlone.decide(text))).to.equal('did you mean causes, mobility');
    expect(shown(kb.decide(text))).to.equal('did you mean treatment-approach, causes');
  });

  it('holds back an answer to a message it reads as out of scope', () => {
    const text = 'best cure for a cold';
    expect(shown(matcherAlone.decide(text))).to.equal('answer treatment-approach');
    expect(shown(kb.decide(text))).to.equal('none');
  });

  it("answers where the matcher could not decide, with one of the matcher's own first candidates", () => {
    const text = 'my mum says lie flat in bed for a week, is that right';
    expect(shown(matcherAlone.decide(text))).to.equal('none');
    const decision = kb.decide(text);
    expect(shown(decision)).to.equal('answer rest-or-move');
    expect(decision.candidates.slice(0, 3).map((c) => c.id)).to.include('rest-or-move');
  });

  it('is trained for a grown FAQ as for the real one, holding only what each entry saw, and reviews its decisions', () => {
    const grown = syntheticKnowledgeBase(kb.entries, 1000);
    const { net, numbers, features } = trainForGrownFaq(grown);
    // A dense model would hold features × (entries + 1) numbers.
    expect(numbers).to.be.below((features * 1001) / 50);
    const grownKb = new KnowledgeBase(grown, kb.options, TextNormaliser.default, OutOfDomain.default, net);
    expect(grownKb.secondOpinion).to.equal(true);
    expect(shown(grownKb.decide('does sciatica pain go all the way down to the foot'))).to.equal('answer symptoms');
  });

  it("overrules an answer that only a question naming the practice's own topic restated, in a FAQ grown to other conditions", () => {
    // Among 1,000 entries "sciatica" is rare, so "sciatica?" alone restates what-is-sciatica's shortest
    // question; but every likely entry uses it, so it cannot tell them apart and the whole message decides.
    const grown = syntheticKnowledgeBase(kb.entries, 1000);
    const grownKb = new KnowledgeBase(grown, kb.options, TextNormaliser.default, OutOfDomain.default, trainForGrownFaq(grown).net);
    expect(shown(grownKb.decide('tingling in my toes and a sore bum. sciatica?'))).to.equal('answer symptoms');
  });

  it('leaves the out-of-domain answer alone', () => {
    expect(kb.decide('my knee hurts after running, any tips')).to.include({ kind: 'none' });
  });
});
