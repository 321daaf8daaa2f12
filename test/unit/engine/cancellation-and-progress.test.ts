import * as assert from 'node:assert/strict';
import { WorkspaceEngine } from '../../../src/core/graph';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { CancelledError, type CancellationSignal, type ProgressReport } from '../../../src/core/ports';

const ROOT = '/ws';

/** `count` files in 10 folders, each importing the next one. */
function manyFiles(count: number): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  for (let i = 0; i < count; i++)
    fs.write(`${ROOT}/src/f${i % 10}/m${i}.ts`, `import '../f${(i + 1) % 10}/m${(i + 1) % count}';\n`);
  return fs;
}

/** A signal that turns cancelled once the progress sink has seen `phase`. */
function cancelAt(phase: string): {
  signal: CancellationSignal;
  progress: { report(p: ProgressReport): void };
} {
  let cancelled = false;
  return {
    signal: {
      get isCancellationRequested() {
        return cancelled;
      },
    },
    progress: {
      report(p) {
        if (p.phase === phase) cancelled = true;
      },
    },
  };
}

describe('WorkspaceEngine cancellation and progress', () => {
  it('throws CancelledError when the signal is already set, before reading anything', () => {
    let reads = 0;
    const fs = manyFiles(20);
    const counting = Object.assign(Object.create(fs) as MemoryFileSystem, {
      readFile: (path: string) => {
        reads++;
        return fs.readFile(path);
      },
    });
    const engine = new WorkspaceEngine(counting, ROOT, { signal: { isCancellationRequested: true } });
    assert.throws(() => engine.analyze(), CancelledError);
    assert.equal(reads, 0);
  });

  for (const phase of ['scan', 'parse']) {
    it(`stops with CancelledError when cancelled during ${phase}`, () => {
      const { signal, progress } = cancelAt(phase);
      const engine = new WorkspaceEngine(manyFiles(2500), ROOT, { signal, progress });
      assert.throws(
        () => engine.analyze(),
        (error: unknown) => error instanceof CancelledError,
      );
    });
  }

  it('can analyse again once the signal is cleared', () => {
    let cancelled = true;
    const engine = new WorkspaceEngine(manyFiles(30), ROOT, {
      signal: {
        get isCancellationRequested() {
          return cancelled;
        },
      },
    });
    assert.throws(() => engine.analyze(), CancelledError);
    cancelled = false;
    const model = engine.analyze();
    assert.equal(model.files.length, 30);
    assert.equal(model.edges.filter((e) => e.resolution === 'internal').length, 30);
  });

  it('reports progress for each phase in order, with done counts that never go back or past the total', () => {
    const reports: ProgressReport[] = [];
    const model = new WorkspaceEngine(manyFiles(2500), ROOT, {
      progress: { report: (p) => reports.push(p) },
    }).analyze();
    assert.equal(model.files.length, 2500);
    const phases = reports.map((r) => r.phase).filter((p, i, all) => all[i - 1] !== p);
    for (const phase of ['parse', 'manifests']) assert.ok(phases.includes(phase), phases.join(','));
    assert.ok(phases.indexOf('parse') < phases.indexOf('manifests'), phases.join(','));
    assert.equal(new Set(phases).size, phases.length, `a phase came back: ${phases.join(',')}`);
    const parse = reports.filter((r) => r.phase === 'parse');
    assert.equal(parse[0]?.done, 0);
    assert.equal(parse.at(-1)?.done, 2500);
    for (const phase of new Set(phases)) {
      const list = reports.filter((r) => r.phase === phase);
      for (const [i, r] of list.entries()) {
        if (r.total !== undefined) assert.ok(r.done <= r.total, JSON.stringify(r));
        if (i > 0) assert.ok(r.done >= (list[i - 1]?.done ?? 0), JSON.stringify(list));
      }
    }
    // Imports are read and resolved in one pass, reported every 500 files.
    assert.ok(parse.length >= 6, `parse reports every 500 files: ${parse.length}`);
  });
});
