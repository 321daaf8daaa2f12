import * as assert from 'node:assert/strict';
import {
  buildDiagram,
  DEFAULT_MAX_NODES,
  fitToBudget,
  INITIAL_STATE,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT,
  toMermaid,
  usesElk,
} from '../../../src/core/diagram';
import type { DiagramModel } from '../../../src/core/diagram';
import { generatedModel } from './sample-models';

describe('diagram budget (Mermaid defaults: 500 edges, 50,000 characters)', function () {
  this.timeout(120_000);
  // 10 packages × 50 folders × 100 files = 50,000 files, 150,000 imports.
  const big = generatedModel(10, 50, 100);

  for (const view of ['overview', 'deps'] as const) {
    it(`${view} of a 50,000-file workspace fits and shows at most ${DEFAULT_MAX_NODES} nodes`, () => {
      const result = buildDiagram(view, { model: big }, INITIAL_STATE);
      assert.equal(result.kind, 'diagram');
      if (result.kind !== 'diagram') return;
      const text = toMermaid(result.model);
      assert.ok(
        result.model.nodes.length > 1 && result.model.nodes.length <= DEFAULT_MAX_NODES,
        `${result.model.nodes.length} nodes`,
      );
      assert.ok(result.model.edges.length <= MERMAID_MAX_EDGES, `${result.model.edges.length} edges`);
      assert.ok(text.length <= MERMAID_MAX_TEXT, `${text.length} characters`);
      assert.ok(!/maxEdges|maxTextSize/.test(text), 'never raises Mermaid limits');
    });
  }

  it('still fits when the user expands a folder of thousands of files', () => {
    const flat = generatedModel(1, 1, 5_000, 2);
    const result = buildDiagram('deps', { model: flat }, { expanded: ['dir:packages/pkg-0/src/feature-0'] });
    assert.equal(result.kind, 'diagram');
    if (result.kind !== 'diagram') return;
    assert.ok(result.model.edges.length <= MERMAID_MAX_EDGES);
    assert.ok(toMermaid(result.model).length <= MERMAID_MAX_TEXT);
    assert.ok(
      result.model.nodes.some((n) => n.kind === 'more'),
      'the rest of the folder is one "more" node',
    );
  });

  it('keeps each node its strongest edge and trims the lightest, with a note, when a build cannot collapse further', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({
      id: `x${i}`,
      label: `node ${i}`,
      kind: 'folder' as const,
      expandable: false,
      detail: '',
    }));
    const edges = nodes.flatMap((a, i) =>
      nodes
        .filter((_, j) => j !== i)
        .map((b, j) => ({
          id: `${a.id}→${b.id}`,
          from: a.id,
          to: b.id,
          count: i * 100 + j,
          style: 'normal' as const,
          locations: [],
        })),
    );
    const stubborn: DiagramModel = {
      view: 'deps',
      title: 't',
      direction: 'LR',
      groups: [],
      nodes,
      edges,
      breadcrumb: [],
      notes: [],
    };
    const fitted = fitToBudget(() => stubborn);
    assert.ok(fitted.edges.length <= MERMAID_MAX_EDGES && fitted.edges.length > 0);
    assert.ok(toMermaid(fitted).length <= MERMAID_MAX_TEXT);
    assert.match(fitted.notes.join(' '), /lighter ones hidden|left out/);
    // Every node keeps its strongest outgoing edge; among the rest, heavier ones come first.
    for (const node of nodes) {
      const own = edges.filter((e) => e.from === node.id);
      const strongest = Math.max(...own.map((e) => e.count));
      assert.ok(
        fitted.edges.some((e) => e.from === node.id && e.count === strongest),
        `${node.id} keeps its strongest edge`,
      );
    }
  });

  it('asks for the ELK layout only for large graphs and graphs with groups (dagre otherwise)', () => {
    const node = (i: number, group?: string) => ({
      id: `n${i}`,
      label: `node ${i}`,
      kind: 'module' as const,
      expandable: false,
      detail: '',
      ...(group ? { group } : {}),
    });
    const flat: DiagramModel = {
      view: 'overview',
      title: 'flat',
      direction: 'LR',
      groups: [],
      nodes: Array.from({ length: 40 }, (_, i) => node(i)),
      edges: Array.from({ length: 39 }, (_, i) => ({
        id: `n${i}→n${i + 1}`,
        from: `n${i}`,
        to: `n${i + 1}`,
        count: 1,
        style: 'normal' as const,
        locations: [],
      })),
      breadcrumb: [],
      notes: [],
    };
    assert.equal(usesElk(flat), false);
    assert.ok(!toMermaid(flat).includes('layout: elk'));
    const grouped: DiagramModel = {
      ...flat,
      groups: [{ id: 'g', label: 'ring' }],
      nodes: flat.nodes.map((n, i) => (i < 3 ? { ...n, group: 'g' } : n)),
    };
    assert.ok(toMermaid(grouped).startsWith('---\nconfig:\n  layout: elk\n---\nflowchart LR'));
    const large: DiagramModel = { ...flat, nodes: Array.from({ length: 61 }, (_, i) => node(i)) };
    assert.equal(usesElk(large), true);
  });
});
