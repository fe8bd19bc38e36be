/**
 * Build step (`npm run build`): the shipped content schemas' validators written as code into
 * dist/config/validators/ (config/compileContentSchema: the built bot requires them instead of loading
 * and running Ajv at every start). A validator's file name is its schema's key, so an unchanged build
 * only hashes the two schemas, and a schema edited after the build is compiled at start as before.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSchemaValidatorSource, PREBUILT_VALIDATORS, schemaKey } from '../config/compileContentSchema';
import { fromPackageRoot } from '../config/environment';

/** The schemas the bot compiles at start, with the strictness their loaders use (faq/loadKnowledgeBase, safety/RedFlagRules). */
const SCHEMAS: ReadonlyArray<readonly [file: string, strict: boolean]> = [
  ['knowledge/faq.schema.json', true],
  ['knowledge/red-flags.schema.json', false],
];

export function writeSchemaValidators(): void {
  mkdirSync(PREBUILT_VALIDATORS, { recursive: true });
  for (const [file, strict] of SCHEMAS) {
    const schema = JSON.parse(readFileSync(fromPackageRoot(file), 'utf8')) as object;
    const target = join(PREBUILT_VALIDATORS, `${schemaKey(schema, strict)}.js`);
    if (existsSync(target)) continue;
    writeFileSync(target, contentSchemaValidatorSource(schema, strict));
    console.log(`Validator written for ${file} (${target})`);
  }
}

if (require.main === module) writeSchemaValidators();
