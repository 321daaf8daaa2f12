import * as assert from 'node:assert/strict';
import type { Recommendation } from '../../../src/core/recommend';
import { recommendationsTree } from '../../../src/core/views/recommendations-tree';
import { groupByFolder } from '../../../src/core/views/tree-node';

const hurts: Recommendation = {
  id: 'microservices-tiny-team',
  pattern: 'microservices',
  fit: 'hurts',
  title: 'Microservices for a tiny team: 3 deployables, 2 authors',
  signals: [
    { id: 'team', label: '2 authors in the last 12 months (git)' },
    { id: 'deployables', label: '3 deployables' },
  ],
  reasoning: ['Microservices hurt small teams.'],
  steps: [
    {
      text: 'Consider merging `a` and `b`',
      link: { kind: 'file', path: 'services/a/src/main.ts', line: 3 },
      scaffold: { kind: 'module' },
    },
    { text: 'Add an event', scaffold: { kind: 'event', folder: 'src/events' } },
    { text: 'Look at the cycle', link: { kind: 'diagram', focus: 'src/a' } },
    {
      text: 'Extract `billing`',
      link: { kind: 'folder', path: 'src/modules/billing' },
      scaffold: { kind: 'service' },
    },
    { text: 'Check the modules', link: { kind: 'diagram', focus: 'src/modules/orders', view: 'overview' } },
  ],
};
const fits: Recommendation = {
  ...hurts,
  id: 'team-modular-monolith',
  pattern: 'modular-monolith',
  fit: 'fits',
  title: 'Fits',
  steps: [],
};

describe('views: recommendations tree', () => {
  const tree = recommendationsTree([fits, hurts]);

  it('groups hurts before fits, and leaves out empty groups', () => {
    assert.deepEqual(
      tree.map((n) => [n.label, n.description]),
      [
        ['Hurts', '1'],
        ['Fits', '1'],
      ],
    );
  });

  it('expands a recommendation to its signals with values, its reasoning and its steps', () => {
    const rec = tree[0]?.children?.[0];
    assert.equal(rec?.label, 'Microservices for a tiny team: 3 deployables, 2 authors');
    assert.equal(rec?.description, 'Microservices');
    assert.deepEqual(
      rec?.children?.map((c) => c.label),
      ['Signals', 'Why', 'Next steps'],
    );
    assert.deepEqual(
      rec?.children?.[0]?.children?.map((c) => c.label),
      ['2 authors in the last 12 months (git)', '3 deployables'],
    );
    assert.deepEqual(
      rec?.children?.[1]?.children?.map((c) => c.label),
      ['Microservices hurt small teams.'],
    );
    assert.equal(tree[1]?.children?.[0]?.children?.length, 2, 'no "Next steps" without steps');
  });

  it('gives each step one click (link first, else the scaffold) and the scaffold as a second action', () => {
    const steps = tree[0]?.children?.[0]?.children?.[2]?.children ?? [];
    assert.deepEqual(steps[0]?.target, { kind: 'file', path: 'services/a/src/main.ts', line: 3 });
    assert.deepEqual(steps[0]?.secondary, { kind: 'scaffold', scaffold: 'module' });
    assert.equal(steps[0]?.context, 'step-focus-scaffold');
    assert.equal(steps[0]?.description, 'services/a/src/main.ts:3 · scaffold: module');
    assert.deepEqual(steps[1]?.target, { kind: 'scaffold', scaffold: 'event', folder: 'src/events' });
    assert.equal(steps[1]?.secondary, undefined);
    assert.equal(steps[1]?.focus, undefined);
    assert.equal(steps[1]?.context, 'step-scaffold');
  });

  it('links each step about a folder, module or file to the diagram focused on it', () => {
    const steps = tree[0]?.children?.[0]?.children?.[2]?.children ?? [];
    // A file step opens the file on click; its "Show in Diagram" focuses the file in the dependencies view.
    assert.deepEqual(steps[0]?.focus, { focus: 'services/a/src/main.ts', view: 'deps' });
    // A diagram link without a view leaves the choice to the diagram.
    assert.deepEqual(steps[2]?.target, { kind: 'diagram', focus: 'src/a' });
    assert.deepEqual(steps[2]?.focus, { focus: 'src/a' });
    assert.equal(steps[2]?.context, 'step');
    assert.equal(steps[2]?.description, 'diagram: src/a');
    // A folder step's click focuses the diagram's overview on that folder; its scaffold stays a second action.
    assert.deepEqual(steps[3]?.target, { kind: 'diagram', focus: 'src/modules/billing', view: 'overview' });
    assert.deepEqual(steps[3]?.secondary, { kind: 'scaffold', scaffold: 'service' });
    assert.equal(steps[3]?.context, 'step-scaffold');
    assert.equal(steps[3]?.description, 'src/modules/billing/ · scaffold: service');
    assert.deepEqual(steps[4]?.target, { kind: 'diagram', focus: 'src/modules/orders', view: 'overview' });
    // The icon says what the click does.
    assert.deepEqual(
      steps.map((step) => step.icon?.id),
      ['go-to-file', 'wand', 'type-hierarchy', 'type-hierarchy', 'type-hierarchy'],
    );
  });

  it('keeps ids unique across workspace folders, and groups by folder only when there are several', () => {
    const a = recommendationsTree([hurts], 'api');
    const b = recommendationsTree([hurts], 'web');
    assert.notEqual(a[0]?.id, b[0]?.id);
    assert.deepEqual(groupByFolder([{ name: 'api', roots: a }]), a);
    const grouped = groupByFolder([
      { name: 'api', roots: a },
      { name: 'web', roots: b },
    ]);
    assert.deepEqual(
      grouped.map((n) => [n.label, n.children?.length]),
      [
        ['api', 1],
        ['web', 1],
      ],
    );
  });
});
