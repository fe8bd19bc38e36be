/**
 * The start-up check compiles the content files' schemas without checking them against the JSON Schema
 * meta-schema (config/compileContentSchema): this is where they are checked, so a schema edited into
 * something invalid fails here instead of silently validating less.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { expect } from 'chai';
import { compileContentSchema } from '../../config/compileContentSchema';
import { PACKAGE_ROOT } from '../../config/environment';

const SCHEMAS = ['knowledge/faq.schema.json', 'knowledge/red-flags.schema.json'];

describe('content schemas', () => {
  for (const file of SCHEMAS) {
    it(`${file} is a valid JSON Schema (draft-07)`, () => {
      const ajv = new Ajv();
      const valid = ajv.validateSchema(JSON.parse(readFileSync(join(PACKAGE_ROOT, file), 'utf8')));
      expect(valid, ajv.errorsText()).to.equal(true);
    });
  }

  it('a compiled schema still refuses what it forbids', () => {
    const validate = compileContentSchema({ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, true);
    expect(validate({ id: 'x' })).to.equal(true);
    expect(validate({ id: 3 })).to.equal(false);
    expect(validate({})).to.equal(false);
  });
});
