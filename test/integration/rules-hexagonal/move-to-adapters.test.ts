// On a temporary copy of test/fixtures/rules/hexagonal: the planted violations as diagnostics,
// their count on the Architecture view and the status bar, and *Move file to the adapters ring*
// applied through the refactor preview (the file moved, its imports and its importer's
// rewritten, the violation gone) and undone in one step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens } from '../archlens-api';
import { applyThroughPreview, exists, fixesAt, settle, text, undoIn, until } from '../quick-fix-helpers';
import { archLensDiagnostics, expectedViolations, keysOf, untilDiagnostics } from '../rule-diagnostics';

interface CountsApi {
  violationCounts(): { badge?: number; status?: string; statusTooltip?: string };
}

describe('the hexagonal rules in the editor', function () {
  this.timeout(180_000);
  const expected = expectedViolations();
  let api: CountsApi;

  before(async () => {
    api = (await activateArchLens()).exports as CountsApi;
    await vscode.workspace
      .getConfiguration('archlens')
      .update('scaffold.preview', true, vscode.ConfigurationTarget.Workspace);
    await untilDiagnostics(
      'the planted violations',
      () => archLensDiagnostics().length === expected.length,
      90_000,
    );
  });

  it('shows exactly the planted violations, counted on the Architecture view and in the status bar', async () => {
    assert.deepEqual(
      archLensDiagnostics().map((d) => d.key),
      keysOf(expected),
    );
    await until('the counts', () => api.violationCounts().badge === expected.length);
    const counts = api.violationCounts();
    assert.equal(counts.status, `$(error) ${expected.length} violations`);
    assert.match(
      counts.statusTooltip ?? '',
      /^ArchLens: 3 boundary violations \(3 errors, 0 warnings\)\. Click for the Problems panel\./,
    );
  });

  it('offers "Move file to the adapters ring" on a core file importing an adapter and on one importing a driver', async () => {
    const adapter = await fixesAt('src/domain/pricing.ts', 'hexagonal/core-imports-adapter');
    assert.deepEqual(
      adapter.actions.map((a) => a.kind?.value),
      ['quickfix.archlens.moveToAdapters', 'quickfix.archlens.baseline', 'quickfix.archlens.allow'],
    );
    assert.equal(
      adapter.actions[0]?.title,
      'Move file to the adapters ring `src/infrastructure` (as `src/infrastructure/pricing.ts`, imports updated)',
    );
    const driver = await fixesAt('src/application/place-order.ts', 'hexagonal/core-imports-infrastructure');
    assert.ok(
      driver.actions.some((a) =>
        a.title.startsWith(
          'Move file to the adapters ring `src/infrastructure` (as `src/infrastructure/place-order.ts`',
        ),
      ),
      driver.actions.map((a) => a.title).join(', '),
    );
  });

  it("moves the file in the refactor preview with its imports and its importer's; the violation goes; one undo puts everything back", async () => {
    const rel = 'src/domain/pricing.ts';
    const moved = 'src/infrastructure/pricing.ts';
    const before = await text(rel);
    const mainBefore = await text('src/main.ts');
    assert.ok(before && mainBefore);
    const { actions, diagnostic } = await fixesAt(rel, 'hexagonal/core-imports-adapter');
    const fix = actions.find((a) => a.kind?.value === 'quickfix.archlens.moveToAdapters');
    assert.ok(fix);
    const rows = await applyThroughPreview(fix, 'rules-move-to-adapters', rel, diagnostic.range);
    assert.ok(rows.length >= 2, `the preview lists the moved file and its importer: ${rows.join(', ')}`);
    await until('the moved file', async () => (await exists(moved)) && !(await exists(rel)));
    // The moved file's edits land in its open document (moved with it), the disk follows on save.
    const movedText = before
      .replace("from './order';", "from '../domain/order';")
      .replace("from '../infrastructure/tax-client';", "from './tax-client';");
    const mainText = mainBefore.replace("'./domain/pricing'", "'./infrastructure/pricing'");
    await until(
      'the moved file and its importer rewritten',
      async () => (await text(moved)) === movedText && (await text('src/main.ts')) === mainText,
    );
    await settle();
    const remaining = expected.filter((e) => e.file !== rel);
    await untilDiagnostics(
      'the core-imports-adapter violation to go, and no new one',
      () =>
        archLensDiagnostics()
          .map((d) => d.key)
          .join('|') === keysOf(remaining).join('|'),
    );
    await until('the counts to follow', () => api.violationCounts().badge === remaining.length);

    await undoIn(moved);
    await until(
      'the file back in the core after one undo',
      async () => (await exists(rel)) && !(await exists(moved)),
    );
    await until(
      'both files restored',
      async () => (await text(rel)) === before && (await text('src/main.ts')) === mainBefore,
    );
    await settle();
    await untilDiagnostics('the violation back', () => archLensDiagnostics().length === expected.length);
  });
});
