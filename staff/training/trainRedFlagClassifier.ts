/**
 * Trains the red-flag classifier (safety/RedFlagClassifier.ts) from the labelled corpora: the red-flag
 * development sets and the old held-out third (labels emergency, urgent, crisis, none; "clarify" counts as
 * none), everyday chat and the FAQ questions (none). Deterministic: the same corpora give the same file, which a test checks.
 * The blind held-out sets under test/data/heldout are never trained on; spent ones (test/data/spent) are.
 */
import { trainLogisticRegression } from '../../language/LogisticRegression';
import { type LabelledText, readCorpus } from '../../language/NaiveBayes';
import { TextCleanup } from '../../language/TextCleanup';
import { CLASSIFIER_LABELS, type ClassifierModel, RED_FLAG_STOPWORDS } from '../../safety/RedFlagClassifier';

/** Corpus files (relative to the package root) and how their labels read. */
export const TRAINING_FILES: readonly { readonly file: string; readonly everyday: boolean }[] = [
  { file: 'test/data/red-flags-dev.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-d.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-e.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-h.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-j.jsonl', everyday: false },
  { file: 'test/data/red-flags-heldout.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-b-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-c-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-f-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-g-2026-12.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-n.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-p.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-q.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-h-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-i-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-k-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-l-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-m-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-o-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-r-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-s-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-t-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-u-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-v-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-w-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-x-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-y-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-z-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-aa-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ab-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ac-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ad-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ae-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-af-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ag-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ah-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ai-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-aj-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ak-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-al-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-am-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-an-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ao-2026-12.jsonl', everyday: false },
  { file: 'test/data/spent/red-flags-heldout-ap-2026-12.jsonl', everyday: false },
  { file: 'test/data/everyday-chat.jsonl', everyday: true },
  { file: 'test/data/everyday-idioms.jsonl', everyday: true },
  { file: 'test/data/faq-labelled.jsonl', everyday: true },
  { file: 'test/data/faq-dev.jsonl', everyday: true },
  { file: 'test/data/faq-dev-d.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-c-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-e-2026-12.jsonl', everyday: true },
  { file: 'test/data/faq-dev-e.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-f-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-g-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-h-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-i-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-j-2026-12.jsonl', everyday: true },
  { file: 'test/data/spent/faq-heldout-k-2026-12.jsonl', everyday: true },
];

/**
 * The net escalates when the rules saw one of the label's cue concepts where it counts (not negated, past or a
 * joke), and without a cue only when it is very sure. Chosen on four blind sets, each scored by the rules with
 * a net trained without it, and on 600 everyday chat lines (also left out): crisis from 0.6 with a cue, 0.9
 * without (crisis 87-93% of lines, everyday chat escalated 1.0%; naive Bayes at its best point: 88-95% and
 * 2.0%); the direct crisis question from 0.4 with a cue; emergency from 0.8 with a cue, 0.98 without; urgent
 * from 0.6 with a sign of serious disease; crisis or emergency from 0.1 marks the message risky (no booking
 * pitch: on the blind sets that halves the missed crisis lines a pitch could follow, for the offer on about
 * 2% of everyday messages). Without a cue, crisis from 0.8 and emergency from 0.95 since stop 24: on the thirteen blind
 * sets AA-AM, six FAQ sets and the everyday chat, each scored with a net trained without it, 10 more crisis lines
 * and 7 more emergencies for 4 everyday messages escalated of 4,770 (from 0.9 / 0.98).
 */
const CRISIS_CUES = [
  'alcoholBinge',
  'attemptNow',
  'dangerPlace',
  'defeat',
  'despair',
  'farewell',
  'farewellClose',
  'finality',
  'hopeless',
  'meansHeld',
  'numbOut',
  'overdoseWord',
  'painMeds',
  'saveUp',
  'selfHarm',
  'selfHarmAct',
  'suicideAttempt',
  'suicideIntent',
  'suicidePreparation',
  'takeAll',
  'takeExtra',
  'thanksFarewell',
  'wishDead',
  'withdrawing',
];
/** Signs of an emergency, not the everyday sciatica words (numbness or tingling in one leg). */
const EMERGENCY_CUES = [
  'saddleSite',
  'buttocks',
  'wiping',
  'voiding',
  'voidingFails',
  'wetSelf',
  'soilSelf',
  'bowel',
  'controlLost',
  'unaware',
  'sexual',
  'weak',
  'wontMove',
  'footDrop',
  'bothSides',
  'legsPlural',
  'chestPain',
  'chestSite',
  'strokeSign',
  'faceArmSpeech',
  'breathless',
  'collapse',
  'airwaySwelling',
  'namedEmergency',
  'headacheWorst',
  'headPain',
  'coughBlood',
  'aorticSign',
  'leak',
  'toiletTrouble',
];
/** Signs of serious disease: what the urgent rules combine. */
const URGENT_CUES = [
  'fever',
  'feverNumber',
  'temperatureWord',
  'systemic',
  'trauma',
  'fall',
  'anticoagulant',
  'weightLost',
  'cancer',
  'unrelieved',
  'longTermSteroids',
  'immunosuppressed',
  'ivDrugs',
  'osteoporosis',
  'spineProcedure',
  'complication',
];
const ESCALATE: ClassifierModel['escalate'] = {
  crisis: { cues: CRISIS_CUES, at: 0.6, askAt: 0.4, withoutCueAt: 0.8 },
  emergency: { cues: EMERGENCY_CUES, at: 0.8, withoutCueAt: 0.95 },
  urgent: { cues: URGENT_CUES, at: 0.6 },
};
const RISK_AT = 0.1;
/**
 * The net doubts a rule's emergency or urgent finding below this probability of every risk label. Chosen on the
 * ten blind sets AA-AJ, each scored with a net trained without it: 53 of their 99 rule false alarms set aside and
 * none of 2,007 true findings; from 0.001 it set aside 66 and lost 2 (an overdose taken by mistake, night pain).
 */
const DOUBT_BELOW = 0.0003;
/** Ten passes with Adagrad steps: the blind sets' scores level off there (five passes: 2-6 points less crisis). */
const TRAINING = { epochs: 10, learningRate: 0.2, l2: 1e-6 };

export function trainRedFlagClassifier(root: string): ClassifierModel {
  const texts: LabelledText[] = [];
  const trainedOn = TRAINING_FILES.map(({ file, everyday }) => {
    const { lines, record } = readCorpus(root, file);
    for (const { text, expected } of lines) {
      const label = everyday || expected === 'clarify' || expected === null ? 'none' : expected;
      texts.push({ cleaned: TextCleanup.default.clean(text), label });
    }
    return record;
  });
  const { labels, logPrior, features } = trainLogisticRegression(texts, CLASSIFIER_LABELS, RED_FLAG_STOPWORDS, TRAINING);
  return {
    source: 'Logistic regression over word lemmas and pairs, trained by npm run safety:train on the corpora listed in trainedOn',
    review: { by: null, date: null },
    trainedOn,
    escalate: ESCALATE,
    riskAt: RISK_AT,
    doubtBelow: DOUBT_BELOW,
    labels,
    logPrior,
    features,
  };
}
