/**
 * The clinician-reviewed red-flag rules and safety wording (knowledge/red-flags.json), their types,
 * and the start-up loader. Any problem stops start-up with an error naming the file, rule and field.
 * Wording is filled with fillPlaceholders (config/fillPlaceholders.ts) by whoever shows it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { compileContentSchema } from '../config/compileContentSchema';
import { readModelFile } from '../language/ModelFile';
import type { ReadModel } from '../language/NaiveBayes';
import type { ContextCues } from './ContextLayer';
import type { ClassifierModel } from './RedFlagClassifier';
import type { Urgency } from './SafetyAssessment';

/** Who reviewed a rule, word list or wording, and when; null until a clinician has. */
export interface Review {
  readonly by: string | null;
  readonly date: string | null;
}

/** A reviewed word list: one clinical idea, in the words patients use for it, per language. */
export interface Concept {
  readonly description: string;
  readonly source: string;
  readonly review: Review;
  readonly en: readonly string[];
  readonly es?: readonly string[];
  /** Concepts whose longer phrases this one gives way to ("legs" inside "between my legs"). */
  readonly yieldsTo?: readonly string[];
  /** A symptom that is on its own a possible warning sign (not a modifier word such as "took" or "will"). */
  readonly warningSign?: boolean;
  /** Not a warning sign, but a message naming it gets no booking pitch (red-flags.schema.json). */
  readonly withholdsPitch?: boolean;
  /** A medicine or its last dose named: a medicine cut down with care explains it (red-flags.schema.json). */
  readonly medicineTalk?: boolean;
}

/**
 * What a rule looks for: one concept of each group of `all`, within `window` words of one sentence, in any
 * order. `history: "counts"` when a past event is the red flag itself (a cancer history, a past attempt);
 * `someoneElseNeeds`: concepts that must be about that person too when the report is about someone else;
 * `pastNeeds`: concepts the message must report for a history told as long ago and over to count ("cancer in
 * 1998, discharged in 2008" on a form is no red flag; with new back pain it is); `unlessReported`: concepts whose
 * report anywhere in the message sets the finding aside (a fall told as leaving the back as it was).
 */
export interface ConceptRule {
  readonly id: string;
  readonly urgency: Urgency;
  readonly source: string;
  readonly review: Review;
  readonly all: ReadonlyArray<readonly string[]>;
  readonly window?: number;
  /** Which group holds the symptom a denial must reach (default: the last; the others are body sites or times). */
  readonly finding?: number;
  /** "message": the groups may stand in different sentences, any distance apart (a farewell). */
  readonly scope?: 'sentence' | 'message';
  readonly history?: 'counts' | 'clears';
  readonly someoneElseNeeds?: readonly string[];
  readonly pastNeeds?: readonly string[];
  readonly unlessReported?: readonly string[];
  /** Wetting or soiling, normal for a young child: no red flag when a young child is whose it is. */
  readonly normalInYoungChildren?: boolean;
}

/** A red flag: the advice named by `advice` (default: the urgency's) goes out at once. */
export interface RedFlagRule extends ConceptRule {
  readonly description: string;
  readonly advice?: string;
  readonly examples?: readonly string[];
}

/** A risk concept without a red flag: one question settles it, and "yes" means `urgency`. */
export interface ClarifyRule extends ConceptRule {
  readonly question: string;
}

export interface Escalation {
  readonly text: string;
  readonly reminder: string;
  readonly callButtonTitle: string;
}

export interface ScreeningQuestion {
  readonly id: string;
  readonly urgency: 'emergency' | 'urgent';
  readonly text: string;
}

export interface Screening {
  readonly intro: string;
  readonly questions: readonly ScreeningQuestion[];
  readonly context: { readonly duration: string; readonly painScore: string; readonly age: string };
  readonly thresholds: {
    readonly persistentWeeks: number;
    readonly highPainFrom: number;
    readonly ageConcernUnder: number;
    readonly ageConcernOver: number;
  };
  readonly closing: {
    readonly noRedFlags: string;
    readonly acute: string;
    readonly persistent: string;
    readonly highPain: string;
    readonly age: string;
    readonly safetyNet: string;
  };
}

