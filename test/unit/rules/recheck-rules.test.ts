import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WorkspaceEngine } from '../../../src/core';
import { MemoryFileSystem } from '../../../src/core/memory-file-system';
import { assessWithRuleState } from '../../../src/core/pipeline/detect-architecture';
import { recheckRules } from '../../../src/core/pipeline/recheck-rules';
import type { RuleReport } from '../../../src/core/rules';

const ROOT = '/ws';
const TEAM = { known: false, reason: 'test' } as const;

/** A rules fixture copied into memory. */
function load(name: string): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  const dir = path.resolve('test/fixtures/rules', name);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    fs.write(`${ROOT}/${path.relative(dir, full).split(path.sep).join('/')}`, readFileSync(full, 'utf8'));
  }
  return fs;
}

const keys = (report: RuleReport | undefined): string[] =>
  (report?.violations ?? []).map((v) => `${v.rule} ${v.file}:${v.line} ${v.target}`);

/** Edits one file, updates the engine, and returns the quick recheck beside the full result's rules. */
function edit(name: string, file: string, change: (text: string) => string) {
  const fs = load(name);
  const engine = new WorkspaceEngine(fs, ROOT);
  const before = assessWithRuleState(fs, engine.analyze(), { team: TEAM });
  const text = new TextDecoder().decode(fs.readFile(`${ROOT}/${file}`));
  fs.write(`${ROOT}/${file}`, change(text));
  const { model, delta } = engine.update([{ type: 'changed', path: file }]);
  const quick = recheckRules(fs, before.ruleState, delta, [file]);
  const full = assessWithRuleState(fs, model, { team: TEAM }).assessment.rules;
  return { before: before.assessment.rules, quick, full };
}

describe('the rules rechecked right after an update, before detection runs again', function () {
  this.timeout(30_000);

  it('drops a fixed import and adds a new violating one, as the whole re-assessment does', () => {
    const fixed = edit('modular-monolith', 'src/modules/orders/place-order.ts', (t) =>
      t.replace("'../inventory/internal/stock-store'", "'../inventory'"),
    );
    assert.ok(
      keys(fixed.before).includes(
        'modular-monolith/deep-import src/modules/orders/place-order.ts:2 src/modules/inventory/internal/stock-store.ts',
      ),
    );
    assert.deepEqual(keys(fixed.quick), keys(fixed.full));
    assert.equal(keys(fixed.quick).length, keys(fixed.before).length - 1);

    const broken = edit(
      'modular-monolith',
      'src/modules/orders/order-status.ts',
      (t) => `import { VAT } from '../billing/tax';\n${t}`,
    );
    assert.ok(
      keys(broken.quick).includes(
        'modular-monolith/deep-import src/modules/orders/order-status.ts:1 src/modules/billing/tax.ts',
      ),
    );
    assert.deepEqual(keys(broken.quick), keys(broken.full));
  });

  it('reads the changed file anew: a producer that stops publishing is no longer one', () => {
    const result = edit('event-driven', 'src/orders/place-order.ts', (t) =>
      t.replace("bus.emit('order.placed', orderId);", 'void bus;'),
    );
    assert.deepEqual(keys(result.before), [
      'event-driven/producer-imports-consumer src/orders/place-order.ts:2 src/listeners/send-receipt.listener.ts',
    ]);
    assert.deepEqual(keys(result.quick), []);
    assert.deepEqual(keys(result.full), []);
    const imports = edit(
      'event-driven',
      'src/orders/cancel-order.ts',
      (t) => `import { register } from '../listeners/update-stock.listener';\n${t}`,
    );
    assert.deepEqual(keys(imports.quick), keys(imports.full));
    assert.ok(
      keys(imports.quick).includes(
        'event-driven/producer-imports-consumer src/orders/cancel-order.ts:1 src/listeners/update-stock.listener.ts',
      ),
    );
  });

  it('gives way to the whole re-assessment when files come or go, manifests change, or the config does', () => {
    const fs = load('modular-monolith');
    const engine = new WorkspaceEngine(fs, ROOT);
    const { ruleState } = assessWithRuleState(fs, engine.analyze(), { team: TEAM });
    fs.write(`${ROOT}/src/modules/orders/new-file.ts`, "import { invoice } from '../billing/invoice';\n");
    const added = engine.update([{ type: 'created', path: 'src/modules/orders/new-file.ts' }]);
    assert.equal(recheckRules(fs, ruleState, added.delta, ['src/modules/orders/new-file.ts']), undefined);
    fs.write(
      `${ROOT}/package.json`,
      JSON.stringify({ name: 'changed', dependencies: { express: '4.21.2' } }),
    );
    const manifest = engine.update([{ type: 'changed', path: 'package.json' }]);
    assert.equal(recheckRules(fs, ruleState, manifest.delta, ['package.json']), undefined);
    const none = {
      addedFiles: [],
      removedFiles: [],
      addedEdges: [],
      removedEdges: [],
      manifestsChanged: false,
    };
    assert.equal(recheckRules(fs, ruleState, none, ['archlens.config.json']), undefined);
    assert.ok(recheckRules(fs, ruleState, none, ['src/server.ts']));
  });
});
