/**
 * The clinician-reviewed red-flag rules and safety wording (knowledge/red-flags.json), their types,
 * and the start-up loader. Any problem stops start-up with an error naming the file, rule and field.
 * Wording is filled with fillPlaceholders (knowledge/fillPlaceholders.ts) by whoever shows it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import type { Urgency } from './SafetyAssessment';

export interface MatchingSettings {
  readonly lexicon: readonly string[];
  readonly keepAsIs: readonly string[];
  readonly negationCues: readonly string[];
  readonly pseudoNegations: readonly string[];
  readonly scopeTerminators: readonly string[];
  readonly negationWindow: number;
  readonly hypotheticalCues: readonly string[];
  readonly clauseBreakWords: readonly string[];
  readonly questionStarters: readonly string[];
  readonly questionFillers: readonly string[];
  readonly questionOpeners: readonly string[];
  readonly personalWords: readonly string[];
  /** Reusable pattern pieces, written `<name>` inside patterns. */
  readonly terms: Readonly<Record<string, string>>;
}

export interface RedFlagRule {
  readonly id: string;
  readonly urgency: Urgency;
  readonly description: string;
  readonly source: string;
  readonly patterns: readonly string[];
  readonly requires?: readonly string[];
  readonly unless?: readonly string[];
  readonly negatable?: boolean;
  readonly clearedWhenGeneral?: boolean;
  readonly examples?: readonly string[];
}

/** An ambiguous message; `urgency` is what a "yes" to `question` would mean. */
export interface ClarifyRule extends RedFlagRule {
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

export interface RedFlagRules {
  readonly version: string;
  readonly clinicalReview?: string;
  readonly matching: MatchingSettings;
  readonly rules: readonly RedFlagRule[];
  readonly clarify: readonly ClarifyRule[];
  readonly escalations: Readonly<Record<Urgency, Escalation>>;
  readonly disclaimer: string;
  readonly screening: Screening;
}

/** The placeholders safety wording may use; all come from BotConfig. */
export const PLACEHOLDERS = ['emergencyNumber', 'urgentCareAdvice', 'crisisLine', 'practiceName', 'practitionerName', 'clinicPhone'];

const TERM = /(?<!\(\?)<([a-z][a-z0-9]*)>/g;
const HAS_TERM = /(?<!\(\?)<[a-z][a-z0-9]*>/;
/** Unbounded repeats (*, +, {n,}) could make a 200,000-character message slow: patterns use {0,n}. */
const UNBOUNDED = /(?<!\\)[*+]|\{\d+,\}/;

/** Inserts `<term>`s (terms may use terms) and wraps the pattern to match whole words only. */
export function expandPattern(pattern: string, terms: Readonly<Record<string, string>>): string {
  let source = pattern;
  for (let round = 0; HAS_TERM.test(source); round++) {
    if (round > 5) throw new Error('terms nest too deeply (a term that uses itself?)');
    source = source.replace(TERM, (_whole, name: string) => {
      if (!Object.hasOwn(terms, name)) throw new Error(`unknown term <${name}>`);
      return terms[name];
    });
  }
  return `(?<![a-z0-9])(?:${source})(?![a-z0-9])`;
}

/** Compiles one pattern, or throws an Error saying what is wrong with it. */
export function compilePattern(pattern: string, terms: Readonly<Record<string, string>>, flags = 'g'): RegExp {
  const source = expandPattern(pattern, terms);
  if (UNBOUNDED.test(source)) throw new Error('uses an unbounded repeat (*, + or {n,}); use a bounded one such as {0,3}');
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(`does not compile: ${(error as Error).message}`);
  }
}

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
  const validate = new Ajv({ allErrors: false, strict: false }).compile(schema as object);
  if (!validate(data)) {
    const error = (validate.errors ?? [])[0] as ErrorObject;
    fail(describePath(data, error.instancePath), error.keyword === 'required'
      ? `missing field '${String(error.params.missingProperty)}'`
      : String(error.message));
  }
  const rules = data as RedFlagRules;
  checkSemantics(rules, fail);
  return rules;
}

/** "/rules/3/patterns/0" -> "rule 'foot-drop' field patterns[0]". */
function describePath(data: unknown, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const list = parts[0];
  if ((list === 'rules' || list === 'clarify') && parts.length >= 2) {
    const item = (data as Record<string, Array<{ id?: unknown }>>)[list][Number(parts[1])];
    const field = parts.slice(2).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    return `${list === 'rules' ? 'rule' : 'clarify rule'} '${String(item?.id ?? `#${parts[1]}`)}' field ${field || '(the rule itself)'}`;
  }
  return `field ${parts.join('.') || '(top level)'}`;
}

function checkSemantics(rules: RedFlagRules, fail: (where: string, problem: string) => never): void {
  const seen = new Set<string>();
  for (const [kind, list] of [['rule', rules.rules], ['clarify rule', rules.clarify]] as const) {
    for (const rule of list) {
      if (seen.has(rule.id)) fail(`${kind} '${rule.id}' field id`, 'duplicate rule id (ids must be unique across rules and clarify)');
      seen.add(rule.id);
      for (const field of ['patterns', 'requires', 'unless'] as const) {
        (rule[field] ?? []).forEach((pattern, i) => {
          try {
            compilePattern(pattern, rules.matching.terms);
          } catch (error) {
            fail(`${kind} '${rule.id}' field ${field}[${i}]`, `pattern ${JSON.stringify(pattern)} ${(error as Error).message}`);
          }
        });
      }
      if (!rules.escalations[rule.urgency]?.text) fail(`${kind} '${rule.id}' field urgency`, `no escalations.${rule.urgency} wording`);
    }
  }
  const screeningIds = new Set<string>();
  for (const question of rules.screening.questions) {
    if (screeningIds.has(question.id)) fail(`screening question '${question.id}' field id`, 'duplicate screening question id');
    screeningIds.add(question.id);
  }
  const wording: Array<[string, string]> = [['disclaimer', rules.disclaimer]];
  for (const [urgency, escalation] of Object.entries(rules.escalations)) {
    for (const [key, text] of Object.entries(escalation)) wording.push([`escalations.${urgency}.${key}`, text]);
  }
  for (const rule of rules.clarify) wording.push([`clarify rule '${rule.id}' field question`, rule.question]);
  collectStrings(rules.screening, 'screening', wording);
  for (const [where, text] of wording) {
    for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
      if (!PLACEHOLDERS.includes(name)) fail(where.startsWith('clarify') ? where : `field ${where}`, `unknown placeholder {${name}} (known: ${PLACEHOLDERS.join(', ')})`);
    }
  }
}

/** Every string under `value`, with its path, so each can be checked for unknown placeholders. */
function collectStrings(value: unknown, where: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([where, value]);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectStrings(child, `${where}.${key}`, out);
  }
}
