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
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
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

export function compileContentSchema<T = unknown>(schema: AnySchema, strict: boolean): ValidateFunction<T> {
  const prebuilt = join(PREBUILT_VALIDATORS, `${schemaKey(schema, strict)}.js`);
  if (existsSync(prebuilt)) return require(prebuilt) as ValidateFunction<T>;
  // Required here, not imported: the built bot never loads Ajv.
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ ...OPTIONS, strict }).compile<T>(schema);
}

/** The validator compileContentSchema would compile, as a CommonJS module (for the build). */
export function contentSchemaValidatorSource(schema: AnySchema, strict: boolean): string {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standalone = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const ajv = new Ajv({ ...OPTIONS, strict, code: { ...OPTIONS.code, source: true } });
  return standalone(ajv, ajv.compile(schema));
}
