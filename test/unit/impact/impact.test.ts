import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture } from '../../../src/core';
import { buildDiagram, symbolsReader, type DiagramInput } from '../../../src/core/diagram';
import {
  cascadeLinks,
  dependencyGraphOf,
  impactEdgeKinds,
  impactOf,
  impactStates,
  isImpactError,
  type ImpactResult,
  type ImpactTargetError,
} from '../../../src/core/impact';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const repoRoot = path.resolve(__dirname, '../../../..');
const shopRoot = toPosixPath(path.join(repoRoot, 'test', 'fixtures', 'impact', 'shop'));

let cached: DiagramInput | undefined;
function shop(): DiagramInput {
  if (cached) return cached;
  const fs = new NodeFileSystem();
  const model = analyzeWorkspace(fs, shopRoot);
  cached = { model, detection: detectArchitecture(fs, model), symbols: symbolsReader(fs, shopRoot) };
  return cached;
}

function impact(target: string): ImpactResult {
  const result = impactOf(shop(), target);
  assert.ok(!isImpactError(result), isImpactError(result) ? result.message : '');
  return result;
}

/** `file relation effect hops` per dependent, sorted by file: the whole answer in one comparable list. */
function rows(result: ImpactResult): string[] {
  return result.dependents.map((d) => `${d.file} ${d.relation} ${d.effect} ${d.hops}`).sort();
}

