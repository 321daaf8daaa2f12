import * as assert from 'node:assert/strict';
import {
  buildDiagram,
  DEFAULT_MAX_NODES,
  INITIAL_STATE,
  keepReadableEdges,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT,
  READABLE_DEFAULT_EDGES,
  READABLE_EXPANDED_EDGES,
  readableEdgeBudget,
  toMermaid,
  type DiagramEdge,
  type DiagramModel,
} from '../../../src/core/diagram';
import type { WorkspaceModel } from '../../../src/core/model';
import { detectionWithUnits, internal, modelOf } from './sample-models';

function edge(from: string, to: string, count: number, violation = false): DiagramEdge {
  return {
    id: `${from}→${to}`,
    from,
    to,
    count,
    style: 'normal',
    locations: [],
    ...(violation ? { violation: true } : {}),
  };
}

function modelWith(nodeIds: readonly string[], edges: readonly DiagramEdge[]): DiagramModel {
  return {
    view: 'deps',
    title: 'Dependencies',
    direction: 'LR',
    groups: [],
    nodes: nodeIds.map((id) => ({ id, label: id, kind: 'folder', expandable: false, detail: '' })),
    edges,
    breadcrumb: [{ label: 'Workspace', expanded: [] }],
    notes: [],
  };
}

/** Every package importing every other: the dense shape of the 10k bench workspace. */
function densePackages(count: number): WorkspaceModel {
  const files = Array.from({ length: count }, (_, i) => `packages/p${i}/index.ts`);
  const edges = files.flatMap((from, i) =>
    files.flatMap((to, j) =>
      i === j ? [] : Array.from({ length: 1 + ((i * 7 + j * 3) % 5) }, (_, k) => internal(from, to, k + 1)),
    ),
  );
  return modelOf(files, edges, []);
}

describe('readable edges: the strongest edges of a dense diagram', () => {
  it('keeps each node its strongest edge, drops implied and lighter ones first, and says how many', () => {
    // a→b→c with a→c implied; d hangs on one light edge that must stay.
    const model = modelWith(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b', 9), edge('b', 'c', 8), edge('a', 'c', 7), edge('c', 'd', 1)],
    );
    const kept = keepReadableEdges(model, 3);
    assert.deepEqual(
      kept.edges.map((e) => e.id),
      ['a→b', 'b→c', 'c→d'],
    );
    assert.match(kept.notes.at(-1) ?? '', /Showing the 3 strongest of 4 dependencies; 1 lighter ones hidden/);
  });

  it('keeps violations and the focused node’s edges before any other', () => {
    const model = modelWith(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b', 9), edge('b', 'c', 8), edge('c', 'd', 7), edge('d', 'a', 1, true), edge('c', 'a', 1)],
    );
    // The heaviest edge a→b goes: every edge of c and the violation come first.
    const kept = keepReadableEdges(model, 4, 'c');
    assert.deepEqual(kept.edges.map((e) => e.id).sort(), ['b→c', 'c→a', 'c→d', 'd→a']);
  });

  it('leaves a model within its budget untouched', () => {
    const model = modelWith(['a', 'b'], [edge('a', 'b', 1)]);
    assert.equal(keepReadableEdges(model, 10), model);
  });

  it('budgets fewer edges for the default state than for an expanded one', () => {
    assert.equal(readableEdgeBudget(60, INITIAL_STATE), READABLE_DEFAULT_EDGES);
    assert.equal(readableEdgeBudget(200, { expanded: ['dir:x'] }), READABLE_EXPANDED_EDGES);
    assert.equal(readableEdgeBudget(10, INITIAL_STATE), 40);
    assert.ok(
      READABLE_DEFAULT_EDGES < READABLE_EXPANDED_EDGES && READABLE_EXPANDED_EDGES <= MERMAID_MAX_EDGES,
    );
  });

  it('a dense 40-package workspace opens with at most the default edge budget, every package still linked', () => {
    const result = buildDiagram('deps', { model: densePackages(40) }, INITIAL_STATE);
    assert.equal(result.kind, 'diagram');
    if (result.kind !== 'diagram') return;
    const { nodes, edges, notes } = result.model;
    assert.ok(nodes.length <= DEFAULT_MAX_NODES, `${nodes.length} nodes`);
    assert.ok(edges.length <= READABLE_DEFAULT_EDGES, `${edges.length} edges`);
    assert.ok(
      notes.some((note) => /lighter ones hidden/.test(note)),
      notes.join(' | '),
    );
    for (const node of nodes)
      assert.ok(
        edges.some((e) => e.from === node.id || e.to === node.id),
        `${node.id} keeps at least one edge`,
      );
    assert.ok(!toMermaid(result.model).startsWith('---'), 'a readable diagram is laid out by dagre');
  });

  it('an expanded state stays within Mermaid defaults and the expanded budget', () => {
    const result = buildDiagram('deps', { model: densePackages(40) }, { expanded: ['dir:packages/p0'] });
    assert.equal(result.kind, 'diagram');
    if (result.kind !== 'diagram') return;
    assert.ok(result.model.edges.length <= READABLE_EXPANDED_EDGES);
    assert.ok(toMermaid(result.model).length <= MERMAID_MAX_TEXT);
  });
});

describe('overview of many deployables', () => {
  it('draws the units of a crowded folder as one expandable node, and expands it', () => {
    const files = Array.from({ length: 90 }, (_, i) => `packages/p${i}/index.ts`);
    const edges = files.slice(1).map((from) => internal(from, files[0] ?? from));
    const model = modelOf(files, edges, []);
    const detection = detectionWithUnits({
      deployables: files.map((_, i) => ({ name: `p${i}`, path: `packages/p${i}`, kind: 'package' })),
    });
    const top = buildDiagram('overview', { model, detection }, INITIAL_STATE);
    if (top.kind !== 'diagram') assert.fail('overview draws');
    assert.ok(top.model.nodes.length <= DEFAULT_MAX_NODES, `${top.model.nodes.length} nodes`);
    const group = top.model.nodes.find((n) => n.id === 'units:packages');
    assert.ok(group?.expandable, 'packages/* is one expandable node');
    const open = buildDiagram('overview', { model, detection }, { expanded: ['units:packages'] });
    if (open.kind !== 'diagram') assert.fail('overview draws');
    assert.equal(open.model.nodes.filter((n) => n.id.startsWith('unit:packages/')).length, 90);
    assert.ok(open.model.edges.length <= MERMAID_MAX_EDGES);
    assert.deepEqual(
      open.model.breadcrumb.map((s) => s.label),
      ['Overview', 'packages'],
    );
  });
});
