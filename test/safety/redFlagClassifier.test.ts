import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { formatModelFile } from '../../language/NaiveBayes';
import { RedFlagDetector } from '../../safety/RedFlagDetector';
import { CLASSIFIER_FILE, loadRedFlagRules } from '../../safety/RedFlagRules';
import { trainRedFlagClassifier } from '../../staff/training/trainRedFlagClassifier';

const ROOT = join(__dirname, '../..');
const RULES = join(ROOT, 'knowledge/red-flags.json');

describe('RedFlagClassifier (the learned net behind the rules)', () => {
  const detector = new RedFlagDetector(loadRedFlagRules(RULES));

  it('is the model its corpora train: run `npm run safety:train` after changing a corpus', () => {
    const committed = readFileSync(join(ROOT, 'knowledge', CLASSIFIER_FILE), 'utf8');
    expect(
      formatModelFile(trainRedFlagClassifier(ROOT)) === committed,
      'knowledge/red-flag-classifier.json is stale: npm run safety:train',
    ).to.equal(true);
  });

  it("escalates crisis wording no rule describes, marked as the net's finding for the audit", () => {
    for (const text of [
      'i keep looking at the pill bottle and counting',
      'the tablets are all in one drawer now, nobody needs to worry about me soon',
    ]) {
      expect(detector.assess(text), text)
        .to.include({ kind: 'escalate', urgency: 'crisis' })
        .and.to.have.deep.property('flags', ['learned-crisis']);
    }
  });

  it('escalates an emergency described in words no rule has, when the rules saw an emergency sign', () => {
    for (const text of [
      'my bottom feels like it belongs to someone else and the loo is a guessing game now',
      'my toes just hang there like a puppet with cut strings since yesterday',
    ]) {
      expect(detector.assess(text), text)
        .to.include({ kind: 'escalate', urgency: 'emergency' })
        .and.to.have.deep.property('flags', ['learned-emergency']);
    }
    // Numbness in one leg is everyday sciatica: no emergency sign for the net to lean on.
    expect(detector.assess('my right leg is numb').kind).to.not.equal('escalate');
  });

  it('asks the direct crisis question when the net is fairly but not fully sure, and never pitches to it', () => {
    // Thresholds moved around one message so it lands between "ask" and "escalate": the band's behaviour,
    // whatever the next retrain makes of the message itself.
    const text = 'my mate sent me a weird message saying he was sorry for everything and now his phone is off';
    const rules = loadRedFlagRules(RULES);
    const model = rules.classifier as NonNullable<typeof rules.classifier>;
    const crisis = model.escalate.crisis as NonNullable<typeof model.escalate.crisis>;
    const unsure = { ...crisis, at: 1.01, askAt: 0.5, withoutCueAt: undefined };
    const asking = new RedFlagDetector({ ...rules, classifier: { ...model, escalate: { ...model.escalate, crisis: unsure } } });
    expect(asking.assess(text)).to.include({ kind: 'clarify', ruleId: 'crisis-check' });
    expect(detector.assess(text)).to.include({ kind: 'escalate', urgency: 'crisis' });
    // No crisis word for the rules to see and below the no-cue bar: not escalated, but no sales pitch either.
    const quietCrisis = { ...crisis, withoutCueAt: 1.01 };
    const quiet = new RedFlagDetector({
      ...rules,
      classifier: { ...model, riskAt: 0.01, escalate: { ...model.escalate, crisis: quietCrisis } },
    });
    expect(quiet.assess('some days I wonder what I am even doing any of this for')).to.deep.equal({
      kind: 'clear',
      riskConcepts: ['learned'],
    });
  });

  it('refuses a model whose cue concepts the rules file does not have (the net would never speak)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rules-'));
    for (const file of ['red-flags.json', 'red-flags.schema.json']) copyFileSync(join(ROOT, 'knowledge', file), join(folder, file));
    const model = JSON.parse(readFileSync(join(ROOT, 'knowledge', CLASSIFIER_FILE), 'utf8'));
    writeFileSync(
      join(folder, CLASSIFIER_FILE),
      JSON.stringify({
        ...model,
        escalate: { ...model.escalate, crisis: { ...model.escalate.crisis, cues: [...model.escalate.crisis.cues, 'renamedConcept'] } },
      }),
    );
    expect(() => loadRedFlagRules(join(folder, 'red-flags.json'))).to.throw(/escalate\.crisis\.cues.*unknown concept 'renamedConcept'/);
  });

  it('leaves everyday questions alone, and the rules work on their own without the model file', () => {
    for (const text of [
      'how long does sciatica take to heal',
      'can I book a discovery call for next week',
      'is heat or ice better for my back',
    ]) {
      expect(detector.assess(text).kind, text).to.equal('clear');
    }
    const folder = mkdtempSync(join(tmpdir(), 'rules-'));
    for (const file of ['red-flags.json', 'red-flags.schema.json']) copyFileSync(join(ROOT, 'knowledge', file), join(folder, file));
    const rulesOnly = loadRedFlagRules(join(folder, 'red-flags.json'));
    expect(rulesOnly.classifier).to.equal(undefined);
    expect(new RedFlagDetector(rulesOnly).assess('i keep looking at the pill bottle and counting').kind).to.not.equal('escalate');
  });
});
