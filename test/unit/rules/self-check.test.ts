import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, checkArchitecture } from '../../../src/core';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const repoRoot = toPosixPath(path.resolve(__dirname, '../../../..'));

describe('the boundary rules on ArchLens itself', function () {
  this.timeout(60_000);

  it('checks the hexagon of src (core, node, cli, extension) and finds no violation', () => {
    const fs = new NodeFileSystem();
    const { rules } = checkArchitecture(fs, analyzeWorkspace(fs, repoRoot));
    assert.deepEqual(rules.violations, []);
    const hexagonal = rules.checked.find((c) => c.pattern === 'hexagonal');
    assert.ok(hexagonal, JSON.stringify(rules.checked));
    assert.equal(hexagonal.basis.verdict, 'yes');
    assert.match(hexagonal.units, /rings of `src`/);
  });
});