export interface Translation {
  readonly review: Review;
  readonly escalations: Readonly<Record<string, Escalation>>;
  readonly clarify: Readonly<Record<string, string>>;
  readonly aboutSomeoneElse: string;
  /** The reply to a message in this language that is not a red flag: the assistant answers in English. */
  readonly otherLanguageReply: string;
}

export interface RedFlagRules {
  readonly version: string;
  readonly clinicalReview?: string;
  readonly context: ContextCues & { readonly source: string; readonly review: Review };
  readonly concepts: Readonly<Record<string, Concept>>;
  readonly rules: readonly RedFlagRule[];
  readonly clarify: readonly ClarifyRule[];
  /** Keyed by advice: each urgency, "crisisNow" for an attempt in progress, "emergencyAndCrisis" for both at once. */
  readonly escalations: Readonly<Record<string, Escalation>>;
  /** Said first when the report is about someone else. */
  readonly aboutSomeoneElse: string;
  readonly translations: { readonly es: Translation };
  readonly disclaimer: string;
  readonly screening: Screening;
  /** The learned net beside the rules (red-flag-classifier.json in the same folder), when that file is there. */
  readonly classifier?: ReadModel<ClassifierModel>;
}

/** The classifier's file name, beside the rules file. */
export const CLASSIFIER_FILE = 'red-flag-classifier.json';

/** The placeholders safety wording may use; all come from BotConfig. */
export const PLACEHOLDERS = ['emergencyNumber', 'urgentCareAdvice', 'crisisLine', 'practiceName', 'practitionerName', 'clinicPhone'];

