import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { baselineJsonSchema } from '../../../src/core/rules';
import { detectJsonSchema } from '../../../src/core/report/detection-schema';
import { runCliCaptured } from '../support/captured-cli';

const SCHEMAS = path.resolve('schemas');

/** Each published schema is the one generated from its zod source (ARCHLENS_UPDATE_SCHEMA=1 rewrites it). */
const published: [string, () => Record<string, unknown>][] = [
  ['archlens-detect.schema.json', detectJsonSchema],
  ['archlens.baseline.schema.json', baselineJsonSchema],
];

describe('published JSON schemas (schemas/)', function () {
  this.timeout(60_000);

  for (const [file, generate] of published) {
    it(`${file} is generated from its zod schema`, () => {
      const target = path.join(SCHEMAS, file);
      if (process.env['ARCHLENS_UPDATE_SCHEMA'] === '1')
        writeFileSync(target, JSON.stringify(generate(), null, 2) + '\n');
      assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')), generate());
    });
  }

  it('archlens detect --json validates against the published detect schema, which rejects an extra key', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(SCHEMAS, 'archlens-detect.schema.json'), 'utf8')),
    );
    const run = await runCliCaptured(
      ['detect', path.resolve('test/fixtures/workspaces/micro-compose-express-shop'), '--json', '--no-git'],
      SCHEMAS,
    );
    const value = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.ok(validate(value), JSON.stringify(validate.errors));
    assert.equal(validate({ ...value, extra: 1 }), false);
  });

  it('a baseline written by archlens check validates against the published baseline schema', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(SCHEMAS, 'archlens.baseline.schema.json'), 'utf8')),
    );
    assert.ok(
      validate({
        version: 1,
        violations: [{ rule: 'cqrs/query-imports-write-side', file: 'a.ts', target: 'b.ts' }],
      }),
    );
    assert.equal(validate({ version: 1, violations: [{ rule: 'x', file: 'a.ts' }] }), false);
  });
});
