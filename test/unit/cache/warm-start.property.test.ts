import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceEngine } from '../../../src/core/graph';
import type { FileChange, WorkspaceModel } from '../../../src/core/model';
import { ROOT, applyEdit, editSteps, initialWorkspace, memoryWorkspace } from '../graph/generated-workspace';
import { MemoryCacheStore, StampedFileSystem } from './cache-support';

function describeModel(model: WorkspaceModel): string {
  return JSON.stringify({
    files: model.files,
    edges: model.edges.map((e) => [e.from, e.specifier, e.to, e.resolution]),
    warnings: model.warnings,
  });
}

const runs = Number(process.env.ARCHLENS_PROPERTY_RUNS ?? 150);
const seeded = process.env.ARCHLENS_PROPERTY_SEED
  ? { seed: Number(process.env.ARCHLENS_PROPERTY_SEED), path: process.env.ARCHLENS_PROPERTY_PATH }
  : {};

describe('Analysis cache: warm start (property)', function () {
  this.timeout(300_000);

  it('after random edits, renames, new and deleted files and config edits between runs, a warm start equals a cold analysis', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(initialWorkspace, editSteps, (files, steps) => {
        const memory = memoryWorkspace(files);
        const fs = new StampedFileSystem(memory);
        const store = new MemoryCacheStore();
        const discarded: string[] = [];
        const cache = { store, version: 'test', onDiscard: (p: string) => discarded.push(p) };
        new WorkspaceEngine(fs, ROOT, { cache }).analyze();
        for (const [index, step] of steps.entries()) {
          // The editor is closed: the changes reach the next start only through the files.
          const changes = step.flatMap((edit) => applyEdit(memory, edit));
          const warm = new WorkspaceEngine(fs, ROOT, { cache });
          const model = warm.analyze();
          kinds.add(warm.warmStartReport.kind);
          const cold = new WorkspaceEngine(fs, ROOT).analyze();
          assert.deepEqual(
            model,
            cold,
            `step ${index} ${JSON.stringify(changes)} (${warm.warmStartReport.kind}): warm ${describeModel(model)}\ncold ${describeModel(cold)}`,
          );
          assert.notEqual(warm.warmStartReport.kind, 'cold');
        }
        assert.deepEqual(discarded, []);
      }),
      { numRuns: runs, ...seeded },
    );
    // The generator reaches every way a warm start can go.
    for (const kind of ['unchanged', 'incremental', 're-resolved']) assert.ok(kinds.has(kind), kind);
  });

  it('a warm-started engine kept up to date by watcher changes equals a cold analysis after every batch', () => {
    fc.assert(
      fc.property(initialWorkspace, editSteps, editSteps, (files, offline, online) => {
        const memory = memoryWorkspace(files);
        const fs = new StampedFileSystem(memory);
        const store = new MemoryCacheStore();
        const cache = { store, version: 'test' };
        new WorkspaceEngine(fs, ROOT, { cache }).analyze();
        for (const step of offline) for (const edit of step) applyEdit(memory, edit);
        const engine = new WorkspaceEngine(fs, ROOT, { cache });
        engine.analyze();
        for (const [index, step] of online.entries()) {
          const changes: FileChange[] = step.flatMap((edit) => applyEdit(memory, edit));
          const { model } = engine.update(changes);
          const cold = new WorkspaceEngine(fs, ROOT).analyze();
          assert.deepEqual(
            model,
            cold,
            `online step ${index} ${JSON.stringify(changes)}: incremental ${describeModel(model)}\ncold ${describeModel(cold)}`,
          );
        }
        // What it saves then is a snapshot the next start can trust.
        engine.saveCache();
        const next = new WorkspaceEngine(fs, ROOT, { cache });
        assert.deepEqual(next.analyze(), new WorkspaceEngine(fs, ROOT).analyze());
        assert.equal(next.warmStartReport.kind, 'unchanged');
      }),
      { numRuns: Math.ceil(runs / 2), ...seeded },
    );
  });
});
