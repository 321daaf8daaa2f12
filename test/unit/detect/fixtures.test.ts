import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../../src/core';
import type { DetectionResult, PatternId, Verdict } from '../../../src/core/model';
import { PATTERN_IDS } from '../../../src/core/model';
import { detectArchitecture } from '../../../src/core/pipeline/detect-architecture';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import { initTreeSitter } from '../../../src/node/tree-sitter-runtime';

/** The labels of a fixture: only the verdicts its author is sure of; ids not listed are not scored. */
interface Expected {
  readonly yes: readonly PatternId[];
  readonly no: readonly PatternId[];
  readonly partial?: readonly PatternId[];
  readonly primary: PatternId | null;
}

const ROOT = path.resolve('test/fixtures/workspaces');
const fixtures = existsSync(ROOT)
  ? readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, d.name, 'expected.json')))
      .map((d) => d.name)
      .sort()
  : [];

function readExpected(name: string): Expected {
  const raw: unknown = JSON.parse(readFileSync(path.join(ROOT, name, 'expected.json'), 'utf8'));
  const value = raw as Partial<Expected>;
  const ids = (list: unknown): PatternId[] => {
    assert.ok(Array.isArray(list), `${name}/expected.json: a list of pattern ids`);
    for (const id of list)
      assert.ok(
        (PATTERN_IDS as readonly unknown[]).includes(id),
        `${name}/expected.json: unknown id ${String(id)}`,
      );
    return list as PatternId[];
  };
  return {
    yes: ids(value.yes),
    no: ids(value.no),
    ...(value.partial !== undefined ? { partial: ids(value.partial) } : {}),
    primary: value.primary ?? null,
  };
}

function detect(name: string): DetectionResult {
  const fs = new NodeFileSystem();
  const root = toPosixPath(path.join(ROOT, name));
  const model = analyzeWorkspace(fs, root);
  return detectArchitecture(fs, model);
}

function describeResult(result: DetectionResult): string {
  return result.patterns.map((p) => `${p.id}=${p.verdict}(${p.score})`).join(' ');
}

describe('pattern detection on labelled fixture workspaces', () => {
  // Java, Kotlin, C#, Go and Python imports are read with tree-sitter, as the CLI reads them.
  before(() => initTreeSitter());

  it('has fixtures to run', () => {
    assert.ok(fixtures.length >= 10, `found ${fixtures.length} fixtures under ${ROOT}`);
  });

  for (const name of fixtures) {
    it(name, () => {
      const expected = readExpected(name);
      const result = detect(name);
      const verdicts = new Map<PatternId, Verdict>(result.patterns.map((p) => [p.id, p.verdict]));
      const wrong: string[] = [];
      for (const [list, verdict] of [
        [expected.yes, 'yes'],
        [expected.no, 'no'],
        [expected.partial ?? [], 'partial'],
      ] as const) {
        for (const id of list)
          if (verdicts.get(id) !== verdict)
            wrong.push(`${id}: expected ${verdict}, got ${verdicts.get(id) ?? 'none'}`);
      }
      if (result.primary !== expected.primary)
        wrong.push(`primary: expected ${expected.primary ?? 'null'}, got ${result.primary ?? 'null'}`);
      assert.deepEqual(wrong, [], `${name}: ${describeResult(result)}`);
      for (const pattern of result.patterns) {
        assert.ok(
          pattern.evidence.length <= 10 && pattern.counterEvidence.length <= 10,
          `${name}/${pattern.id}: evidence is bounded`,
        );
        for (const item of [...pattern.evidence, ...pattern.counterEvidence]) {
          assert.ok(
            item.file.length > 0 && item.message.length > 0,
            `${name}/${pattern.id}: every evidence item names a file and says something`,
          );
        }
      }
    });
  }
});
