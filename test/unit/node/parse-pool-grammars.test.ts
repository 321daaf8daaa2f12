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
import { initTreeSitter } from '../../../src/node/tree-sitter-runtime';

const SOURCES: readonly [string, (i: number) => string][] = [
  [
    'java',
    (i) =>
      `package a.p${i % 7};\nimport a.p${(i + 1) % 7}.C${i};\nimport static b.U.*;\npublic class C${i} {}\n`,
  ],
  ['kt', (i) => `package k.p${i % 5}\nimport k.q.*\nimport x.Y as Z\nclass K${i}\n`],
  [
    'cs',
    (i) => `\uFEFFglobal using System;\nusing A.B${i % 3};\nnamespace N${i % 4};\npublic class S${i} {}\n`,
  ],
  [
    'go',
    (i) => `package p${i % 3}\n\nimport (\n\t"fmt"\n\tdb "example.com/m/db${i % 2}"\n)\n\nfunc F${i}() {}\n`,
  ],
  ['py', (i) => `import os\nfrom .m${i % 4} import x, y\n\ndef f():\n    import json\n`],
];

// As parse-pool.test.ts: this bundle is the helpers' entry script too.
if (isMainThread) {
  describe('ParsePool with tree-sitter languages', function () {
    this.timeout(60_000);
    let dir: string;
    const files: FileToExtract[] = [];
    const max = 1 << 20;

    before(async () => {
      await initTreeSitter();
      dir = mkdtempSync(join(tmpdir(), 'archlens-parse-pool-grammars-'));
      for (let i = 0; i < 300; i++) {
        const [extension, source] = SOURCES[i % SOURCES.length] as (typeof SOURCES)[number];
        const name = `f${i}.${extension}`;
        writeFileSync(join(dir, name), source(i));
        files.push({ relPath: name, absPath: toPosixPath(join(dir, name)) });
      }
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    it('extracts Java, Kotlin, C#, Go and Python in its helper threads as on the calling thread', async () => {
      const fs = new NodeFileSystem();
      const expected = files.map((f) => extractFile(fs, f, max, extractorFor));
      for (const result of expected) {
        assert.ok('imports' in result && result.imports.length >= 2, `${result.relPath} has its imports`);
        assert.equal(result.errors.length, 0, `${result.relPath} has no errors`);
      }
      const pool = new ParsePool(__filename, 1);
      try {
        let helped = 0;
        for (let job = 0; job < 50 && helped === 0; job++) {
          assert.deepEqual(pool.extractMany(files, max), expected);
          helped = pool.lastHelperShare;
          if (helped === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.ok(helped > 0, 'the helper extracted some files');
      } finally {
        await pool.dispose();
      }
    });
  });
}
