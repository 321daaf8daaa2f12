import * as assert from 'node:assert/strict';
import {
  buildDiagram,
  MIN_MEANINGFUL_NODES,
  meaningfulNodeCount,
  nextReadableStep,
  type DiagramInput,
  type DiagramModel,
  type DiagramState,
} from '../../../src/core/diagram';
import { detectionWithUnits, generatedModel, internal, modelOf } from './sample-models';

// Shaped like hoppscotch: a root package holding the monorepo, a NestJS backend whose src/ holds
// two dozen modules, and a few front-end and tooling packages beside it.
const BACKEND = Array.from({ length: 25 }, (_, i) => `feature-${String.fromCharCode(97 + i)}`);
const PACKAGES = ['common', 'selfhost-web', 'cli', 'data', 'js-sandbox', 'relay'];
const files = [
  'aio_run.mjs',
  ...BACKEND.map((m) => `packages/backend/src/${m}/${m}.service.ts`),
  'packages/backend/src/main.ts',
  ...PACKAGES.map((p) => `packages/${p}/src/index.ts`),
];
const edges = [
  ...BACKEND.map((m) =>
    internal('packages/backend/src/main.ts', `packages/backend/src/${m}/${m}.service.ts`),
  ),
  ...BACKEND.map((m, i) =>
    internal(
      `packages/backend/src/${m}/${m}.service.ts`,
      `packages/backend/src/${BACKEND[(i + 3) % 25]}/${BACKEND[(i + 3) % 25]}.service.ts`,
    ),
  ),
  ...PACKAGES.map((p, i) =>
    internal(`packages/${p}/src/index.ts`, `packages/${PACKAGES[(i + 1) % 6]}/src/index.ts`),
  ),
  internal('packages/selfhost-web/src/index.ts', 'packages/data/src/index.ts'),
];
const input: DiagramInput = {
  model: modelOf(files, edges),
  detection: detectionWithUnits({
    deployables: [
      { name: 'hoppscotch-aio', path: '.', kind: 'package' },
      { name: 'hoppscotch-backend', path: 'packages/backend', kind: 'package' },
    ],
    modules: [
      ...BACKEND.map((m) => ({ name: m, path: `packages/backend/src/${m}` })),
      ...PACKAGES.map((p) => ({ name: p, path: `packages/${p}` })),
    ],
  }),
};

function drawn(view: 'overview' | 'deps', source: DiagramInput, state: DiagramState): DiagramModel {
  const result = buildDiagram(view, source, state);
  if (result.kind !== 'diagram') assert.fail(result.reason);
  return result.model;
}

