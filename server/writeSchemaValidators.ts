/**
 * Build step (`npm run build`): the shipped content schemas' validators written as code into
 * dist/config/validators/ (config/compileContentSchema: the built bot requires them instead of loading
 * and running Ajv at every start). A validator's file name is its schema's key, so an unchanged build
 * only hashes the two schemas, and a schema edited after the build is compiled at start as before. Each
 * validator then checks its shipped content file, and the build lists the file beside it when it is valid,
 * so the built bot does not check that very content again at every start.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import {
  contentFingerprint,
  contentSchemaValidatorSource,
  PREBUILT_VALIDATORS,
  schemaKey,
  validContentList,
} from '../config/compileContentSchema';
import { fromPackageRoot } from '../config/environment';

/**
 * The schemas the bot compiles at start, with the strictness their loaders use (faq/loadKnowledgeBase,
 * safety/RedFlagRules), and the shipped content each checks.
 */
const SCHEMAS: ReadonlyArray<readonly [file: string, strict: boolean, content: string]> = [
  ['knowledge/faq.schema.json', true, 'knowledge/faq.json'],
  ['knowledge/red-flags.schema.json', false, 'knowledge/red-flags.json'],
];

export function writeSchemaValidators(folder = PREBUILT_VALIDATORS): void {
  mkdirSync(folder, { recursive: true });
  for (const [file, strict, content] of SCHEMAS) {
    const schema = JSON.parse(readFileSync(fromPackageRoot(file), 'utf8')) as object;
    const key = schemaKey(schema, strict);
    const target = join(folder, `${key}.js`);
    if (!existsSync(target)) {
      writeFileSync(target, contentSchemaValidatorSource(schema, strict));
      console.log(`Validator written for ${file} (${target})`);
    }
    // Written at every build (two checks, a few milliseconds): the content changes far more often than the schema.
    const document: unknown = JSON.parse(readFileSync(fromPackageRoot(content), 'utf8'));
    const validate = require(target) as ValidateFunction;
    const valid = validate(document) ? [contentFingerprint(document)] : [];
    writeFileSync(validContentList(key, folder), JSON.stringify(valid));
  }
}

if (require.main === module) writeSchemaValidators();
