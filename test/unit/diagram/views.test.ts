import * as assert from 'node:assert/strict';
import {
  buildDiagram,
  INITIAL_STATE,
  type DiagramModel,
  type DiagramResult,
} from '../../../src/core/diagram';
import { external, internal, modelOf, shopModel, shopSymbols, shopUnits } from './sample-models';

function diagram(result: DiagramResult): DiagramModel {
  if (result.kind !== 'diagram') assert.fail(`expected a diagram, got: ${result.reason}`);
  return result.model;
}

const input = { model: shopModel(), symbols: shopSymbols };

describe('diagram views', () => {
  it('overview: the deployable, its backing services and import counts on edges', () => {
    const model = diagram(buildDiagram('overview', input, INITIAL_STATE));
    const db = model.nodes.find((n) => n.kind === 'database');
    const kafka = model.nodes.find((n) => n.kind === 'broker');
    assert.equal(db?.label, 'db (PostgreSQL)');
    assert.equal(kafka?.label, 'kafka (Kafka)');
    // pg import + compose depends_on reach the db.
    const toDb = model.edges.filter((e) => e.to === db?.id).reduce((sum, e) => sum + e.count, 0);
    assert.equal(toDb, 2);
    assert.ok(model.edges.every((e) => e.locations.length === Math.min(e.count, 200)));
  });

  it('overview with detection units draws deployables and modules and expands a unit', () => {
    const detection = shopUnits;
    const top = diagram(buildDiagram('overview', { ...input, detection }, INITIAL_STATE));
    assert.deepEqual(
      top.nodes.filter((n) => n.id.startsWith('unit:')).map((n) => n.label),
      ['shop', 'adapters', 'domain'],
    );
    const leak = top.edges.find((e) => e.from === 'unit:src/domain' && e.to === 'unit:src/adapters');
    assert.equal(leak?.count, 1);
    const open = diagram(
      buildDiagram('overview', { ...input, detection }, { expanded: ['unit:src/adapters'] }),
    );
    assert.ok(open.nodes.some((n) => n.group === 'unit:src/adapters' && n.path === 'src/adapters/db'));
    assert.deepEqual(
      open.breadcrumb.map((s) => s.label),
      ['Overview', 'adapters'],
    );
    assert.deepEqual(open.breadcrumb[0]?.expanded, []);
  });

  it('layers: inward edges differ from the outward leak, which is a violation', () => {
    const model = diagram(buildDiagram('layers', input, INITIAL_STATE));
    assert.deepEqual(
      model.groups.map((g) => g.id),
      ['layer:adapters', 'layer:application', 'layer:domain'],
    );
    const outward = model.edges.filter((e) => e.style === 'outward');
    assert.equal(outward.length, 1);
    assert.equal(outward[0]?.violation, true);
    assert.equal(outward[0]?.locations[0]?.file, 'src/domain/leak.ts');
    assert.ok(model.edges.filter((e) => e.style === 'inward').length >= 5);
  });

  it('layers does not apply without ring folders, and says why', () => {
    const result = buildDiagram('layers', { model: modelOf(['src/a.ts', 'src/b/c.ts'], []) }, INITIAL_STATE);
    assert.equal(result.kind, 'not-applicable');
    if (result.kind === 'not-applicable') assert.match(result.reason, /No layers found/);
  });

  it('events: producer → topic → consumer, ignoring process and stream events', () => {
    const model = diagram(buildDiagram('events', input, INITIAL_STATE));
    const topics = model.nodes.filter((n) => n.kind === 'topic').map((n) => n.label);
    assert.deepEqual(topics, ['orders.placed']);
    assert.ok(model.edges.every((e) => e.style === 'async'));
    assert.ok(
      model.edges.some(
        (e) => e.to === 'topic:orders.placed' && e.locations[0]?.text === "send('orders.placed')",
      ),
    );
    assert.ok(model.edges.some((e) => e.from === 'topic:orders.placed' && e.locations[0]?.line === 4));
  });

  it('events and cqrs do not apply without symbols or facts', () => {
    const plain = { model: modelOf(['src/a.ts'], [external('src/a.ts', 'express')]) };
    assert.equal(buildDiagram('events', plain, INITIAL_STATE).kind, 'not-applicable');
    assert.equal(buildDiagram('cqrs', plain, INITIAL_STATE).kind, 'not-applicable');
    const withSymbols = {
      ...plain,
      symbols: () => ({ classes: [], interfaces: [], functions: [], calls: [] }),
    };
    assert.equal(buildDiagram('events', withSymbols, INITIAL_STATE).kind, 'not-applicable');
  });

  it('cqrs: command → handler → store, query → handler → read model, write and read sides', () => {
    const model = diagram(buildDiagram('cqrs', input, INITIAL_STATE));
    const id = (label: string): string | undefined => model.nodes.find((n) => n.label === label)?.id;
    const has = (from: string, to: string): boolean =>
      model.edges.some((e) => e.from === id(from) && e.to === id(to));
    assert.ok(has('PlaceOrderCommand', 'PlaceOrderHandler'), 'decorator argument links command to handler');
    assert.ok(has('GetOrderQuery', 'GetOrderQueryHandler'), 'name convention links query to handler');
    assert.ok(has('GetOrderQueryHandler', 'OrderSummaryReadModel'));
    assert.ok(has('PlaceOrderHandler', 'order-repository'));
    assert.equal(model.nodes.find((n) => n.label === 'PlaceOrderCommand')?.group, 'cqrs:write');
    assert.equal(model.nodes.find((n) => n.label === 'GetOrderQuery')?.group, 'cqrs:read');
  });

  it('deps: expanding a folder shows its contents in a box; focus keeps what it reaches', () => {
    const top = diagram(buildDiagram('deps', input, INITIAL_STATE));
    assert.ok(top.nodes.length <= 60);
    const files = Array.from({ length: 80 }, (_, i) => `src/f${i}/x.ts`).concat(['src/g/a.ts', 'src/g/b.ts']);
    const wide = modelOf(files, [
      internal('src/g/a.ts', 'src/g/b.ts'),
      internal('src/f1/x.ts', 'src/g/a.ts'),
      internal('src/f2/x.ts', 'src/f1/x.ts'),
    ]);
    const closed = diagram(buildDiagram('deps', { model: wide }, INITIAL_STATE));
    assert.ok(closed.nodes.some((n) => n.id === 'dir:src/g') || closed.nodes.some((n) => n.kind === 'more'));
    const open = diagram(buildDiagram('deps', { model: wide }, { expanded: ['dir:src/g'] }));
    assert.ok(open.nodes.some((n) => n.id === 'file:src/g/a.ts' && n.group === 'dir:src/g'));
    const focused = diagram(
      buildDiagram(
        'deps',
        { model: wide },
        { expanded: ['dir:src/g'], focus: { node: 'file:src/g/a.ts', direction: 'dependents' } },
      ),
    );
    assert.deepEqual(
      focused.nodes.map((n) => n.id).sort(),
      ['dir:src/f1', 'dir:src/f2', 'file:src/g/a.ts'].sort(),
    );
    const deps = diagram(
      buildDiagram(
        'deps',
        { model: wide },
        { expanded: ['dir:src/g'], focus: { node: 'file:src/g/a.ts', direction: 'dependencies' } },
      ),
    );
    assert.deepEqual(deps.nodes.map((n) => n.id).sort(), ['file:src/g/a.ts', 'file:src/g/b.ts']);
  });

  it('is deterministic', () => {
    for (const view of ['overview', 'layers', 'events', 'cqrs', 'deps'] as const) {
      assert.deepEqual(buildDiagram(view, input, INITIAL_STATE), buildDiagram(view, input, INITIAL_STATE));
    }
  });
});
