// The quick-fixes of boundary-rule violations in the real host (after diagnostics.test.ts, on the
// same temporary copy of test/fixtures/rules/modular-monolith): each one offered on its
// diagnostic, applied through VS Code's refactor preview (the driver ticks and applies it), and
// undone in one step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens } from '../archlens-api';
import { applyThroughPreview, exists, fixesAt, settle, text, undoIn, until, uri } from '../quick-fix-helpers';

describe('quick-fixes of boundary-rule violations', function () {
  this.timeout(180_000);

  before(async () => {
    await activateArchLens();
    await vscode.workspace
      .getConfiguration('archlens')
      .update('scaffold.preview', true, vscode.ConfigurationTarget.Workspace);
  });

  it('offers the three fixes of a deep import on its diagnostic', async () => {
    const { actions } = await fixesAt('src/modules/orders/place-order.ts', 'modular-monolith/deep-import');
    assert.deepEqual(
      actions.map((a) => a.title.replace(/ \(.*$/, '')),
      [
        'Import through the public face `../inventory`',
        'Add to archlens.baseline.json',
        'Allow this edge in archlens.config.json',
      ],
    );
  });

  it('"Import through the public face" rewrites the specifier in the preview; one undo restores it', async () => {
    const rel = 'src/modules/orders/place-order.ts';
    const before = await text(rel);
    const { actions, diagnostic } = await fixesAt(rel, 'modular-monolith/deep-import');
    const fix = actions.find((a) => a.title.startsWith('Import through the public face'));
    assert.ok(fix);
    const rows = await applyThroughPreview(fix, 'rules-public-face', rel, diagnostic.range);
    assert.ok(
      rows.some((r) => r.startsWith('place-order.ts')),
      rows.join(', '),
    );
    await until(
      'the rewritten import',
      async () => (await text(rel))?.includes("from '../inventory';") === true,
    );
    assert.equal(await text(rel), before?.replace("'../inventory/internal/stock-store'", "'../inventory'"));
    await settle();
    await until('the deep-import diagnostic to go', () =>
      vscode.languages
        .getDiagnostics(uri(rel))
        .every((d) => (d.code as { value: string }).value !== 'modular-monolith/deep-import'),
    );
    await undoIn(rel);
    await until('the original import after undo', async () => (await text(rel)) === before);
    await settle();
  });

  it('"Import through the public face" adds the missing re-export to the public file, both files in one undo', async () => {
    const rel = 'src/modules/billing/invoice.ts';
    const face = 'src/modules/orders/index.ts';
    const before = await text(rel);
    const faceBefore = await text(face);
    const { actions, diagnostic } = await fixesAt(rel, 'modular-monolith/deep-import');
    const fix = actions.find((a) => a.title.startsWith('Import through the public face'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const rows = await applyThroughPreview(fix, 'rules-public-face-export', rel, diagnostic.range);
    assert.equal(rows.length, 2, rows.join(', '));
    await until(
      'the re-export',
      async () => (await text(face))?.includes("export type { OrderStatus } from './order-status';") === true,
    );
    assert.equal(await text(face), `${faceBefore ?? ''}export type { OrderStatus } from './order-status';\n`);
    assert.match((await text(rel)) ?? '', /import type \{ OrderStatus \} from '\.\.\/orders';/);
    await settle();
    await undoIn(rel);
    await until(
      'both files restored after one undo',
      async () => (await text(rel)) === before && (await text(face)) === faceBefore,
    );
    await settle();
  });

  it('"Add to archlens.baseline.json" creates the baseline in the preview, hides the violation; undo removes it', async () => {
    const rel = 'src/modules/orders/place-order.ts';
    const { actions, diagnostic } = await fixesAt(rel, 'modular-monolith/deep-import');
    const fix = actions.find((a) => a.title.startsWith('Add to archlens.baseline.json'));
    assert.ok(fix);
    await applyThroughPreview(fix, 'rules-baseline', rel, diagnostic.range);
    await until('the baseline file', () => exists('archlens.baseline.json'));
    assert.deepEqual(JSON.parse((await text('archlens.baseline.json')) ?? ''), {
      version: 1,
      violations: [
        {
          rule: 'modular-monolith/deep-import',
          file: rel,
          target: 'src/modules/inventory/internal/stock-store.ts',
        },
      ],
    });
    await settle();
    await until('the known violation to leave the Problems panel', () =>
      vscode.languages
        .getDiagnostics(uri(rel))
        .every((d) => (d.code as { value: string }).value !== 'modular-monolith/deep-import'),
    );
    await undoIn('archlens.baseline.json');
    await until('the baseline gone after undo', async () => !(await exists('archlens.baseline.json')));
    await until('the violation shown again', () =>
      vscode.languages
        .getDiagnostics(uri(rel))
        .some((d) => (d.code as { value: string }).value === 'modular-monolith/deep-import'),
    );
  });

  it('"Allow this edge" writes rules.allow into archlens.config.json in the preview; undo removes it', async () => {
    const rel = 'src/modules/orders/place-order.ts';
    const { actions, diagnostic } = await fixesAt(rel, 'modular-monolith/deep-import');
    const fix = actions.find((a) => a.title.startsWith('Allow this edge'));
    assert.ok(fix);
    await applyThroughPreview(fix, 'rules-allow', rel, diagnostic.range);
    await until('the config file', () => exists('archlens.config.json'));
    assert.deepEqual(JSON.parse((await text('archlens.config.json')) ?? ''), {
      rules: {
        allow: [
          {
            from: rel,
            to: 'src/modules/inventory/internal/stock-store.ts',
            rule: 'modular-monolith/deep-import',
          },
        ],
      },
    });
    await settle();
    await undoIn('archlens.config.json');
    await until('the config gone after undo', async () => !(await exists('archlens.config.json')));
  });
});
