import * as assert from 'node:assert/strict';
import type { DetectionResult } from '../../../src/core/model';
import { architectureTree } from '../../../src/core/views/architecture-tree';
import type { TreeNode } from '../../../src/core/views/tree-node';

const result: DetectionResult = {
  version: 1,
  root: '/ws',
  primary: 'hexagonal',
  patterns: [
    {
      id: 'hexagonal',
      score: 0.75,
      verdict: 'yes',
      evidence: [{ file: 'src/orders/infra/pg.ts', line: 5, message: '`Pg` implements a port', weight: 0.3 }],
      counterEvidence: [{ file: 'src/orders/domain', message: 'one leak', weight: 0.1 }],
    },
    { id: 'cqrs', score: 0, verdict: 'no', evidence: [], counterEvidence: [] },
  ],
  system: {
    entryPoints: [{ file: 'src/main.ts', kind: 'package-main', source: 'package.json', message: 'main' }],
    parts: [
      {
        name: 'shop',
        path: '.',
        role: 'service',
        basis: ['imports `express`'],
        entryPoints: ['src/main.ts'],
        files: 12,
      },
    ],
    deployables: [],
    notServices: [],
    setAside: [
      { path: 'web', role: 'web-frontend', files: 4, message: '`web` — web front end (4 files): not scored' },
    ],
  },
  units: {
    deployables: [{ name: 'shop', path: '.', kind: 'dockerfile' }],
    modules: [{ name: 'orders', path: 'src/modules/orders' }],
    layers: [{ name: 'domain', paths: ['src/modules/orders/domain', 'src/modules/billing/domain'] }],
  },
};

const find = (nodes: readonly TreeNode[], id: string): TreeNode | undefined => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = find(node.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
};

describe('views: architecture tree', () => {
  const tree = architectureTree(result);

  it('shows the parts with their roles, each focusing the diagram on its folder, and what was not scored', () => {
    const parts = find(tree, 'system');
    assert.deepEqual(
      (parts?.children ?? []).map((n) => [n.label, n.description]),
      [
        ['shop', 'service · .'],
        ['Not scored', '1'],
      ],
    );
    assert.deepEqual(find(tree, 'part:service:.')?.focus, { focus: '.', view: 'overview' });
    assert.equal(find(tree, 'aside:web')?.tooltip, 'web — web front end (4 files): not scored');
  });

  it('shows each pattern with verdict and score, the primary expanded, evidence opening its file at the line', () => {
    assert.deepEqual(
      tree.map((n) => [n.label, n.description, n.expanded]),
      [
        ['Hexagonal (ports and adapters)', 'yes · 0.75 · primary', true],
        ['CQRS', 'no · 0.00', false],
        ['Parts', '1', undefined],
        ['Units', undefined, undefined],
      ],
    );
    const evidence = tree[0]?.children?.[0];
    assert.deepEqual(evidence?.target, { kind: 'file', path: 'src/orders/infra/pg.ts', line: 5 });
    assert.equal(evidence?.description, 'src/orders/infra/pg.ts:5');
    assert.equal(tree[0]?.children?.[1]?.icon?.id, 'warning');
  });

  it('gives units and evidence a diagram focus for "Show in Diagram"', () => {
    assert.deepEqual(find(tree, 'deployable:dockerfile:.:shop')?.focus, { focus: '.', view: 'overview' });
    assert.deepEqual(find(tree, 'module:src/modules/orders')?.focus, {
      focus: 'src/modules/orders',
      view: 'overview',
    });
    // A layer spans folders: it focuses the diagram's layer node in the layers view.
    assert.deepEqual(find(tree, 'layer:domain')?.focus, { focus: 'layer:domain', view: 'layers' });
    assert.deepEqual(tree[0]?.children?.[0]?.focus, { focus: 'src/orders/infra/pg.ts' });
    assert.equal(tree[0]?.focus, undefined, 'a pattern has no single node to focus');
  });

  it('prefixes ids with the folder name in a multi-root workspace', () => {
    const scoped = architectureTree(result, 'api');
    assert.equal(scoped[0]?.id, 'api/pattern:hexagonal');
    assert.ok(find(scoped, 'api/module:src/modules/orders'));
  });
});
