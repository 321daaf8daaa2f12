// Starts dist/analysis-worker.js as the extension does, analyses a copy of the modular-monolith
// rules fixture, fixes one deep import and asks for the update: the rules over the changed import
// arrive first (the editor's diagnostics follow them), then the whole result, which agrees.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RuleReport } from '../../../src/core/rules';
import { AnalysisClient } from '../../../src/node/analysis-client';
import { toPosixPath } from '../../../src/node/paths';

const keys = (report: RuleReport): string[] => report.violations.map((v) => `${v.rule} ${v.file}:${v.line}`);

describe('the analysis worker after a save', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archlens-rules-first-'));
    cpSync(path.resolve('test/fixtures/rules/modular-monolith'), dir, { recursive: true });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('posts the rules over the changed imports before the whole result, and the result agrees', async () => {
    const client = new AnalysisClient(path.resolve('dist/analysis-worker.js'), toPosixPath(dir));
    try {
      const settings = { exclude: [], team: { known: false, reason: 'test' } } as const;
      const first = await client.analyze(settings);
      const file = 'src/modules/orders/place-order.ts';
      const deep = `modular-monolith/deep-import ${file}:2`;
      assert.ok(keys(first.rules).includes(deep));
      const text = readFileSync(path.join(dir, file), 'utf8');
      writeFileSync(
        path.join(dir, file),
        text.replace("'../inventory/internal/stock-store'", "'../inventory'"),
      );
      const events: string[] = [];
      let early: RuleReport | undefined;
      const result = await client.update([{ type: 'changed', path: file }], (rules) => {
        events.push('rules');
        early = rules;
      });
      events.push('result');
      assert.deepEqual(events, ['rules', 'result']);
      assert.ok(early);
      assert.ok(!keys(early).includes(deep), 'the fixed import is gone from the early rules');
      assert.deepEqual(keys(early), keys(result.rules));

      // A new file is more than an import change: no early rules, the whole result only.
      writeFileSync(path.join(dir, 'src/modules/orders/extra.ts'), 'export const extra = 1;\n');
      let asked = 0;
      await client.update([{ type: 'created', path: 'src/modules/orders/extra.ts' }], () => asked++);
      assert.equal(asked, 0);
    } finally {
      client.dispose();
    }
  });
});
