import * as assert from 'node:assert/strict';
import { WorkspaceEngine } from '../../../src/core/graph';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { MemoryCacheStore, StampedFileSystem } from './cache-support';

const ROOT = '/ws';

function workspace(): MemoryFileSystem {
  return new MemoryFileSystem({
    '/ws/package.json': JSON.stringify({ name: 'app' }),
    '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext' } }),
    '/ws/src/index.ts': "import { a } from './a.js';\nimport 'node:fs';\nexport const x = a;\n",
    '/ws/src/a.ts': "export const a = 1;\nimport('./missing.js');\n",
    '/ws/src/b.ts': "import lodash from 'lodash';\n",
  });
}

function started(store: MemoryCacheStore, fs = new StampedFileSystem(workspace())) {
  const discarded: string[] = [];
  const engine = new WorkspaceEngine(fs, ROOT, {
    cache: { store, version: '1.2.3', onDiscard: (problem) => discarded.push(problem) },
  });
  return { engine, model: engine.analyze(), discarded, fs };
}

/** A snapshot written by a cold analysis of the sample workspace, as parsed JSON. */
function storedSnapshot(): Record<string, unknown> {
  const store = new MemoryCacheStore();
  started(store);
  return JSON.parse(store.text ?? '') as Record<string, unknown>;
}

describe('Analysis cache: snapshots', () => {
  const cold = new WorkspaceEngine(new StampedFileSystem(workspace()), ROOT).analyze();

  it('a first start is cold and writes a snapshot; the next reads no source file and gives the same model', () => {
    const store = new MemoryCacheStore();
    const first = started(store);
    assert.equal(first.engine.warmStartReport.kind, 'cold');
    assert.equal(store.writes, 1);
    const fs = first.fs;
    fs.reads.length = 0;
    const second = started(store, fs);
    assert.equal(second.engine.warmStartReport.kind, 'unchanged');
    assert.deepEqual(second.model, cold);
    assert.deepEqual(
      fs.reads.filter((p) => p.endsWith('.ts')),
      [],
    );
    assert.deepEqual(second.discarded, []);
    // Nothing changed: the snapshot is not written again.
    assert.equal(store.writes, 1);
  });

  it('after one file changed, a start reads that file alone and resolves only what it can affect', () => {
    const store = new MemoryCacheStore();
    const { fs } = started(store);
    fs.inner.write('/ws/src/b.ts', "import { a } from './a.js';\n");
    fs.reads.length = 0;
    const { engine, model } = started(store, fs);
    assert.equal(engine.warmStartReport.kind, 'incremental');
    assert.equal(engine.warmStartReport.filesRead, 1);
    assert.deepEqual(
      fs.reads.filter((p) => p.endsWith('.ts')),
      ['/ws/src/b.ts'],
    );
    assert.deepEqual(model, new WorkspaceEngine(fs, ROOT).analyze());
    assert.ok(model.edges.some((e) => e.from === 'src/b.ts' && e.to === 'src/a.ts'));
  });

  const discards: [string, (snapshot: Record<string, unknown>) => string, RegExp][] = [
    ['text that is not JSON', () => '{"format": "archlens-analysis-cache", ', /not valid JSON/],
    [
      'JSON of something else',
      () => JSON.stringify({ name: 'not a cache' }),
      /not an ArchLens analysis cache/,
    ],
    ['a snapshot of another layout', (s) => JSON.stringify({ ...s, formatVersion: 0 }), /layout 0/],
    [
      'a snapshot of another ArchLens version',
      (s) => JSON.stringify({ ...s, version: '0.0.1' }),
      /ArchLens 0\.0\.1/,
    ],
    ['a snapshot of another folder', (s) => JSON.stringify({ ...s, root: '/elsewhere' }), /another folder/],
    [
      'a snapshot made with other options',
      (s) => JSON.stringify({ ...s, optionsKey: '{}' }),
      /other options/,
    ],
    [
      'a snapshot whose answers do not match the imports',
      (s) =>
        JSON.stringify({
          ...s,
          files: (s['files'] as Record<string, unknown>[]).map((f) => (f['a'] ? { ...f, a: [] } : f)),
        }),
      /do not match its imports/,
    ],
    [
      'a snapshot with a resolution no build writes',
      (s) =>
        JSON.stringify({
          ...s,
          answers: (s['answers'] as Record<string, unknown>[]).map((a) => ({ ...a, r: 'pwned' })),
        }),
      /malformed \(answers\.0\)/,
    ],
    [
      'a snapshot with a file row of the wrong shape',
      (s) => JSON.stringify({ ...s, files: [...(s['files'] as unknown[]), { p: 42 }] }),
      /malformed \(files\.\d+\)/,
    ],
    [
      'a snapshot with an answer index out of range',
      (s) =>
        JSON.stringify({
          ...s,
          files: (s['files'] as Record<string, unknown>[]).map((f) =>
            Array.isArray(f['a']) ? { ...f, a: f['a'].map(() => 9999) } : f,
          ),
        }),
      /an answer of .* is missing/,
    ],
  ];
  for (const [what, make, reason] of discards) {
    it(`${what} is discarded with one warning, the analysis runs cold and a good snapshot replaces it`, () => {
      const store = new MemoryCacheStore();
      store.text = make(storedSnapshot());
      const { engine, model, discarded, fs } = started(store);
      assert.equal(engine.warmStartReport.kind, 'cold');
      assert.equal(discarded.length, 1, JSON.stringify(discarded));
      assert.match(discarded[0] ?? '', reason);
      assert.deepEqual(model, cold);
      const next = started(store, fs);
      assert.equal(next.engine.warmStartReport.kind, 'unchanged');
      assert.deepEqual(next.discarded, []);
    });
  }

  it('a snapshot whose file sizes no longer match reads those files again instead of trusting them', () => {
    const store = new MemoryCacheStore();
    started(store);
    const snapshot = JSON.parse(store.text ?? '') as { files: { p: string; s: number }[] };
    for (const file of snapshot.files) file.s += 1;
    store.text = JSON.stringify(snapshot);
    const { engine, model } = started(store);
    assert.equal(engine.warmStartReport.filesRead, 3);
    assert.deepEqual(model, cold);
  });
});

