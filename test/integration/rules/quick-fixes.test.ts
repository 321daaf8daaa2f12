// The quick-fixes of boundary-rule violations in the real host (after diagnostics.test.ts, on the
// same temporary copy of test/fixtures/rules/modular-monolith): each one offered on its
// diagnostic, applied through VS Code's refactor preview (the driver ticks and applies it), and
// undone in one step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFileExists, fixtureUri } from '../archlens-api';
import { applyInRefactorPreview } from '../driver-screenshot';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const uri = fixtureUri;
const exists = fixtureFileExists;

/** The file's text as the user sees it: its open document's, else the disk's; undefined when missing. */
async function text(rel: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(rel).toString());
  if (open && !open.isClosed && (await exists(rel))) return open.getText();
  if (!(await exists(rel))) return undefined;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** ArchLens's quick-fixes on the diagnostic of `rule` in `rel`, as the editor asks for them. */
async function fixesAt(
  rel: string,
  rule: string,
): Promise<{ actions: vscode.CodeAction[]; diagnostic: vscode.Diagnostic }> {
  let diagnostic: vscode.Diagnostic | undefined;
  await until(`the ${rule} diagnostic in ${rel}`, () => {
    diagnostic = vscode.languages
      .getDiagnostics(uri(rel))
      .find((d) => d.source === 'ArchLens' && (d.code as { value: string }).value === rule);
    return diagnostic !== undefined;
  });
  assert.ok(diagnostic);
  const range = diagnostic.range;
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc);
  // The fixes come from the analysis the diagnostic came from: ask until the provider has them.
  let actions: vscode.CodeAction[] = [];
  await until(`ArchLens fixes on the ${rule} diagnostic`, async () => {
    // A request made while the analysis refreshes (after the previous test's edit) is canceled: ask again.
    const all =
      (await Promise.resolve(
        vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          range,
          vscode.CodeActionKind.QuickFix.value,
        ),
      ).catch(() => undefined)) ?? [];
    actions = all.filter(
      // The API command does not carry an action's diagnostics back: ArchLens's fixes are known by kind.
      (a): a is vscode.CodeAction =>
        'kind' in a && (a.kind?.value ?? '').startsWith('quickfix.archlens.') && a.edit !== undefined,
    );
    return actions.length > 0;
  });
  return { actions, diagnostic };
}

/**
 * Applies the fix the way the lightbulb does (the editor's own code-action path, cursor on the
 * diagnostic): VS Code shows the refactor preview, the driver ticks every file row and applies.
 */
async function applyThroughPreview(
  action: vscode.CodeAction,
  name: string,
  rel: string,
  at: vscode.Range,
): Promise<readonly string[]> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri(rel)));
  editor.selection = new vscode.Selection(at.start, at.start);
  const pending = vscode.commands.executeCommand('editor.action.codeAction', {
    kind: action.kind?.value,
    apply: 'first',
  });
  await sleep(1_500);
  let answered = false;
  try {
    const answer = await applyInRefactorPreview(name);
    answered = true;
    assert.ok(answer.ok, `the driver applied the preview: ${answer.error ?? ''}`);
    await Promise.race([pending, sleep(10_000)]);
    return (answer.shown ?? []).filter((row) => row.level === 1).map((row) => row.label);
  } finally {
    if (!answered)
      await vscode.commands.executeCommand('refactorPreview.discard').then(undefined, () => undefined);
  }
}

async function undoIn(rel: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc);
  await Promise.race([vscode.commands.executeCommand('undo'), sleep(10_000)]);
}

async function settle(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await sleep(500);
}

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
