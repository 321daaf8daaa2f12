import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import {
  comparisonToMarkdown,
  compareWorkspace,
  cutDiagram,
  type Comparison,
  type Cut,
} from '../../../src/core/compare';
import { toMermaid } from '../../../src/core/diagram';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';
import { generateModules } from './generated-modules';

const repoRoot = path.resolve(__dirname, '../../../..');

function cut(comparison: Comparison, id: Cut['id']): Cut {
  const found = comparison.cuts.find((c) => c.id === id);
  assert.ok(found, id);
  return found;
}

describe('compare: today against the candidate modules', () => {
  // Without units, today's parts are the twelve folders; the candidates are the three modules.
  const generated = generateModules({ seed: 1 });
  const comparison = compareWorkspace({ model: generated.model });

  it('today has one part per folder; the proposed cuts have the three candidates', () => {
    assert.equal(cut(comparison, 'today').parts.length, 12);
    assert.equal(cut(comparison, 'modular-monolith').parts.length, 3);
    assert.equal(cut(comparison, 'microservices').parts.length, 3);
    assert.equal(comparison.files, 36);
  });

  it('the candidates cross exactly the noise edges; today crosses every import between folders', () => {
    const module = (file: string): number => generated.truth.get(file) ?? -1;
    const noise = generated.model.edges.filter(
      (e) => e.to !== null && module(e.from) !== module(e.to),
    ).length;
    const folder = (file: string): string => file.slice(0, file.lastIndexOf('/'));
    const betweenFolders = generated.model.edges.filter(
      (e) => e.to !== null && folder(e.from) !== folder(e.to),
    ).length;
    assert.equal(cut(comparison, 'modular-monolith').figures.crossedEdges, noise);
    assert.equal(cut(comparison, 'today').figures.crossedEdges, betweenFolders);
    assert.ok(noise < betweenFolders);
  });

  it('a candidate stands for the part of today it shares most files with, so only the files of its other folders move', () => {
    const mm = cut(comparison, 'modular-monolith');
    // Each candidate stands for one of its four folders: 3 folders × 3 files move per candidate.
    assert.equal(mm.figures.moves, 27);
    assert.equal(mm.moves.length, 27);
    for (const move of mm.moves) assert.ok(mm.parts.some((p) => p.name === move.to));
    // Per candidate, the files that stay come from exactly one folder of today.
    for (const candidate of comparison.candidates) {
      const staying = candidate.files.filter((file) => !mm.moves.some((m) => m.file === file));
      assert.equal(
        new Set(staying.map((file) => file.slice(0, file.lastIndexOf('/')))).size,
        1,
        candidate.name,
      );
    }
    assert.deepEqual(cut(comparison, 'today').moves, []);
  });

  it('the cost follows its definition, per cut', () => {
    for (const c of comparison.cuts) {
      const f = c.figures;
      const cycleParts = f.cycles.reduce((sum, cycle) => sum + cycle.length, 0);
      const shared = f.sharedDatabases.reduce((sum, s) => sum + s.parts.length - 1, 0);
      const expected =
        c.id === 'microservices'
          ? f.moves + 3 * f.crossedEdges + 10 * cycleParts + 20 * shared
          : f.moves + f.crossedEdges + 10 * cycleParts;
      assert.equal(f.cost, expected, c.id);
      assert.match(f.costDefinition, /^cost = 1 per moved file \+ /);
    }
  });

  it('the Markdown plan lists the moves by destination, the cycles and the crossed imports', () => {
    const markdown = comparisonToMarkdown(comparison);
    assert.match(markdown, /^# Architecture compared: today, modular monolith, microservices$/m);
    assert.match(markdown, /^\| Modular monolith \| 3 \| \d+ \| 0 \| \d+ \| 0 \| \d+ \| 27 \| \d+ \|$/m);
    assert.match(markdown, /^## Plan: modular monolith$/m);
    assert.match(markdown, /^### 1\. Move 27 files$/m);
    assert.equal(
      (markdown.match(/^ {2}- \[ \] `src\/p\d\d\/f\d\.ts` \(from src\/p\d\d\)$/gm) ?? []).length,
      54,
    );
    assert.match(markdown, /^### 3\. Turn into network calls or messages: \d+ crossed imports$/m);
  });

  it('draws a cut as one node per part with the crossed imports, cycles as violations', () => {
    const diagram = cutDiagram(cut(comparison, 'modular-monolith'));
    assert.equal(diagram.nodes.length, 3);
    assert.ok(diagram.nodes.every((n) => n.kind === 'module'));
    const total = diagram.edges.reduce((sum, e) => sum + e.count, 0);
    assert.equal(total, cut(comparison, 'modular-monolith').figures.crossedEdges);
    const cyclic = cut(comparison, 'modular-monolith').figures.cycles.length > 0;
    assert.equal(
      diagram.edges.some((e) => e.violation === true),
      cyclic,
    );
    assert.match(toMermaid(diagram), /^flowchart LR$/m);
  });

  it('a cut with more parts than the diagram budget draws the biggest and one node for the rest', () => {
    const wide = compareWorkspace({
      model: generateModules({ seed: 2, modules: 3, foldersPerModule: 30 }).model,
    });
    const today = cutDiagram(cut(wide, 'today'));
    assert.equal(cut(wide, 'today').parts.length, 90);
    assert.ok(today.nodes.length <= 60, `${today.nodes.length} nodes`);
    assert.ok(today.nodes.some((n) => n.kind === 'more'));
    assert.ok(today.edges.length <= 80, `${today.edges.length} edges`);
  });

  it('on a workspace with modules and one database: the cycle, the shared database and the leaky imports', () => {
    const fs = new NodeFileSystem();
    const root = toPosixPath(
      path.join(repoRoot, 'test', 'fixtures', 'workspaces', 'modmono-leaky-warehouse'),
    );
    const model = analyzeWorkspace(fs, root);
    const result = compareWorkspace({ model, detection: detectArchitecture(fs, model) });
    const today = cut(result, 'today');
    assert.ok(today.figures.cycles.length >= 1, JSON.stringify(today.figures.cycles));
    assert.ok(today.figures.sharedDatabases.length === 1, JSON.stringify(today.figures.sharedDatabases));
    assert.ok(cut(result, 'microservices').figures.cost > cut(result, 'modular-monolith').figures.cost);
    for (const name of ['inventory', 'orders', 'suppliers'])
      assert.ok(
        result.candidates.some((c) => c.name === name && c.path === `src/modules/${name}`),
        name,
      );
  });
});
