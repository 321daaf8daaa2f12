import * as assert from 'node:assert/strict';
import { DependentsGraph } from '../../../src/core/assistant';
import type { WorkspaceModel } from '../../../src/core';
import { ask, dataOf, HEX_LEAKY, MICRO_SHOP, MOD_RULES } from './support';

interface DependentsData {
  target: { kind: string; name: string };
  counts: { direct: number; transitive: number; tests: number };
  affected: { kind: string; name: string }[];
  direct: { file: string; depth: number; via: string }[];
  transitive: { file: string; depth: number; via: string }[];
  omitted: { direct: number; transitive: number };
}

function edge(from: string, to: string, kind: 'static' | 'type' = 'static') {
  return { from, to, specifier: to, line: 1, column: 1, kind, resolution: 'internal' as const };
}

describe('assistant tool: dependents', function () {
  this.timeout(60_000);

  it('walks the graph backwards: nearest first, the first path found, type-only steps marked, cycles ended', () => {
    const model: WorkspaceModel = {
      version: 1,
      root: '/w',
      files: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts'],
      edges: [
        edge('b.ts', 'a.ts'),
        edge('c.ts', 'b.ts', 'type'),
        edge('d.ts', 'c.ts'),
        edge('a.ts', 'd.ts'),
        edge('e.ts', 'b.ts'),
      ],
      manifests: [],
      warnings: [],
    };
    const graph = new DependentsGraph(model);
    assert.deepEqual(graph.dependentsOf(['a.ts']), [
      { file: 'b.ts', depth: 1, via: 'a.ts', typeOnly: false },
      { file: 'c.ts', depth: 2, via: 'b.ts', typeOnly: true },
      { file: 'e.ts', depth: 2, via: 'b.ts', typeOnly: false },
      { file: 'd.ts', depth: 3, via: 'c.ts', typeOnly: false },
    ]);
    assert.deepEqual(
      graph.dependentsOf(['a.ts'], 1).map((d) => d.file),
      ['b.ts'],
    );
  });

  it('answers for a file, directly and transitively', async () => {
    const data = dataOf<DependentsData>(
      await ask(HEX_LEAKY, 'dependents', { target: 'src/domain/ticket.ts' }),
    );
    assert.equal(data.target.kind, 'file');
    assert.deepEqual(
      data.direct.map((d) => d.file),
      [
        'src/application/open-ticket.ts',
        'src/domain/comment.ts',
        'src/domain/ticket-repository.ts',
        'src/infrastructure/data-source.ts',
        'src/infrastructure/typeorm-ticket-repository.ts',
      ],
    );
    assert.deepEqual(
      data.transitive.map((d) => `${d.file} ${d.depth}`),
      ['src/application/close-ticket.ts 2', 'src/interfaces/http/tickets-router.ts 2', 'src/main.ts 2'],
    );
    const direct = dataOf<DependentsData>(
      await ask(HEX_LEAKY, 'dependents', { target: 'src/domain/ticket.ts', depth: 1 }),
    );
    assert.equal(direct.counts.transitive, 0);
  });

  it('answers for a module by name: importers from outside it, and the modules they are in', async () => {
    const answer = await ask(MOD_RULES, 'dependents', { target: 'inventory' });
    const data = dataOf<DependentsData>(answer);
    assert.equal(data.target.kind, 'module');
    assert.deepEqual(
      data.direct.map((d) => `${d.file} <- ${d.via}`),
      [
        'src/modules/orders/place-order.ts <- src/modules/inventory/internal/stock-store.ts',
        'src/server.ts <- src/modules/inventory/index.ts',
      ],
    );
    assert.deepEqual(
      data.affected.map((a) => a.name),
      ['billing', 'orders'],
    );
  });

  it('answers for a backing service (by compose name or product) through the files importing its drivers', async () => {
    const byName = dataOf<DependentsData>(await ask(MICRO_SHOP, 'dependents', { target: 'orders-db' }));
    assert.equal(byName.target.kind, 'backing-service');
    assert.equal(byName.counts.direct, 3);
    const byProduct = dataOf<DependentsData>(await ask(MICRO_SHOP, 'dependents', { target: 'postgres' }));
    assert.deepEqual(
      byProduct.direct.map((d) => d.file),
      [
        'services/inventory/src/repository.ts',
        'services/orders/src/repository.ts',
        'services/payments/src/repository.ts',
      ],
    );
    assert.deepEqual(
      byProduct.affected.map((a) => `${a.kind} ${a.name}`),
      ['service inventory', 'service orders', 'service payments'],
    );
    assert.equal(byProduct.counts.transitive, 6);
  });

  it('answers for a package and bounds long lists with limit', async () => {
    const pkg = dataOf<DependentsData>(await ask(MOD_RULES, 'dependents', { target: 'express' }));
    assert.equal(pkg.target.kind, 'package');
    assert.deepEqual(
      pkg.direct.map((d) => d.file),
      ['src/server.ts'],
    );
    const bounded = dataOf<DependentsData>(
      await ask(HEX_LEAKY, 'dependents', { target: 'src/domain/ticket.ts', limit: 2 }),
    );
    assert.equal(bounded.direct.length, 2);
    assert.equal(bounded.omitted.direct, 3);
  });

  it('says what the workspace has when the target names nothing', async () => {
    await assert.rejects(
      ask(MOD_RULES, 'dependents', { target: 'inventroy' }),
      /Nothing in the workspace is called `inventroy`.*Did you mean `inventory`\?/,
    );
  });
});
