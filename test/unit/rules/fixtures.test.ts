import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, checkArchitecture, RULES, type ArchitectureCheck } from '../../../src/core';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const ROOT = path.resolve('test/fixtures/rules');

interface ExpectedViolation {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

function check(dir: string): ArchitectureCheck {
  const fs = new NodeFileSystem();
  return checkArchitecture(fs, analyzeWorkspace(fs, toPosixPath(dir)));
}

const fixtures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('boundary rules on fixtures with planted violations', function () {
  this.timeout(30_000);

  it('has one fixture per pattern with rules, and every rule is planted somewhere', () => {
    assert.deepEqual(fixtures, [
      'cqrs',
      'event-driven',
      'hexagonal',
      'layered-monolith',
      'microservices',
      'modular-monolith',
      'serverless',
    ]);
    const planted = new Set(
      fixtures.flatMap((name) =>
        (
          JSON.parse(
            readFileSync(path.join(ROOT, name, 'expected-violations.json'), 'utf8'),
          ) as ExpectedViolation[]
        ).map((v) => v.rule),
      ),
    );
    assert.deepEqual([...planted].sort(), RULES.map((r) => r.id).sort());
  });

  for (const name of fixtures) {
    it(`${name}: exactly the planted violations, each placed, explained and based on a verdict`, () => {
      const expected = JSON.parse(
        readFileSync(path.join(ROOT, name, 'expected-violations.json'), 'utf8'),
      ) as ExpectedViolation[];
      const { rules, detection } = check(path.join(ROOT, name));
      assert.deepEqual(
        rules.violations.map((v) => ({ rule: v.rule, file: v.file, line: v.line, target: v.target })),
        expected,
      );
      for (const v of rules.violations) {
        assert.ok(v.column >= 1, `${v.file}:${v.line} has a column`);
        assert.equal(v.pattern, v.rule.split('/')[0]);
        assert.equal(v.severity, 'error');
        assert.ok(v.message.includes(v.file) || v.message.includes(v.target), v.message);
        assert.ok(v.evidence.length > 0, `${v.rule} names its units`);
        const verdict = detection.patterns.find((p) => p.id === v.basis.pattern);
        assert.equal(v.basis.verdict, verdict?.verdict);
        assert.equal(v.basis.weak, verdict?.verdict !== 'yes');
        assert.equal(/this rule follows the .* found/.test(v.message), v.basis.weak, v.message);
        const source = readFileSync(path.join(ROOT, name, v.file), 'utf8').split('\n')[v.line - 1] ?? '';
        assert.equal(source.slice(v.column - 1, v.column - 1 + v.specifier.length + 2), `'${v.specifier}'`);
      }
      assert.ok(
        rules.checked.some((c) => c.pattern === name),
        `the ${name} rules ran`,
      );
    });
  }
});