// The fixture, by construction: main imports the four modules' entry files; orders/service
// calls billing's charge (sync), imports the shared pg pool and kafka bus, publishes
// order.placed; notify subscribes to order.placed; reports reads the same database; billing's
// invoice and reports' invoice-view import only types; a test imports orders (tests never count).
describe('impact on a workspace whose dependents are known by construction', () => {
  it('a module: synchronous importers fail, the topic subscriber degrades, the database sharer is at risk, type importers only rebuild', () => {
    const result = impact('billing');
    assert.equal(result.target.kind, 'module');
    assert.deepEqual(result.target.files, [
      'src/modules/billing/api.ts',
      'src/modules/billing/charge.ts',
      'src/modules/billing/invoice.ts',
    ]);
    assert.deepEqual(rows(result), [
      'src/main.ts sync fails 1',
      'src/modules/notify/on-order.ts async degrades 2',
      'src/modules/orders/api.ts sync fails 2',
      'src/modules/orders/service.ts sync fails 1',
      'src/modules/reports/invoice-view.ts build-time none 1',
      'src/modules/reports/report.ts shared-database fails 1',
    ]);
    assert.deepEqual(
      { ...result.counts, byRelation: undefined },
      {
        dependents: 6,
        direct: 4,
        transitive: 2,
        fails: 4,
        degrades: 1,
        buildTimeOnly: 1,
        byRelation: undefined,
      },
    );
    assert.equal(result.maxHops, 2);
  });

  it('says where each dependent depends: the import or the subscribe call, with its line', () => {
    const result = impact('billing');
    const service = result.dependents.find((d) => d.file === 'src/modules/orders/service.ts');
    assert.deepEqual(service?.via, {
      file: 'src/modules/orders/service.ts',
      line: 4,
      text: '../billing/charge.js',
      on: 'src/modules/billing/charge.ts',
    });
    const notify = result.dependents.find((d) => d.file === 'src/modules/notify/on-order.ts');
    assert.deepEqual(notify?.via, {
      file: 'src/modules/notify/on-order.ts',
      line: 5,
      text: 'topic order.placed',
      on: 'src/modules/orders/service.ts',
    });
  });

  it('a function: only the importers that call it are direct dependents (billing/api imports the same file for refund)', () => {
    const result = impact('src/modules/billing/charge.ts#charge');
    assert.equal(result.target.kind, 'function');
    assert.deepEqual(rows(result), [
      'src/main.ts sync fails 3',
      'src/modules/billing/invoice.ts build-time none 2',
      'src/modules/notify/on-order.ts async degrades 2',
      'src/modules/orders/api.ts sync fails 2',
      'src/modules/orders/service.ts sync fails 1',
    ]);
    const refund = impact('src/modules/billing/charge.ts#refund');
    assert.deepEqual(rows(refund), ['src/main.ts sync fails 2', 'src/modules/billing/api.ts sync fails 1']);
  });

  it('a database: its driver importer fails first, then everything that needs it, hop by hop', () => {
    const result = impact('postgres');
    assert.equal(result.target.kind, 'backing');
    assert.equal(result.target.id, 'backing:postgres');
    assert.deepEqual(rows(result), [
      'src/main.ts sync fails 3',
      'src/modules/billing/api.ts sync fails 3',
      'src/modules/billing/charge.ts sync fails 2',
      'src/modules/billing/invoice.ts build-time none 3',
      'src/modules/notify/on-order.ts async degrades 3',
      'src/modules/orders/api.ts sync fails 3',
      'src/modules/orders/service.ts sync fails 2',
      'src/modules/reports/report.ts sync fails 2',
      'src/shared/db.ts sync fails 1',
    ]);
    // The driver package names the same backing service.
    assert.deepEqual(rows(impact('pg')), rows(result));
  });

  it('a broker: what talks through it degrades, nothing fails', () => {
    const result = impact('kafka');
    assert.equal(result.counts.fails, 0);
    assert.deepEqual(
      result.dependents
        .filter((d) => d.effect === 'degrades')
        .map((d) => d.file)
        .sort(),
      [
        'src/main.ts',
        'src/modules/notify/on-order.ts',
        'src/modules/orders/api.ts',
        'src/modules/orders/service.ts',
        'src/shared/bus.ts',
      ],
    );
  });

  it('a file imported only for its types has no runtime impact', () => {
    const result = impact('src/shared/money.ts');
    assert.deepEqual(rows(result), [
      'src/modules/orders/service.ts build-time none 1',
      'src/modules/reports/report.ts build-time none 1',
    ]);
    assert.equal(result.counts.fails + result.counts.degrades, 0);
  });

  it('the same target by diagram node id, folder path and name; units summarised by worst effect', () => {
    assert.deepEqual(rows(impact('unit:src/modules/billing')), rows(impact('billing')));
    assert.deepEqual(rows(impact('src/modules/billing/')), rows(impact('billing')));
    const units = impact('billing').units.map((u) => `${u.unit} ${u.effect} ${u.files}`);
    assert.deepEqual(units, ['src fails 1', 'orders fails 2', 'reports fails 2', 'notify degrades 1']);
  });

  it('an unknown target is an error with the closest name, not an empty answer', () => {
    const result = impactOf(shop(), 'biling') as ImpactTargetError;
    assert.equal(result.kind, 'unknown-target');
    assert.deepEqual(result.suggestions, ['billing']);
    const missing = impactOf(shop(), 'src/modules/billing/charge.ts#nope') as ImpactTargetError;
    assert.equal(missing.kind, 'unknown-target');
    assert.ok(missing.suggestions.includes('src/modules/billing/charge.ts#charge'));
  });

  it('paints the overview: the failing module red, importers red, the subscriber amber, the rest grey; step by hop', () => {
    const diagram = buildDiagram('overview', shop(), { expanded: [] });
    assert.equal(diagram.kind, 'diagram');
    if (diagram.kind !== 'diagram') return;
    const result = impact('billing');
    const paintOf = (states: ReturnType<typeof impactStates>): Record<string, string> =>
      Object.fromEntries(diagram.model.nodes.map((n) => [n.label, states.get(n.id)?.paint ?? '?']));
    assert.deepEqual(paintOf(impactStates(diagram.model, result)), {
      'impact-shop': 'fails',
      billing: 'failing',
      notify: 'degrades',
      orders: 'fails',
      reports: 'fails',
      'kafka (Kafka)': 'unaffected',
      'postgres (PostgreSQL)': 'unaffected',
    });
    // One hop: notify is reached at hop 2, so it is still unaffected.
    assert.equal(paintOf(impactStates(diagram.model, result, 1))['notify'], 'unaffected');
    assert.equal(paintOf(impactStates(diagram.model, result, 0))['orders'], 'unaffected');
    const db = impactStates(diagram.model, impact('postgres'));
    assert.equal(db.get('backing:postgres')?.paint, 'failing');
  });

  it('colours each drawn edge by the dependency the cascade travels along it, not by its ends', () => {
    const input = shop();
    const diagram = buildDiagram('overview', input, { expanded: [] });
    if (diagram.kind !== 'diagram') throw new Error('the overview should draw');
    const label = (id: string): string => diagram.model.nodes.find((n) => n.id === id)?.label ?? id;
    const kinds = (target: string, hop?: number): Record<string, string> => {
      const result = impact(target);
      const links = cascadeLinks(dependencyGraphOf(input), result, hop);
      const byEdge = impactEdgeKinds(diagram.model, links);
      return Object.fromEntries(
        diagram.model.edges
          .map((e, i) => [`${label(e.from)} → ${label(e.to)}`, byEdge[i] ?? '?'] as const)
          .filter(([, kind]) => kind !== 'other'),
      );
    };
    // billing fails: orders and main call it (red); reports shares its database through the
    // shared pool (violet) and imports only its types (grey). Both ends of reports → billing
    // are painted, yet that edge carries a type import only.
    assert.deepEqual(kinds('billing'), {
      'impact-shop → billing': 'sync',
      'orders → billing': 'sync',
      'reports → impact-shop': 'shared-database',
      'reports → billing': 'build-time',
    });
    // kafka fails: the bus's driver import and everything calling the bus carry a delay (amber).
    const kafka = kinds('kafka');
    assert.equal(kafka['impact-shop → kafka (Kafka)'], 'async');
    assert.equal(kafka['orders → impact-shop'], 'async');
    assert.ok(!Object.values(kafka).includes('sync'), JSON.stringify(kafka));
    // One hop: only the links into the target.
    assert.deepEqual(kinds('billing', 1), {
      'impact-shop → billing': 'sync',
      'orders → billing': 'sync',
      'reports → impact-shop': 'shared-database',
      'reports → billing': 'build-time',
    });
    assert.deepEqual(kinds('billing', 0), {});
  });
});
