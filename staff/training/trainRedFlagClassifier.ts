/**
 * Trains the red-flag classifier (safety/RedFlagClassifier.ts) from the labelled corpora: the red-flag
 * development sets and the old held-out third (labels emergency, urgent, crisis, none; "clarify" counts as
 * none) and the FAQ questions (none). Deterministic: the same corpora give the same file, which a test checks.
 * The blind held-out sets under test/data/heldout are never trained on.
 */
import { formatModelFile, type LabelledText, readCorpus, trainNaiveBayes } from '../../language/NaiveBayes';
import { TextCleanup } from '../../language/TextCleanup';
import { CLASSIFIER_LABELS, type ClassifierModel, RED_FLAG_STOPWORDS } from '../../safety/RedFlagClassifier';

/** Corpus files (relative to the package root) and how their labels read. */
export const TRAINING_FILES: readonly { readonly file: string; readonly everyday: boolean }[] = [
  { file: 'test/data/red-flags-dev.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-d.jsonl', everyday: false },
  { file: 'test/data/red-flags-dev-e.jsonl', everyday: false },
  { file: 'test/data/red-flags-heldout.jsonl', everyday: false },
  { file: 'test/data/faq-labelled.jsonl', everyday: true },
  { file: 'test/data/faq-dev.jsonl', everyday: true },
];

/**
 * The net speaks for crisis and emergencies only (it called one-leg numbness an emergency with 0.994), and
 * only when the rules saw one of the label's cue concepts, so an idiom with no such word ("I will take
 * everything in my stride") stays clear. Measured across the blind development sets, each scored by a
 * model trained without it: crisis from 0.99 (83-85% of crisis lines alone, 0-0.3% of other lines),
 * the direct crisis question from 0.97; emergency from 0.995 (86-90% alone, no benign line, 1 of 440
 * everyday questions); any label from 0.5 marks the message risky (no pitch).
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
  crisis: { cues: CRISIS_CUES, at: 0.99, askAt: 0.97 },
  emergency: { cues: EMERGENCY_CUES, at: 0.995 },
  urgent: { cues: URGENT_CUES, at: 2 },
};
const RISK_AT = 0.5;

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
  const { labels, logPrior, features } = trainNaiveBayes(texts, CLASSIFIER_LABELS, RED_FLAG_STOPWORDS);
  return {
    source: 'Naive Bayes over word lemmas and pairs, trained by npm run safety:train on the corpora listed in trainedOn',
    review: { by: null, date: null },
    trainedOn,
    escalate: ESCALATE,
    riskAt: RISK_AT,
    labels,
    logPrior,
    features,
  };
}

/** The model as the file holds it. */
export function formatModel(model: ClassifierModel): string {
  const { labels, logPrior, features, ...head } = model;
  return formatModelFile(head, { labels, logPrior, features });
}
