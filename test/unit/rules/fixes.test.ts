import * as assert from 'node:assert/strict';
import { addToBaseline, importedNames, reexportLine, relativeSpecifier } from '../../../src/core/rules';
import type { Violation } from '../../../src/core/rules';

describe('rule fixes', () => {
  it('writes the relative specifier of a public file, folder index dropped', () => {
    assert.equal(
      relativeSpecifier('src/modules/orders/place-order.ts', 'src/modules/inventory/index.ts'),
      '../inventory',
    );
    assert.equal(
      relativeSpecifier('src/modules/orders/place-order.ts', 'src/modules/inventory/api.ts'),
      '../inventory/api',
    );
    assert.equal(
      relativeSpecifier('src/modules/orders/index.ts', 'src/modules/orders/order-status.ts'),
      './order-status',
    );
    assert.equal(relativeSpecifier('src/a/b/c.ts', 'src/x.ts'), '../../x');
    assert.equal(relativeSpecifier('src/main.ts', 'src/modules/billing/index.ts'), './modules/billing');
  });

  it('reads the named imports of a line, type-only or not, aliases to their exported names', () => {
    assert.deepEqual(
      importedNames(
        "import { reserve, level as stock } from '../inventory/internal/x';",
        '../inventory/internal/x',
      ),
      {
        names: ['reserve', 'level'],
        typeOnly: false,
      },
    );
    assert.deepEqual(
      importedNames("import type { OrderStatus } from '../orders/order-status';", '../orders/order-status'),
      {
        names: ['OrderStatus'],
        typeOnly: true,
      },
    );
    assert.equal(importedNames("import * as x from '../a';", '../a'), undefined);
    assert.equal(importedNames("import { a } from '../b';", '../a'), undefined);
  });

  it('writes the re-export a public file needs', () => {
    assert.equal(
      reexportLine('src/modules/orders/index.ts', 'src/modules/orders/order-status.ts', {
        names: ['OrderStatus'],
        typeOnly: true,
      }),
      "export type { OrderStatus } from './order-status';\n",
    );
    assert.equal(reexportLine('src/m/index.ts', 'src/m/deep/x.ts', undefined), "export * from './deep/x';\n");
  });

  it('adds a violation to a baseline, sorted and counted', () => {
    const v = (file: string, target: string): Violation =>
      ({ rule: 'modular-monolith/deep-import', file, target }) as unknown as Violation;
    const one = addToBaseline(undefined, v('src/b.ts', 'src/x.ts'));
    const two = addToBaseline(one, v('src/a.ts', 'src/x.ts'));
    const three = addToBaseline(two, v('src/a.ts', 'src/x.ts'));
    assert.deepEqual(three.violations, [
      { rule: 'modular-monolith/deep-import', file: 'src/a.ts', target: 'src/x.ts', count: 2 },
      { rule: 'modular-monolith/deep-import', file: 'src/b.ts', target: 'src/x.ts' },
    ]);
  });
});
