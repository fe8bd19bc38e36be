/**
 * The Teams manifest rules as JSON Schema, checked by Ajv: Microsoft's published schema for manifest
 * v1.22 (vendored in appPackage/schema/, so packaging works offline), then the practice's rules for what
 * that schema lets through but Teams or the practice refuses (http pages, a version that is not semver,
 * blank names, example.com pages). Microsoft's schema is draft-04, hence ajv-draft-04; ajv-formats
 * checks its one format, the `$schema` URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PACKAGE_ROOT } from '../config/environment';
import { isExampleUrl } from '../config/productionPlaceholders';

export const TEAMS_SCHEMA_PATH = join(PACKAGE_ROOT, 'appPackage', 'schema', 'MicrosoftTeams.schema.json');

/** A field the rules refuse: where (a JSON pointer such as "/name/short"), its value, and what is wrong. */
export interface ManifestProblem {
  readonly pointer: string;
  readonly value: unknown;
  readonly problem: string;
}

// `problem` is the practice rules' own keyword: the sentence staff read when the rule beside it fails.
const https = { pattern: '^https://', problem: 'must be an https URL' };
const notBlank = { pattern: '\\S', problem: 'must not be blank' };
const practicePage = { allOf: [https, { practicePage: true, problem: "is a placeholder (example.com), not the practice's page" }] };

/** Types and lengths are Microsoft's schema's job; these only add what it leaves open. */
const PRACTICE_RULES = {
  properties: {
    version: { pattern: '^\\d+\\.\\d+\\.\\d+$', problem: 'must look like 1.0.0' },
    developer: { properties: { name: notBlank, websiteUrl: practicePage, privacyUrl: practicePage, termsOfUseUrl: practicePage } },
    name: { properties: { short: notBlank } },
    description: { properties: { short: notBlank, full: notBlank } },
    bots: { items: { properties: { scopes: { minItems: 1, problem: 'must name at least one scope' } } } },
    validDomains: { items: { pattern: '^[\\w*.-]+(:\\d+)?$', problem: 'must be a host name, without https:// or a path' } },
  },
};

/** Microsoft's schema's patterns, in words (Ajv would quote the regular expression). */
const PATTERNS_IN_WORDS: Readonly<Record<string, string>> = {
  guid: 'must be a GUID',
  hexColor: 'must be a colour like #1f5f8b',
};

let validators: readonly ValidateFunction[] | undefined;

/** Compiled on first use (about half a second): only `teams:package` and its tests need them. */
function compiled(): readonly ValidateFunction[] {
  if (validators) return validators;
  // strictTypes off: Microsoft's schema leaves out some `type`s, and the practice rules leave types to it.
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
  addFormats(ajv, ['uri']);
  ajv.addKeyword({ keyword: 'problem', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'practicePage', schemaType: 'boolean', validate: (_: boolean, url: unknown) => !isExampleUrl(url) });
  validators = [ajv.compile(JSON.parse(readFileSync(TEAMS_SCHEMA_PATH, 'utf8'))), ajv.compile(PRACTICE_RULES)];
  return validators;
}

/** Every field Microsoft's schema or the practice rules refuse; empty when the manifest is fine. */
export function manifestProblems(manifest: unknown): ManifestProblem[] {
  return compiled().flatMap((validate) => (validate(manifest) ? [] : (validate.errors ?? []).map(toProblem)));
}

function toProblem({ keyword, params, instancePath, schemaPath, data, parentSchema, message }: ErrorObject): ManifestProblem {
  // Both are about the object that holds the field, so they name it, and the template is what to edit.
  if (keyword === 'required') return { pointer: instancePath, value: data, problem: `is missing "${params.missingProperty}"` };
  if (keyword === 'additionalProperties') {
    return { pointer: instancePath, value: data, problem: `has "${params.additionalProperty}", which a v1.22 manifest does not have` };
  }
  return { pointer: instancePath, value: data, problem: parentSchema?.problem ?? inWords(schemaPath, params) ?? String(message) };
}

/** Ajv's messages leave out what is allowed ("must be equal to one of the allowed values"), or quote a regex. */
function inWords(schemaPath: string, params: Record<string, unknown>): string | undefined {
  const allowed = (params.allowedValues ?? ('allowedValue' in params ? [params.allowedValue] : undefined)) as unknown[] | undefined;
  if (allowed) return `must be ${allowed.map((value) => JSON.stringify(value)).join(' or ')}`;
  return PATTERNS_IN_WORDS[/^#\/definitions\/(\w+)\/pattern$/.exec(schemaPath)?.[1] ?? ''];
}
