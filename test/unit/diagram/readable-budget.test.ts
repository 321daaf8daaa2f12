import * as assert from 'node:assert/strict';
import { buildDiagram, type DiagramModel } from '../../../src/core/diagram';
import { nextReadableBudget } from '../../../src/extension/panel/readable-budget';
import { detectionWithUnits, internal, modelOf } from './sample-models';

// A monorepo as many real ones are laid out: a root package, packages/* libraries that import
// each other, apps/*, examples/*, and tooling under .github/.
const PACKAGES = Array.from({ length: 24 }, (_, i) => `lib-${String.fromCharCode(97 + i)}`);
const files = [
  ...PACKAGES.map((p) => `packages/${p}/src/index.ts`),
  'apps/api/src/main.ts',
  'apps/web/src/main.tsx',
  'apps/worker/src/main.ts',
  'examples/basic/index.ts',
  'examples/edge/index.ts',
  '.github/scripts/changed.ts',
];
const edges = [
  ...PACKAGES.map((p, i) =>
    internal(`packages/${p}/src/index.ts`, `packages/${PACKAGES[(i + 5) % 24]}/src/index.ts`),
  ),
  ...PACKAGES.slice(0, 8).map((p, i) =>
    internal('apps/api/src/main.ts', `packages/${p}/src/index.ts`, i + 1),
  ),
  internal('apps/web/src/main.tsx', 'packages/lib-a/src/index.ts'),
  internal('examples/basic/index.ts', 'packages/lib-b/src/index.ts'),
];
const detection = detectionWithUnits({
  deployables: [
    { name: 'acme', path: '.', kind: 'package' },
    { name: 'api', path: 'apps/api', kind: 'package' },
    { name: 'web', path: 'apps/web', kind: 'package' },
    { name: 'worker', path: 'apps/worker', kind: 'package' },
  ],
  modules: PACKAGES.map((p) => ({ name: p, path: `packages/${p}` })),
});
const input = { model: modelOf(files, edges), detection };

function overview(maxNodes?: number): DiagramModel {
  const result = buildDiagram('overview', input, { expanded: [], ...(maxNodes ? { maxNodes } : {}) });
  if (result.kind !== 'diagram') assert.fail(result.reason);
  return result.model;
}

describe('readable budget: a lower node budget collapses a monorepo overview further', () => {
  it('with a budget of 10 the least linked of the two dozen packages fold into packages/* (N more), the most linked stay', () => {
    const all = overview();
    assert.ok(all.nodes.length > 24, `default: ${all.nodes.length} nodes`);
    const small = overview(10);
    const labels = small.nodes.map((n) => n.label);
    assert.ok(small.nodes.length <= 10, labels.join(', '));
    assert.ok(
      labels.some((l) => /^packages\/\* \(\d+ more\)$/.test(l)),
      labels.join(', '),
    );
    // lib-a is imported by the API, the web app and another package: it stays a node.
    assert.ok(labels.includes('lib-a'), labels.join(', '));
  });

  it('the panel shrinks the budget with the square of the label shortfall, a quarter at least, never below 6', () => {
    assert.equal(nextReadableBudget(40, 14, 14), undefined, 'readable: nothing to do');
    assert.equal(nextReadableBudget(40, 7, 14), 10);
    assert.equal(nextReadableBudget(40, 13, 14), 30);
    assert.equal(nextReadableBudget(40, 1, 14), 6);
    assert.equal(nextReadableBudget(6, 3, 14), undefined, 'too small to collapse');
  });
});