/** Reads, schema-validates and checks the rules file. Throws an Error naming file, rule and field. */
export function loadRedFlagRules(path: string): RedFlagRules {
  const fail = (where: string, problem: string): never => {
    throw new Error(`Invalid red-flag rules file ${path}: ${where}: ${problem}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail('file', `cannot be read as JSON (${(error as Error).message})`);
  }
  const schema: unknown = JSON.parse(readFileSync(join(dirname(path), 'red-flags.schema.json'), 'utf8'));
  const validate = compileContentSchema(schema as object, false);
  if (!validate(data)) {
    const error = (validate.errors ?? [])[0] as ErrorObject;
    fail(
      describePath(data, error.instancePath),
      error.keyword === 'required' ? `missing field '${String(error.params.missingProperty)}'` : String(error.message),
    );
  }
  const rules = data as RedFlagRules;
  checkSemantics(rules, fail);
  const classifierPath = join(dirname(path), CLASSIFIER_FILE);
  if (!existsSync(classifierPath)) return rules;
  let classifier: ReadModel<ClassifierModel>;
  try {
    classifier = readModelFile<ClassifierModel>(classifierPath);
  } catch (error) {
    return fail(CLASSIFIER_FILE, `cannot be read as JSON (${(error as Error).message})`);
  }
  // The net speaks only when the rules saw one of its cue concepts: a renamed concept would silence it.
  for (const [label, escalation] of Object.entries(classifier.escalate)) {
    const unknown = escalation.cues.find((concept) => !Object.hasOwn(rules.concepts, concept));
    if (unknown !== undefined) fail(`${CLASSIFIER_FILE} field escalate.${label}.cues`, `unknown concept '${unknown}'`);
  }
  return { ...rules, classifier };
}

/** "/rules/3/patterns/0" -> "rule 'foot-drop' field patterns[0]". */
function describePath(data: unknown, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const list = parts[0];
  if ((list === 'rules' || list === 'clarify') && parts.length >= 2) {
    const item = (data as Record<string, Array<{ id?: unknown }>>)[list][Number(parts[1])];
    const field = parts
      .slice(2)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    return `${list === 'rules' ? 'rule' : 'clarify rule'} '${String(item?.id ?? `#${parts[1]}`)}' field ${field || '(the rule itself)'}`;
  }
  return `field ${parts.join('.') || '(top level)'}`;
}

function checkSemantics(rules: RedFlagRules, fail: (where: string, problem: string) => never): void {
  const seen = new Set<string>();
  const knownConcept = (where: string, concept: string): void => {
    if (!Object.hasOwn(rules.concepts, concept)) fail(where, `unknown concept '${concept}'`);
  };
  for (const [kind, list] of [
    ['rule', rules.rules],
    ['clarify rule', rules.clarify],
  ] as const) {
    for (const rule of list) {
      if (seen.has(rule.id)) fail(`${kind} '${rule.id}' field id`, 'duplicate rule id (ids must be unique across rules and clarify)');
      seen.add(rule.id);
      if (!rules.escalations[rule.urgency]?.text) fail(`${kind} '${rule.id}' field urgency`, `no escalations.${rule.urgency} wording`);
    }
  }
  for (const [id, concept] of Object.entries(rules.concepts)) {
    for (const other of concept.yieldsTo ?? []) knownConcept(`concept '${id}' field yieldsTo`, other);
  }
  for (const [kind, list] of [
    ['rule', rules.rules],
    ['clarify rule', rules.clarify],
  ] as const) {
    for (const rule of list) {
      for (const [i, group] of rule.all.entries())
        for (const concept of group) knownConcept(`${kind} '${rule.id}' field all[${i}]`, concept);
      if (rule.finding !== undefined && rule.finding >= rule.all.length)
        fail(`${kind} '${rule.id}' field finding`, `there is no group ${rule.finding} in all`);
      for (const concept of rule.someoneElseNeeds ?? []) knownConcept(`${kind} '${rule.id}' field someoneElseNeeds`, concept);
      for (const concept of rule.pastNeeds ?? []) knownConcept(`${kind} '${rule.id}' field pastNeeds`, concept);
      for (const concept of rule.unlessReported ?? []) knownConcept(`${kind} '${rule.id}' field unlessReported`, concept);
    }
  }
  for (const rule of rules.rules) {
    const advice = rule.advice ?? rule.urgency;
    if (!rules.escalations[advice]?.text) fail(`rule '${rule.id}' field advice`, `no escalations.${advice} wording`);
  }
  for (const rule of rules.clarify) {
    if (!rules.translations.es.clarify[rule.id])
      fail(`clarify rule '${rule.id}' field id`, 'no Spanish question in translations.es.clarify');
  }
  for (const advice of Object.keys(rules.escalations)) {
    if (!rules.translations.es.escalations[advice]) fail(`field translations.es.escalations`, `missing '${advice}'`);
  }
  const screeningIds = new Set<string>();
  for (const question of rules.screening.questions) {
    if (screeningIds.has(question.id)) fail(`screening question '${question.id}' field id`, 'duplicate screening question id');
    screeningIds.add(question.id);
  }
  const wording: Array<[string, string]> = [
    ['disclaimer', rules.disclaimer],
    ['aboutSomeoneElse', rules.aboutSomeoneElse],
  ];
  for (const [urgency, escalation] of Object.entries(rules.escalations)) {
    for (const [key, text] of Object.entries(escalation)) wording.push([`escalations.${urgency}.${key}`, text]);
  }
  for (const rule of rules.clarify) wording.push([`clarify rule '${rule.id}' field question`, rule.question]);
  collectStrings(rules.screening, 'screening', wording);
  collectStrings(rules.translations, 'translations', wording);
  for (const [where, text] of wording) {
    for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
      if (!PLACEHOLDERS.includes(name))
        fail(where.startsWith('clarify') ? where : `field ${where}`, `unknown placeholder {${name}} (known: ${PLACEHOLDERS.join(', ')})`);
    }
  }
}

/** Everything in the file not yet reviewed by a clinician, for kb:check: "rule 'x'", "concept 'y'"... */
export function unreviewed(rules: RedFlagRules): string[] {
  const pending = (review: Review) => !review.by || !review.date;
  return [
    ...(pending(rules.context.review) ? ['the context cues'] : []),
    ...Object.entries(rules.concepts)
      .filter(([, c]) => pending(c.review))
      .map(([id]) => `concept '${id}'`),
    ...rules.rules.filter((r) => pending(r.review)).map((r) => `rule '${r.id}'`),
    ...rules.clarify.filter((r) => pending(r.review)).map((r) => `clarify rule '${r.id}'`),
    ...(pending(rules.translations.es.review) ? ['the Spanish wording'] : []),
  ];
}

/** Every string under `value`, with its path, so each can be checked for unknown placeholders. */
function collectStrings(value: unknown, where: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([where, value]);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectStrings(child, `${where}.${key}`, out);
  }
}
