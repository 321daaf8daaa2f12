import * as assert from 'node:assert/strict';
import { buildDiagram } from '../../../src/core/diagram';
import { internal, modelOf } from './sample-models';

// Shaped like payload: two ring folders deep inside one package, and a hundred other packages
// around them, each importing the domain ring.
const OTHERS = Array.from({ length: 100 }, (_, i) => `packages/pkg-${String(i).padStart(3, '0')}`);
const files = [
  'packages/lexical/src/shared/domain/relation.ts',
  'packages/lexical/src/shared/adapters/store.ts',
  ...OTHERS.map((p) => `${p}/src/index.ts`),
];
const edges = [
  internal('packages/lexical/src/shared/adapters/store.ts', 'packages/lexical/src/shared/domain/relation.ts'),
  ...OTHERS.map((p, i) =>
    Array.from({ length: 1 + (i % 7) }, (_, n) =>
      internal(`${p}/src/index.ts`, 'packages/lexical/src/shared/domain/relation.ts', n + 1),
    ),
  ).flat(),
];
const input = { model: modelOf(files, edges) };

describe('layers view: what lies outside the layers stays within the node budget', () => {
  it('a hundred packages outside two rings draw as the most linked ones and one node for the rest', () => {
    const result = buildDiagram('layers', input, { expanded: [], maxNodes: 20 });
    if (result.kind !== 'diagram') assert.fail(result.reason);
    const labels = result.model.nodes.map((n) => n.label);
    assert.ok(result.model.nodes.length <= 24, `${result.model.nodes.length} nodes: ${labels.join(', ')}`);
    const more = result.model.nodes.find((n) => n.kind === 'more');
    assert.ok(more, labels.join(', '));
    assert.match(more.label, /more item/);
    // The packages with the most imports into the domain ring (7 each) are drawn, not folded.
    assert.ok(labels.includes('packages/pkg-006'), labels.join(', '));
  });

  it('with a default budget, few outside folders are drawn each as they are', () => {
    const small = { model: modelOf(files.slice(0, 5), edges.slice(0, 4)) };
    const result = buildDiagram('layers', small, { expanded: [] });
    if (result.kind !== 'diagram') assert.fail(result.reason);
    assert.ok(!result.model.nodes.some((n) => n.kind === 'more'));
  });
});
