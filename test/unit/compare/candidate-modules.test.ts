import * as assert from 'node:assert/strict';
import { findCandidateModules, type CandidateModule } from '../../../src/core/compare';
import { generateModules } from './generated-modules';

/**
 * The tolerance: each hidden module has a candidate holding at least 90% of its files, that
 * candidate's files are at least 90% of that module, and there is at most one candidate more
 * than there are modules.
 */
const TOLERANCE = 0.9;

function agreement(
  candidates: readonly CandidateModule[],
  truth: ReadonlyMap<string, number>,
  modules: number,
) {
  const rows: { recall: number; precision: number }[] = [];
  for (let module = 0; module < modules; module++) {
    const mine = [...truth].filter(([, m]) => m === module).map(([file]) => file);
    let best = { recall: 0, precision: 0 };
    for (const candidate of candidates) {
      const shared = candidate.files.filter((file) => truth.get(file) === module).length;
      const recall = shared / mine.length;
      if (recall > best.recall) best = { recall, precision: shared / candidate.files.length };
    }
    rows.push(best);
  }
  return rows;
}

describe('candidate modules by community detection', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`finds the three modules of a generated workspace with 10% noise edges (seed ${seed})`, () => {
      const { model, truth } = generateModules({ seed });
      const { candidates, modularity } = findCandidateModules({
        files: model.files,
        edges: model.edges,
        packageRoots: [],
      });
      const rows = agreement(candidates, truth, 3);
      assert.ok(candidates.length >= 3 && candidates.length <= 4, `${candidates.length} candidates`);
      for (const row of rows) {
        assert.ok(row.recall >= TOLERANCE, `recall ${row.recall} of ${JSON.stringify(rows)}`);
        assert.ok(row.precision >= TOLERANCE, `precision ${row.precision} of ${JSON.stringify(rows)}`);
      }
      assert.ok(modularity > 0.3, `modularity ${modularity}`);
    });
  }

  it('does not find three modules where there are none: uniform noise gives a low modularity', () => {
    const { model } = generateModules({ seed: 11, noise: 0.67 });
    const { modularity } = findCandidateModules({ files: model.files, edges: model.edges, packageRoots: [] });
    assert.ok(modularity < 0.3, `modularity ${modularity}`);
  });

  it('is deterministic: the same workspace gives the same candidates', () => {
    const { model } = generateModules({ seed: 3 });
    const once = findCandidateModules({ files: model.files, edges: model.edges, packageRoots: [] });
    const again = findCandidateModules({
      files: [...model.files].reverse(),
      edges: model.edges,
      packageRoots: [],
    });
    assert.deepEqual(again, once);
  });

  it('keeps the files of one folder together and never spans two packages', () => {
    const { model } = generateModules({ seed: 5, noise: 0.4 });
    // Folders p00–p05 form one package, p06–p11 another: noise across them must not merge.
    const roots = ['src/p00', 'src/p01', 'src/p02', 'src/p03', 'src/p04', 'src/p05'];
    const { candidates } = findCandidateModules({
      files: model.files,
      edges: model.edges,
      packageRoots: roots,
    });
    for (const candidate of candidates) {
      const folders = new Set(candidate.files.map((file) => file.slice(0, file.lastIndexOf('/'))));
      assert.deepEqual([...folders].sort(), [...candidate.folders].sort());
      const inFirst = candidate.folders.filter((f) => roots.includes(f)).length;
      assert.ok(
        inFirst === 0 || inFirst === candidate.folders.length || candidate.folders.length === 1,
        candidate.name,
      );
    }
    const all = candidates.flatMap((c) => c.files).sort();
    assert.deepEqual(all, [...model.files].sort());
  });

  it('with more packages than the candidate cap, merging the smallest never crosses a package', () => {
    // 45 packages of two folders each, every folder importing its sibling and one folder of the next package.
    const files: string[] = [];
    const edges = [];
    const at = (from: string, to: string) => ({
      from,
      to,
      specifier: to,
      line: edges.length + 1,
      column: 1,
      kind: 'static' as const,
      resolution: 'internal' as const,
    });
    for (let p = 0; p < 45; p++) for (const f of ['a', 'b']) files.push(`packages/p${p}/src/${f}/index.ts`);
    for (let p = 0; p < 45; p++) {
      edges.push(at(`packages/p${p}/src/a/index.ts`, `packages/p${p}/src/b/index.ts`));
      edges.push(at(`packages/p${p}/src/b/index.ts`, `packages/p${(p + 1) % 45}/src/a/index.ts`));
    }
    const roots = Array.from({ length: 45 }, (_, p) => `packages/p${p}`);
    const { candidates } = findCandidateModules({ files, edges, packageRoots: roots });
    assert.ok(candidates.length >= 45, `${candidates.length} candidates`);
    for (const candidate of candidates) {
      const packages = new Set(candidate.files.map((file) => file.split('/').slice(0, 2).join('/')));
      assert.equal(packages.size, 1, `${candidate.name}: ${[...packages].join(', ')}`);
    }
    // Named past the generic `src`: the package folder.
    assert.ok(
      candidates.some((c) => c.name === 'p7'),
      candidates.map((c) => c.name).join(' '),
    );
  });

  it('names a candidate from the folder holding most of its files; public surface and cohesion from the imports', () => {
    const files = ['src/orders/a.ts', 'src/orders/b.ts', 'src/billing/c.ts', 'src/billing/d.ts'];
    const at = (from: string, to: string, line: number) => ({
      from,
      to,
      specifier: to,
      line,
      column: 1,
      kind: 'static' as const,
      resolution: 'internal' as const,
    });
    const edges = [
      at('src/orders/a.ts', 'src/orders/b.ts', 1),
      at('src/orders/b.ts', 'src/orders/a.ts', 2),
      at('src/orders/a.ts', 'src/orders/b.ts', 3),
      at('src/billing/c.ts', 'src/billing/d.ts', 1),
      at('src/billing/d.ts', 'src/billing/c.ts', 2),
      at('src/billing/c.ts', 'src/billing/d.ts', 3),
      at('src/billing/c.ts', 'src/orders/a.ts', 4),
    ];
    const { candidates } = findCandidateModules({ files, edges, packageRoots: [] });
    assert.deepEqual(
      candidates.map((c) => [c.name, c.path, c.files.length, c.cohesion, c.publicSurface]),
      [
        ['billing', 'src/billing', 2, 0.75, []],
        ['orders', 'src/orders', 2, 0.75, [{ file: 'src/orders/a.ts', importers: 1 }]],
      ],
    );
  });
});
