import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceEngine, diffModels } from '../../../src/core/graph';
import { edgeKey } from '../../../src/core/graph/edge-order';
import type { FileChange, ModelDelta, WorkspaceModel } from '../../../src/core/model';
import { ROOT, applyEdit, editSteps, initialWorkspace, memoryWorkspace } from './generated-workspace';

/** The delta as sets of keys, so that order does not matter. */
function normalizeDelta(delta: ModelDelta): Record<string, unknown> {
  return {
    addedFiles: [...delta.addedFiles].sort(),
    removedFiles: [...delta.removedFiles].sort(),
    addedEdges: delta.addedEdges.map(edgeKey).sort(),
    removedEdges: delta.removedEdges.map(edgeKey).sort(),
    manifestsChanged: delta.manifestsChanged,
  };
}

function describeModel(model: WorkspaceModel): string {
  return JSON.stringify({
    files: model.files,
    edges: model.edges.map((e) => [e.from, e.specifier, e.to, e.resolution]),
  });
}

describe('WorkspaceEngine.update (property)', function () {
  this.timeout(120_000);

  it('after any sequence of changes, the incremental model equals a cold analysis and the delta is their difference', () => {
    fc.assert(
      fc.property(initialWorkspace, editSteps, (files, steps) => {
        const fs = memoryWorkspace(files);
        const engine = new WorkspaceEngine(fs, ROOT);
        let before = engine.analyze();
        for (const [index, step] of steps.entries()) {
          const changes: FileChange[] = step.flatMap((edit) => applyEdit(fs, edit));
          const { model, delta } = engine.update(changes);
          const cold = new WorkspaceEngine(fs, ROOT).analyze();
          assert.deepEqual(
            model,
            cold,
            `step ${index} ${JSON.stringify(changes)}: incremental ${describeModel(model)}\ncold ${describeModel(cold)}`,
          );
          assert.deepEqual(
            normalizeDelta(delta),
            normalizeDelta(diffModels(before, cold)),
            `step ${index} ${JSON.stringify(changes)}: delta`,
          );
          assert.strictEqual(engine.model, model);
          before = model;
        }
      }),
      {
        numRuns: Number(process.env.ARCHLENS_PROPERTY_RUNS ?? 150),
        ...(process.env.ARCHLENS_PROPERTY_SEED
          ? { seed: Number(process.env.ARCHLENS_PROPERTY_SEED), path: process.env.ARCHLENS_PROPERTY_PATH }
          : {}),
      },
    );
  });

  it('an update without changes keeps the model and reports an empty delta', () => {
    fc.assert(
      fc.property(initialWorkspace, (files) => {
        const engine = new WorkspaceEngine(memoryWorkspace(files), ROOT);
        const model = engine.analyze();
        const { model: after, delta } = engine.update([]);
        assert.deepEqual(after, model);
        assert.deepEqual(normalizeDelta(delta), normalizeDelta(diffModels(model, model)));
      }),
      { numRuns: 20 },
    );
  });
});

describe('WorkspaceEngine.update with a broken tsconfig', () => {
  it('an edit stays incremental (the tsconfig is not read again) and still equals a cold analysis', () => {
    const fs = memoryWorkspace(
      new Map([
        [
          'tsconfig.json',
          JSON.stringify({ extends: '@tsconfig/not-installed/tsconfig.json', include: ['src'] }),
        ],
        ['src/a.ts', "import { b } from './b';\nexport const a = b;\n"],
        ['src/b.ts', 'export const b = 1;\n'],
        ['src/c.ts', "import { a } from './a';\nexport const c = a;\n"],
      ]),
    );
    let tsconfigReads = 0;
    const counting = Object.assign(Object.create(fs) as typeof fs, {
      readFile: (path: string) => {
        if (path === `${ROOT}/tsconfig.json`) tsconfigReads++;
        return fs.readFile(path);
      },
    });
    const engine = new WorkspaceEngine(counting, ROOT);
    const first = engine.analyze();
    assert.ok(
      first.warnings.some((w) => w.file === 'tsconfig.json'),
      'the missing base config is a warning',
    );
    const readsAfterAnalyze = tsconfigReads;
    fs.write(
      `${ROOT}/src/c.ts`,
      "import { a } from './a';\nimport { b } from './b';\nexport const c = a + b;\n",
    );
    const { model } = engine.update([{ type: 'changed', path: 'src/c.ts' }]);
    assert.equal(tsconfigReads, readsAfterAnalyze, 'an edit of a source file re-resolved everything');
    assert.deepEqual(model, new WorkspaceEngine(fs, ROOT).analyze());
  });
});