describe('Analysis cache: the previous result at once', () => {
  it('cachedModel() gives the last analysis as it was without reading a source file, then analyze() the checked one', () => {
    const store = new MemoryCacheStore();
    const { fs, model: first } = started(store);
    fs.inner.write('/ws/src/b.ts', "import { a } from './a.js';\n");
    fs.reads.length = 0;
    const engine = new WorkspaceEngine(fs, ROOT, { cache: { store, version: '1.2.3' } });
    const previous = engine.cachedModel();
    assert.deepEqual(previous, first);
    assert.deepEqual(
      fs.reads.filter((p) => p.endsWith('.ts')),
      [],
    );
    const checked = engine.analyze();
    assert.equal(engine.warmStartReport.kind, 'incremental');
    assert.deepEqual(checked, new WorkspaceEngine(fs, ROOT).analyze());
    assert.notDeepEqual(checked, previous);
  });

  it('without a usable snapshot it gives nothing, and the problem is told once', () => {
    const store = new MemoryCacheStore();
    store.text = 'garbage';
    const discarded: string[] = [];
    const engine = new WorkspaceEngine(new StampedFileSystem(workspace()), ROOT, {
      cache: { store, version: '1.2.3', onDiscard: (p) => discarded.push(p) },
    });
    assert.equal(engine.cachedModel(), undefined);
    engine.analyze();
    assert.equal(engine.warmStartReport.kind, 'cold');
    assert.equal(discarded.length, 1);
  });
});

describe('Analysis cache: a workspace whose resolution warns', () => {
  it('an edit of an existing file stays incremental (its warnings are kept) and equals a cold analysis', () => {
    const memory = workspace();
    memory.write(
      '/ws/tsconfig.json',
      '{ "extends": "./missing-base.json", "compilerOptions": { "module": "nodenext" } }',
    );
    const fs = new StampedFileSystem(memory);
    const store = new MemoryCacheStore();
    const cold = started(store, fs).model;
    assert.ok(
      cold.warnings.some((w) => w.file === 'tsconfig.json'),
      JSON.stringify(cold.warnings),
    );
    memory.write('/ws/src/b.ts', "import { a } from './a.js';\nimport 'node:path';\n");
    const { engine, model } = started(store, fs);
    assert.equal(engine.warmStartReport.kind, 'incremental');
    assert.equal(engine.warmStartReport.filesResolved, 1);
    assert.deepEqual(model, new WorkspaceEngine(fs, ROOT).analyze());
  });

  it('a file that comes makes every import resolved again (which one read the broken config first is not known)', () => {
    const memory = workspace();
    memory.write('/ws/tsconfig.json', '{ "extends": "./missing-base.json" }');
    const fs = new StampedFileSystem(memory);
    const store = new MemoryCacheStore();
    started(store, fs);
    memory.write('/ws/src/c.ts', "import { a } from './a.js';\n");
    const { engine, model } = started(store, fs);
    assert.equal(engine.warmStartReport.kind, 're-resolved');
    assert.deepEqual(model, new WorkspaceEngine(fs, ROOT).analyze());
  });
});
