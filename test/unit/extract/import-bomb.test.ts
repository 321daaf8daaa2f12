import * as assert from 'node:assert/strict';
import { parseConfigText } from '../../../src/core/config/load-config';
import { WorkspaceEngine } from '../../../src/core/graph';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { decodeSourceText } from '../../../src/core/scan/read-text';
import { scanWorkspace } from '../../../src/core/scan/scan-workspace';

const MiB = 1024 * 1024;

describe('limits a workspace cannot lift', () => {
  it('caps maxFileSize from archlens.config.json at 16 MiB, with a warning saying so', () => {
    const { config, warnings } = parseConfigText('{ "maxFileSize": 100000000 }');
    assert.equal(config.maxFileSize, 16 * MiB);
    assert.deepEqual(warnings, [
      {
        file: 'archlens.config.json',
        message: '"maxFileSize" 100000000 is over the 16 MiB cap; 16777216 (16 MiB) is used',
        line: 1,
        column: 18,
      },
    ]);
    assert.deepEqual(parseConfigText('{ "maxFileSize": 16777216 }'), {
      config: { maxFileSize: 16 * MiB },
      warnings: [],
    });
  });

  it('caps maxFileSize given by the host too, in the scan and in every read', () => {
    const fs = new MemoryFileSystem({ '/w/a.ts': '' });
    assert.equal(scanWorkspace(fs, '/w', { maxFileSize: 1e12 }).maxFileSize, 16 * MiB);
    const read = decodeSourceText(new Uint8Array(16 * MiB + 1).fill(0x61), 'big.ts', 1e12);
    assert.deepEqual(read, {
      warning: { file: 'big.ts', message: 'skipped: 16 MiB is over the 16 MiB limit (maxFileSize)' },
    });
  });

  it('reads a file of 100,000 imports in bounded time: the first 10,000, with one warning', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `import { a${i} } from './m${i % 7}';`).join('\n');
    const fs = new MemoryFileSystem({ '/w/bomb.ts': text, '/w/m0.ts': '', '/w/ok.ts': "import './m0';\n" });
    const started = performance.now();
    const model = new WorkspaceEngine(fs, '/w', { maxFileSize: 16 * MiB }).analyze();
    const elapsed = performance.now() - started;
    // Before the cap: about 40 s (oxc's module record grows with the square of the imports).
    assert.ok(elapsed < 8000, `took ${elapsed.toFixed(0)} ms`);
    assert.equal(model.edges.filter((e) => e.from === 'bomb.ts').length, 10_000);
    assert.deepEqual(
      model.warnings.filter((w) => w.file === 'bomb.ts').map((w) => w.message),
      ['too many imports: the first 10,000 are read, the rest are dropped'],
    );
    assert.equal(model.edges.find((e) => e.from === 'ok.ts')?.to, 'm0.ts');
  });

  it('reads a file of 100,000 require calls in bounded time, with the same one warning', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `require('./m${i % 7}');`).join('\n');
    const fs = new MemoryFileSystem({ '/w/bomb.js': text });
    const started = performance.now();
    const model = new WorkspaceEngine(fs, '/w', { maxFileSize: 16 * MiB }).analyze();
    assert.ok(performance.now() - started < 8000);
    assert.equal(model.edges.length, 10_000);
    assert.equal(model.warnings.filter((w) => w.file === 'bomb.js').length, 1);
  });
});
