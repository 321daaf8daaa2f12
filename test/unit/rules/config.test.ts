import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeWorkspace, checkArchitecture, type RuleReport } from '../../../src/core';
import type { RulesConfig } from '../../../src/core/config/rules-schema';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPosixPath } from '../../../src/node/paths';

const ROOT = path.resolve('test/fixtures/rules');
const fs = new NodeFileSystem();
const models = new Map<string, ReturnType<typeof analyzeWorkspace>>();

function rulesOf(name: string, rules: RulesConfig): RuleReport {
  let model = models.get(name);
  if (!model) models.set(name, (model = analyzeWorkspace(fs, toPosixPath(path.join(ROOT, name)))));
  return checkArchitecture(fs, model, { rules }).rules;
}

const ids = (report: RuleReport): string[] => report.violations.map((v) => `${v.rule} ${v.file}:${v.line}`);

describe('rules configuration', function () {
  this.timeout(30_000);

  it('turns a rule off or to warn', () => {
    const report = rulesOf('hexagonal', {
      'hexagonal/core-imports-infrastructure': 'off',
      'hexagonal/adapter-imports-adapter': 'warn',
    });
    assert.deepEqual(
      report.violations.map((v) => [v.rule, v.severity]),
      [
        ['hexagonal/core-imports-adapter', 'error'],
        ['hexagonal/adapter-imports-adapter', 'warn'],
      ],
    );
    assert.equal(report.suppressed, 1);
  });

  it('allows an edge by globs, a folder or a package name, for one rule or all', () => {
    assert.deepEqual(
      ids(
        rulesOf('hexagonal', {
          allow: [
            { from: 'src/http/**', to: 'src/infrastructure' },
            { from: 'src/application/*.ts', to: 'pg', rule: 'hexagonal/core-imports-infrastructure' },
            { from: 'src/domain/**', to: 'src/infrastructure/**', rule: 'hexagonal/adapter-imports-adapter' },
          ],
        }),
      ),
      ['hexagonal/core-imports-adapter src/domain/pricing.ts:2'],
    );
  });

  it('declares the public files of a module, replacing the convention', () => {
    const report = rulesOf('modular-monolith', {
      publicFiles: { 'src/modules/orders': ['index.ts', 'order-status.ts'] },
    });
    assert.deepEqual(ids(report), [
      'modular-monolith/module-cycle src/modules/billing/invoice.ts:1',
      'modular-monolith/module-cycle src/modules/orders/place-order.ts:1',
      'modular-monolith/deep-import src/modules/orders/place-order.ts:2',
      'modular-monolith/kernel-imports-module src/modules/shared/currency.ts:1',
    ]);
    const strict = rulesOf('modular-monolith', {
      publicFiles: { 'src/modules/billing': ['src/modules/billing/tax.ts'] },
    });
    assert.ok(
      strict.violations.some(
        (v) => v.rule === 'modular-monolith/deep-import' && v.target === 'src/modules/billing/index.ts',
      ),
      'index.ts is no longer public once publicFiles names tax.ts',
    );
  });

  it('offers the public face as the fix of a deep import, saying whether it already exports the file', () => {
    const deep = rulesOf('modular-monolith', {}).violations.filter(
      (v) => v.rule === 'modular-monolith/deep-import',
    );
    assert.deepEqual(
      deep.map((v) => [v.target, v.fix]),
      [
        [
          'src/modules/orders/order-status.ts',
          { kind: 'public-face', publicFile: 'src/modules/orders/index.ts', exported: false },
        ],
        [
          'src/modules/inventory/internal/stock-store.ts',
          { kind: 'public-face', publicFile: 'src/modules/inventory/index.ts', exported: true },
        ],
      ],
    );
  });

  it('pins the intended patterns: only their rules run, and as intended (not weak)', () => {
    const report = rulesOf('modular-monolith', { pattern: ['modular-monolith'] });
    assert.deepEqual(
      report.checked.map((c) => c.pattern),
      ['modular-monolith'],
    );
    assert.ok(report.violations.length > 0);
    for (const v of report.violations) {
      assert.equal(v.basis.pinned, true);
      assert.equal(v.basis.weak, false);
      assert.doesNotMatch(v.message, /this rule follows/);
    }
    assert.deepEqual(rulesOf('modular-monolith', { pattern: 'serverless' }).violations, []);
  });

  it('names the shared kernel found beside the modules: any of its files may be imported, and it imports no module', () => {
    const report = rulesOf('modular-monolith', {});
    assert.deepEqual(
      report.checked.map((c) => c.units),
      ['3 modules and shared kernel `src/modules/shared`'],
    );
    // src/modules/inventory/stock-level.ts imports ../shared/money/round (deep inside the kernel): no violation.
    assert.ok(!report.violations.some((v) => v.target.startsWith('src/modules/shared/')));
    const kernel = report.violations.filter((v) => v.rule === 'modular-monolith/kernel-imports-module');
    assert.deepEqual(
      kernel.map((v) => [v.file, v.target]),
      [['src/modules/shared/currency.ts', 'src/modules/billing/tax.ts']],
    );
    assert.match(kernel[0]?.message ?? '', /shared kernel `src\/modules\/shared`/);
    assert.ok(
      kernel[0]?.evidence.some((e) =>
        /^Shared kernel `src\/modules\/shared` \(2 files, by its folder name\)/.test(e.message),
      ),
      JSON.stringify(kernel[0]?.evidence),
    );
  });

  it('rules.sharedKernels makes a module a shared kernel: no cycle through it, and its imports of modules are named', () => {
    const report = rulesOf('modular-monolith', { sharedKernels: ['src/modules/billing/'] });
    assert.deepEqual(
      report.checked.map((c) => c.units),
      ['2 modules and shared kernels `src/modules/billing`, `src/modules/shared`'],
    );
    assert.deepEqual(ids(report), [
      'modular-monolith/kernel-imports-module src/modules/billing/invoice.ts:1',
      'modular-monolith/kernel-imports-module src/modules/billing/invoice.ts:2',
      'modular-monolith/deep-import src/modules/orders/place-order.ts:2',
    ]);
    assert.deepEqual(
      rulesOf('modular-monolith', { sharedKernels: ['src/platfrom'] }).checked.map((c) => c.units),
      [
        '3 modules and shared kernels `src/modules/shared`, `src/platfrom` (named in rules.sharedKernels, holds no source file)',
      ],
    );
    const fact = report.violations[0]?.evidence[0]?.message ?? '';
    assert.match(fact, /^Shared kernel `src\/modules\/billing` \(3 files, named in rules\.sharedKernels\)/);
  });

  it("names a distributed monolith when most services import each other's source", () => {
    const report = rulesOf('microservices', {});
    assert.equal(report.violations.length, 2);
    for (const v of report.violations)
      assert.match(v.message, /3 of 3 services import each other's source: a distributed monolith\./);
  });
});
