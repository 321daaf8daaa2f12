import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, checkArchitecture } from '../../../src/core';
import type { ImportEdge } from '../../../src/core/model';
import { planFileMove, respecify } from '../../../src/core/rules';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const edge = (from: string, specifier: string, to: string | null, line = 1): ImportEdge => ({
  from,
  to,
  specifier,
  line,
  column: 20,
  kind: 'static',
  resolution: to === null ? 'unresolved' : to.includes('/') ? 'internal' : 'external',
});

describe('Move file to the adapters ring', function () {
  this.timeout(30_000);

  it('offers the move on a core file importing an adapter or a driver, into that adapter ring, keeping its sub-path', () => {
    const fs = new NodeFileSystem();
    const model = analyzeWorkspace(fs, toPosixPath(path.resolve('test/fixtures/rules/hexagonal')));
    const { rules } = checkArchitecture(fs, model);
    assert.deepEqual(
      rules.violations.map((v) => [v.rule, v.file, v.fix]),
      [
        [
          'hexagonal/core-imports-infrastructure',
          'src/application/place-order.ts',
          {
            kind: 'move-to-adapters',
            ring: 'src/infrastructure',
            destination: 'src/infrastructure/place-order.ts',
          },
        ],
        [
          'hexagonal/core-imports-adapter',
          'src/domain/pricing.ts',
          {
            kind: 'move-to-adapters',
            ring: 'src/infrastructure',
            destination: 'src/infrastructure/pricing.ts',
          },
        ],
        ['hexagonal/adapter-imports-adapter', 'src/http/orders-router.ts', undefined],
      ],
    );
    const move = planFileMove(model.edges, 'src/domain/pricing.ts', 'src/infrastructure/pricing.ts');
    assert.deepEqual(
      move.edits.map((e) => `${e.file}:${e.line} ${e.from} → ${e.to}`),
      [
        'src/domain/pricing.ts:1 ./order → ../domain/order',
        'src/domain/pricing.ts:2 ../infrastructure/tax-client → ./tax-client',
        'src/main.ts:6 ./domain/pricing → ./infrastructure/pricing',
      ],
    );
  });

  it('rewrites only relative specifiers, in the style written: extensions kept, folder imports kept, itself followed', () => {
    const edges = [
      edge('src/core/a.ts', './b.js', 'src/core/b.ts', 1),
      edge('src/core/a.ts', '../shared', 'src/shared/index.ts', 2),
      edge('src/core/a.ts', '@app/shared/x', 'src/shared/x.ts', 3),
      edge('src/core/a.ts', 'pg', 'pg', 4),
      edge('src/core/a.ts', './missing', null, 5),
      edge('src/core/a.ts', './a', 'src/core/a.ts', 6),
      edge('src/web/c.tsx', '../core/a.js', 'src/core/a.ts', 1),
      edge('src/core/index.ts', './a', 'src/core/a.ts', 1),
      edge('src/web/d.ts', '../core', 'src/core/index.ts', 1),
    ];
    const move = planFileMove(edges, 'src/core/a.ts', 'src/adapters/db/a.ts');
    assert.deepEqual(
      move.edits.map((e) => `${e.file}:${e.line} ${e.from} → ${e.to}`),
      [
        'src/core/a.ts:1 ./b.js → ../../core/b.js',
        'src/core/a.ts:2 ../shared → ../../shared',
        'src/core/index.ts:1 ./a → ../adapters/db/a',
        'src/web/c.tsx:1 ../core/a.js → ../adapters/db/a.js',
      ],
    );
    assert.equal(respecify('./x.ts', 'src/a.ts', 'src/lib/x.ts'), './lib/x.ts');
    assert.equal(respecify('./lib/index', 'src/a.ts', 'src/lib/index.ts'), './lib/index');
    assert.equal(respecify('.', 'src/lib/a.ts', 'src/lib/index.ts'), '.');
  });
});
