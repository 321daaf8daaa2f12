import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type * as Sarif from 'sarif';
import { RULES } from '../../../src/core/rules/catalogue';
import { runCliCaptured } from '../support/captured-cli';

const FIXTURES = path.resolve('test/fixtures/rules');

/**
 * The official SARIF 2.1.0 schema is written for JSON Schema draft-04; its keywords mean the
 * same in draft-07 (it uses no boolean `exclusiveMinimum`), so only the root's `$schema` and
 * `id` are renamed for Ajv 8, which reads draft-07.
 */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const schema = JSON.parse(
    readFileSync(path.resolve('test/schemas/sarif-schema-2.1.0.json'), 'utf8'),
  ) as Record<string, unknown>;
  const { id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: String(id) });
}

describe('archlens check --format sarif', function () {
  this.timeout(60_000);
  const validate = sarifValidator();

  it('rejects a log that breaks the schema (the validator is live)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] }),
      false,
    );
  });

  for (const name of ['hexagonal', 'modular-monolith', 'microservices']) {
    it(`${name}: validates against the SARIF 2.1.0 schema, with rules, help and root-relative locations`, async () => {
      const run = await runCliCaptured(
        ['check', path.join(FIXTURES, name), '--format', 'sarif', '--no-git'],
        FIXTURES,
      );
      assert.equal(run.code, 1, run.stderr);
      const log = JSON.parse(run.stdout) as Sarif.Log;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const sarifRun = log.runs[0];
      assert.ok(sarifRun);
      assert.equal(sarifRun.tool.driver.name, 'ArchLens');
      const rules = sarifRun.tool.driver.rules ?? [];
      assert.equal(rules.length, RULES.length);
      for (const rule of rules) {
        assert.ok(rule.help?.text && rule.fullDescription?.text, rule.id);
        assert.match(rule.helpUri ?? '', /README\.md#rule-/);
      }
      const expected = JSON.parse(
        readFileSync(path.join(FIXTURES, name, 'expected-violations.json'), 'utf8'),
      ) as { rule: string; file: string; line: number }[];
      assert.deepEqual(
        (sarifRun.results ?? []).map((r) => {
          const location = r.locations?.[0]?.physicalLocation;
          assert.equal(location?.artifactLocation?.uriBaseId, '%SRCROOT%');
          assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId);
          assert.ok(r.partialFingerprints?.['archlensViolation/v1']);
          return { rule: r.ruleId, file: location?.artifactLocation?.uri, line: location?.region?.startLine };
        }),
        expected.map((e) => ({ rule: e.rule, file: e.file, line: e.line })),
      );
      assert.match(sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri ?? '', /^file:\/\/\/.*\/$/);
    });
  }

  it('is a valid log with no results on a clean workspace', async () => {
    const run = await runCliCaptured(
      [
        'check',
        path.resolve('test/fixtures/workspaces/hex-express-loyalty'),
        '--format',
        'sarif',
        '--no-git',
      ],
      FIXTURES,
    );
    assert.equal(run.code, 0, run.stdout);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.deepEqual(log.runs[0]?.results, []);
  });
});
