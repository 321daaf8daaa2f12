import * as assert from 'node:assert/strict';
import { checkArchitecture } from '../../../src/core';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { ask, dataOf, MOD_RULES, modelOf } from './support';

interface ViolationsData {
  total: number;
  byRule: Record<string, number>;
  violations: { file: string; line: number; rule: string; importInstead?: string; evidence?: unknown[] }[];
  omitted: number;
}

describe('assistant tool: violations', function () {
  this.timeout(60_000);

  it('lists what archlens check finds, in its order, with the fix', async () => {
    const data = dataOf<ViolationsData>(await ask(MOD_RULES, 'violations', {}));
    const expected = checkArchitecture(new NodeFileSystem(), modelOf(MOD_RULES)).rules.violations;
    assert.deepEqual(
      data.violations.map((v) => `${v.file}:${v.line} ${v.rule}`),
      expected.map((v) => `${v.file}:${v.line} ${v.rule}`),
    );
    assert.deepEqual(data.byRule, {
      'modular-monolith/module-cycle': 2,
      'modular-monolith/deep-import': 2,
      'modular-monolith/kernel-imports-module': 1,
    });
    const deep = data.violations.find((v) => v.rule === 'modular-monolith/deep-import');
    assert.equal(deep?.importInstead, 'src/modules/orders/index.ts');
    assert.equal(deep?.evidence, undefined);
  });

  it('filters by file or folder and by rule, and bounds the list', async () => {
    const inOrders = dataOf<ViolationsData>(
      await ask(MOD_RULES, 'violations', { file: 'src/modules/orders' }),
    );
    assert.deepEqual(
      inOrders.violations.map((v) => v.file),
      ['src/modules/orders/place-order.ts', 'src/modules/orders/place-order.ts'],
    );
    const cycles = dataOf<ViolationsData>(
      await ask(MOD_RULES, 'violations', { rule: 'modular-monolith/module-cycle' }),
    );
    assert.equal(cycles.total, 2);
    const one = dataOf<ViolationsData>(await ask(MOD_RULES, 'violations', { limit: 1, detail: 'full' }));
    assert.equal(one.violations.length, 1);
    assert.equal(one.omitted, 4);
    assert.ok(Array.isArray(one.violations[0]?.evidence));
    const none = await ask(MOD_RULES, 'violations', { file: 'src/server.ts' });
    assert.match(none.text, /^No boundary violations in `src\/server\.ts`\./);
  });

  it('refuses a rule that does not exist', async () => {
    await assert.rejects(
      ask(MOD_RULES, 'violations', { rule: 'modular-monolith/nope' }),
      /Bad input for violations/,
    );
  });
});
