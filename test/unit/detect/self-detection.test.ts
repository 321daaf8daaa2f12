import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const repoRoot = toPosixPath(path.resolve(__dirname, '../../../..'));

describe('ArchLens on its own repository', function () {
  this.timeout(60_000);

  it('is a hexagon (src/core pure, ports in src/core/ports.ts, adapters around) with no counter-evidence', () => {
    const fs = new NodeFileSystem();
    const result = detectArchitecture(fs, analyzeWorkspace(fs, repoRoot));
    const hexagonal = result.patterns.find((p) => p.id === 'hexagonal');
    assert.ok(hexagonal, 'hexagonal is reported');
    assert.equal(hexagonal.verdict, 'yes', JSON.stringify(hexagonal, null, 2));
    assert.deepEqual(hexagonal.counterEvidence, []);
    assert.equal(result.primary, 'hexagonal');
    assert.ok(
      hexagonal.evidence.some((e) => e.file === 'src/core'),
      'the core ring is src/core',
    );
    assert.ok(
      hexagonal.evidence.some((e) => /implements port `FileSystemPort`/.test(e.message)),
      'NodeFileSystem implements the FileSystemPort of src/core/ports.ts',
    );
    // The fixture and example workspaces are excluded by archlens.config.json.
    assert.ok(
      result.patterns.every((p) =>
        [...p.evidence, ...p.counterEvidence].every((e) => !/^(?:test\/fixtures|examples)\//.test(e.file)),
      ),
    );
  });
});
