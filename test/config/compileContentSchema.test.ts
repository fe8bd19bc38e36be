/**
 * The start-up check compiles the content files' schemas without checking them against the JSON Schema
 * meta-schema (config/compileContentSchema): this is where they are checked, so a schema edited into
 * something invalid fails here instead of silently validating less.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect } from 'chai';
import { compileContentSchema, contentSchemaValidatorSource, schemaKey } from '../../config/compileContentSchema';
import { PACKAGE_ROOT } from '../../config/environment';
import { writeSchemaValidators } from '../../server/writeSchemaValidators';

const SCHEMAS = ['knowledge/faq.schema.json', 'knowledge/red-flags.schema.json'];

describe('content schemas', () => {
  for (const file of SCHEMAS) {
    it(`${file} is a valid JSON Schema (draft-07)`, () => {
      const ajv = new Ajv();
      const valid = ajv.validateSchema(JSON.parse(readFileSync(join(PACKAGE_ROOT, file), 'utf8')));
      expect(valid, ajv.errorsText()).to.equal(true);
    });
  }

  it("the build's validators (as code) accept and refuse the content files as the compiled schemas do, with the same first error", () => {
    // Inside the package (test-output/ is ignored), where the validators' own requires of Ajv's runtime resolve.
    mkdirSync(join(PACKAGE_ROOT, 'test-output'), { recursive: true });
    const folder = mkdtempSync(join(PACKAGE_ROOT, 'test-output', 'validators-'));
    try {
      for (const [file, data, strict] of [
        ['knowledge/faq.schema.json', 'knowledge/faq.json', true],
        ['knowledge/red-flags.schema.json', 'knowledge/red-flags.json', false],
      ] as const) {
        const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, file), 'utf8')) as object;
        const built = join(folder, `${file.replace(/\W/g, '-')}.js`);
        writeFileSync(built, contentSchemaValidatorSource(schema, strict));
        const fromCode = require(built) as ValidateFunction;
        const compiled = new Ajv({ strict, validateSchema: false }).compile(schema);
        const good = JSON.parse(readFileSync(join(PACKAGE_ROOT, data), 'utf8')) as Record<string, unknown>;
        const firstKey = Object.keys(good).find((key) => !key.startsWith('$')) as string;
        for (const document of [good, { ...good, [firstKey]: 42 }, { ...good, unexpected: true }, {}, []]) {
          expect(fromCode(document), file).to.equal(compiled(document));
          expect(fromCode.errors?.[0]?.instancePath, file).to.equal(compiled.errors?.[0]?.instancePath);
          expect(fromCode.errors?.[0]?.keyword, file).to.equal(compiled.errors?.[0]?.keyword);
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('skips the check only for the very content the build found valid: an edited red-flag file is still refused', () => {
    mkdirSync(join(PACKAGE_ROOT, 'test-output'), { recursive: true });
    const folder = mkdtempSync(join(PACKAGE_ROOT, 'test-output', 'validators-'));
    try {
      writeSchemaValidators(folder);
      const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'knowledge/red-flags.schema.json'), 'utf8')) as object;
      const validator = join(folder, `${schemaKey(schema, false)}.js`);
      delete require.cache[validator]; // the build step checked the shipped file with it
      const validate = compileContentSchema(schema, false, folder);
      const shipped = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'knowledge/red-flags.json'), 'utf8')) as Record<string, unknown>;
      expect(validate(shipped)).to.equal(true);
      // Known content: not checked, so the validator's 160 KB of code was not even loaded.
      expect(require.cache[validator]).to.equal(undefined);
      const edited = { ...shipped, rules: 'none' };
      expect(validate(edited)).to.equal(false);
      expect(validate.errors?.[0]?.instancePath).to.equal('/rules');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a compiled schema still refuses what it forbids', () => {
    const validate = compileContentSchema({ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, true);
    expect(validate({ id: 'x' })).to.equal(true);
    expect(validate({ id: 3 })).to.equal(false);
    expect(validate({})).to.equal(false);
  });
});