describe('readable step: collapsing further never folds a view into a few groups', () => {
  it('a budget of 6 on a hoppscotch-shaped overview would leave only groups such as packages/* (6)', () => {
    const folded = drawn('overview', input, { expanded: [], maxNodes: 6 });
    assert.ok(
      meaningfulNodeCount(folded) < MIN_MEANINGFUL_NODES,
      `the plain collapse keeps ${folded.nodes.map((n) => n.label).join(', ')}`,
    );
  });

  it("so the panel collapses less: the backend's least linked modules fold into one node, the packages stay", () => {
    const state: DiagramState = { expanded: [] };
    const current = drawn('overview', input, state);
    assert.ok(current.nodes.length > 20, `${current.nodes.length} nodes at the default budget`);
    const step = nextReadableStep('overview', input, state, current, 6);
    assert.ok(step, 'a step is proposed');
    assert.equal(step.kind, 'collapse');
    const labels = step.model.nodes.map((n) => n.label);
    assert.ok(step.model.nodes.length < current.nodes.length, labels.join(', '));
    assert.ok(meaningfulNodeCount(step.model) >= MIN_MEANINGFUL_NODES, labels.join(', '));
    assert.ok(
      labels.some((l) => /^packages\/backend\/src\/\* \(\d+ more\)$/.test(l)),
      labels.join(', '),
    );
    for (const p of PACKAGES) assert.ok(labels.includes(p), `${p} in ${labels.join(', ')}`);
  });

  it('and when no collapse keeps enough nodes, it drops lighter edges instead, every node kept', () => {
    // A star of 9 files around one: folding any folder leaves fewer than 8 nodes.
    const star: DiagramInput = {
      model: modelOf(
        ['hub.ts', ...Array.from({ length: 9 }, (_, i) => `leaf-${i}.ts`)],
        Array.from({ length: 9 }, (_, i) => [
          internal(`leaf-${i}.ts`, 'hub.ts'),
          internal(`leaf-${i}.ts`, `leaf-${(i + 1) % 9}.ts`),
        ]).flat(),
      ),
    };
    const state: DiagramState = { expanded: [] };
    const current = drawn('deps', star, state);
    const step = nextReadableStep('deps', star, state, current, 6);
    assert.ok(step, 'a step is proposed');
    assert.equal(step.kind, 'prune-edges');
    assert.equal(step.state.maxNodes, undefined);
    assert.ok(step.model.edges.length < current.edges.length);
    assert.equal(step.model.nodes.length, current.nodes.length);
  });

  it('a collapse that keeps enough meaningful nodes is taken', () => {
    const big: DiagramInput = { model: generatedModel(12, 2, 4) };
    const state: DiagramState = { expanded: [] };
    const current = drawn('deps', big, state);
    const step = nextReadableStep('deps', big, state, current, Math.floor(current.nodes.length * 0.75));
    assert.ok(step, 'a step is proposed');
    assert.equal(step.kind, 'collapse', JSON.stringify(step.model.nodes.map((n) => n.label)));
    assert.ok(step.model.nodes.length < current.nodes.length);
    assert.ok(meaningfulNodeCount(step.model) >= MIN_MEANINGFUL_NODES);
  });

  it('proposes nothing when neither collapsing nor dropping edges changes the drawing', () => {
    const tiny: DiagramInput = {
      model: modelOf(['a.ts', 'b.ts', 'c.ts'], [internal('a.ts', 'b.ts'), internal('b.ts', 'c.ts')]),
    };
    const state: DiagramState = { expanded: [] };
    assert.equal(nextReadableStep('deps', tiny, state, drawn('deps', tiny, state), 2), undefined);
  });

  it('the dependencies view of two dozen packages opens packages/ in part rather than fold it into one node', () => {
    const libs = Array.from({ length: 24 }, (_, i) => `packages/lib-${String(i).padStart(2, '0')}`);
    const mono: DiagramInput = {
      model: modelOf(
        [
          ...libs.flatMap((p) => [`${p}/src/index.ts`, `${p}/src/util.ts`]),
          'apps/api/src/main.ts',
          'apps/web/src/main.ts',
          'examples/basic/index.ts',
          '.github/scripts/release.ts',
        ],
        [
          ...libs.map((p, i) => internal(`${p}/src/index.ts`, `${libs[(i + 1) % 24]}/src/index.ts`)),
          internal('apps/api/src/main.ts', 'packages/lib-00/src/index.ts'),
          internal('apps/web/src/main.ts', 'packages/lib-01/src/index.ts'),
        ],
      ),
    };
    const state: DiagramState = { expanded: [] };
    const current = drawn('deps', mono, state);
    const step = nextReadableStep('deps', mono, state, current, 10);
    assert.ok(step, 'a step is proposed');
    assert.equal(step.kind, 'collapse');
    const labels = step.model.nodes.map((n) => n.label);
    assert.ok(step.model.nodes.length <= 10, labels.join(', '));
    assert.ok(meaningfulNodeCount(step.model) >= MIN_MEANINGFUL_NODES, labels.join(', '));
    assert.ok(
      step.model.nodes.some((n) => n.kind === 'more'),
      labels.join(', '),
    );
  });
});
