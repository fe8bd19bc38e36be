/**
 * Compiles the JSON Schema of one of our own content files (faq.json, red-flags.json) for the start-up
 * check. The schemas ship with the code, so the bot does not re-check each schema against the JSON
 * Schema meta-schema on every start, nor optimise the generated code it runs once per load: that took
 * ~200 ms of a ~300 ms compile. test/config/compileContentSchema.test.ts checks the shipped schemas
 * against the meta-schema instead.
 */
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';

export function compileContentSchema<T = unknown>(schema: AnySchema, strict: boolean): ValidateFunction<T> {
  // allErrors off: the staff member sees the first problem, fixes it, and reloads.
  return new Ajv({ allErrors: false, strict, validateSchema: false, meta: false, code: { optimize: false } }).compile<T>(schema);
}
