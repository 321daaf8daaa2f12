import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { extractFile, extractorFor, type FileToExtract } from '../../../src/core/extract';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import '../../../src/node/parse-helper';
import { ParsePool } from '../../../src/node/parse-pool';
import { toPosixPath } from '../../../src/node/paths';

// This bundle is also the helpers' entry script (it contains parse-helper.ts, which serves
// jobs when started as a helper); the tests themselves only run on the main thread.
if (isMainThread) {
  describe('ParsePool', function () {
    this.timeout(60_000);
    let dir: string;
    let files: FileToExtract[];
    const max = 1 << 20;

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'archlens-parse-pool-'));
      files = [];
      for (let i = 0; i < 400; i++) {
        const name = i % 3 === 0 ? `f${i}.js` : `f${i}.ts`;
        const text =
          i % 3 === 0
            ? `const a = require('./f${i + 1}');\nmodule.exports = () => import('./f${i + 2}');\n`
            : `import { x } from './f${i + 1}';\nexport type { T } from './t${i}';\n${i === 7 ? 'class {' : ''}`;
        writeFileSync(join(dir, name), text);
        files.push({ relPath: name, absPath: toPosixPath(join(dir, name)) });
      }
      writeFileSync(join(dir, 'binary.ts'), Buffer.from([0x69, 0, 0x6d]));
      files.push({ relPath: 'binary.ts', absPath: toPosixPath(join(dir, 'binary.ts')) });
      files.push({ relPath: 'missing.ts', absPath: toPosixPath(join(dir, 'missing.ts')) });
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    it('gives the same results, in order, as extracting on one thread', async () => {
      const fs = new NodeFileSystem();
      const expected = files.map((f) => extractFile(fs, f, max, extractorFor));
      const pool = new ParsePool(__filename, 1);
      try {
        assert.deepEqual(pool.extractMany(files, max), expected);
        // Later jobs reuse the running helper, which takes a share once it has started.
        let helped = pool.lastHelperShare;
        for (let job = 0; job < 50 && helped === 0; job++) {
          assert.deepEqual(pool.extractMany(files, max), expected);
          helped = pool.lastHelperShare;
          if (helped === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.ok(helped > 0, 'the helper extracted some files');
      } finally {
        await pool.dispose();
      }
      assert.ok('warning' in (expected.at(-1) ?? {}), 'a missing file is a warning');
      assert.ok('warning' in (expected.at(-2) ?? {}), 'a binary file is a warning');
      const broken = expected[7];
      assert.ok(broken !== undefined && 'errors' in broken && broken.errors.length > 0);
    });

    it('hands each file to the caller once, while its helper reads others, and ends cleanly when the caller fails', async () => {
      const fs = new NodeFileSystem();
      const expected = new Map(files.map((f) => [f.relPath, extractFile(fs, f, max, extractorFor)]));
      const pool = new ParsePool(__filename, 1);
      try {
        let helped = 0;
        for (let job = 0; job < 50 && helped === 0; job++) {
          const seen = new Map<string, unknown>();
          pool.extractEach(files, max, (result, file) => {
            assert.equal(result.relPath, file.relPath);
            assert.ok(!seen.has(file.relPath), `${file.relPath} taken twice`);
            seen.set(file.relPath, result);
          });
          assert.deepEqual(seen, expected);
          helped = pool.lastHelperShare;
          if (helped === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.ok(helped > 0, 'the helper extracted some files');
        let taken = 0;
        assert.throws(
          () =>
            pool.extractEach(files, max, () => {
              if (++taken === 10) throw new Error('resolver failed');
            }),
          /resolver failed/,
        );
        assert.equal(taken, 10, 'nothing is taken after the failure');
        // The helper's leftover chunks of the failed job do not leak into the next one.
        assert.deepEqual(pool.extractMany(files, max), [...expected.values()]);
      } finally {
        await pool.dispose();
      }
    });

    it('still returns every result when its helper cannot start', async () => {
      const fs = new NodeFileSystem();
      const pool = new ParsePool(join(dir, 'no-such-worker.js'), 2);
      try {
        assert.deepEqual(
          pool.extractMany(files, max),
          files.map((f) => extractFile(fs, f, max, extractorFor)),
        );
        assert.equal(pool.lastHelperShare, 0);
      } finally {
        await pool.dispose();
      }
    });

    it('extracts a small batch on the calling thread', async () => {
      const pool = new ParsePool(join(dir, 'no-such-worker.js'), 1);
      const result = pool.extractMany(files.slice(1, 3), max);
      await pool.dispose();
      assert.deepEqual(
        result.map((r) => ('imports' in r ? r.imports.map((i) => `${i.kind} ${i.specifier}`) : [])),
        [
          ['static ./f2', 'type ./t1'],
          ['static ./f3', 'type ./t2'],
        ],
      );
    });
  });
}
