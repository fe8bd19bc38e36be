/**
 * Compiles the JSON Schema of one of our own content files (faq.json, red-flags.json) for the start-up
 * check. The schemas ship with the code, so the bot does not re-check each schema against the JSON
 * Schema meta-schema on every start, nor optimise the generated code it runs once per load: that took
 * ~200 ms of a ~300 ms compile. test/config/compileContentSchema.test.ts checks the shipped schemas
 * against the meta-schema instead.
 *
 * The built bot does not compile them at all: `npm run build` writes each shipped schema's validator as
 * code (Ajv's standalone output, server/writeSchemaValidators.ts) into dist/config/validators/, named by
 * the schema, the strictness and the Ajv version (schemaKey), and the bot requires that file instead of
 * loading Ajv (~0.1 s of CPU at start). Any other schema, or one edited since the build, has no such file
 * and is compiled as before.
 *
 * The build also checks the shipped content files with their validators and lists the ones it found valid
 * beside them (`<key>.valid.json`: the sha256 of each one's JSON.stringify). Content on that list is not
 * checked again at start, nor its validator loaded (~0.025 s for red-flags.json); anything else (a file
 * edited since the build, a staff member's FAQ edit) is checked as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnySchema, Options, ValidateFunction } from 'ajv';

// allErrors off: the staff member sees the first problem, fixes it, and reloads.
const OPTIONS: Options = { allErrors: false, validateSchema: false, meta: false, code: { optimize: false } };
/** Where the build writes the shipped schemas' validators (beside this file in dist/; absent in the sources). */
export const PREBUILT_VALIDATORS = join(__dirname, 'validators');

/** Names a schema's validator: the schema, the strictness and the Ajv version that wrote it. */
export function schemaKey(schema: AnySchema, strict: boolean): string {
  const ajv = (require('ajv/package.json') as { version: string }).version;
  return createHash('sha256').update(JSON.stringify({ schema, strict, ajv })).digest('hex').slice(0, 16);
}

/** What the build's list of valid content holds for a document (contentSchemaValidatorSource's caller writes it). */
export function contentFingerprint(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/** The build's list of content it found valid with this validator (see the file comment): where it is written. */
export function validContentList(key: string, folder = PREBUILT_VALIDATORS): string {
  return join(folder, `${key}.valid.json`);
}

export function compileContentSchema<T = unknown>(schema: AnySchema, strict: boolean, folder = PREBUILT_VALIDATORS): ValidateFunction<T> {
  const key = schemaKey(schema, strict);
  const prebuilt = join(folder, `${key}.js`);
  if (existsSync(prebuilt)) return unlessKnownValid<T>(prebuilt, readValidList(validContentList(key, folder)));
  // Required here, not imported: the built bot never loads Ajv.
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ ...OPTIONS, strict }).compile<T>(schema);
}

function readValidList(file: string): ReadonlySet<string> {
  try {
    return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    return new Set(); // none written (a build before this list existed): every document is checked
  }
}

/** The prebuilt validator, required only for a document the build did not find valid. */
function unlessKnownValid<T>(prebuilt: string, valid: ReadonlySet<string>): ValidateFunction<T> {
  let validate: ValidateFunction<T> | undefined;
  const check = ((data: unknown) => {
    if (valid.size > 0 && valid.has(contentFingerprint(data))) {
      check.errors = null;
      return true;
    }
    validate ??= require(prebuilt) as ValidateFunction<T>;
    const result = validate(data);
    check.errors = validate.errors;
    return result;
  }) as ValidateFunction<T>;
  return check;
}

/** The validator compileContentSchema would compile, as a CommonJS module (for the build). */
export function contentSchemaValidatorSource(schema: AnySchema, strict: boolean): string {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standalone = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const ajv = new Ajv({ ...OPTIONS, strict, code: { ...OPTIONS.code, source: true } });
  return standalone(ajv, ajv.compile(schema));
}
