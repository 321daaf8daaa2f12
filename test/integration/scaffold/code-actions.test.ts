// The scaffolding code actions and `archlens.scaffold` in the real host, on a temporary copy of
// test/fixtures/workspaces/host-scaffold: offered where they belong (and nowhere else), applied
// through the editor's own code-action path and VS Code's refactor preview (ticked, then Apply),
// undone in one step, never overwriting a file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFileExists, fixtureFolder, fixtureUri } from '../archlens-api';
import { planToEdit } from '../../../src/extension/scaffold/plan-to-edit';
import { applyInRefactorPreview, sidebarScreenshot, type RefactorPreviewRow } from '../driver-screenshot';

const OURS = /^(Create adapter for|Extract port from|Create handler for) /;

const uri = fixtureUri;
const exists = fixtureFileExists;

async function read(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polling), or fails with `what`. */
async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  ms = 20_000,
  explain?: () => Promise<string>,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  assert.fail(`timed out waiting for ${what}${explain ? `\n${await explain()}` : ''}`);
}

function openDocument(rel: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(rel).toString());
}

/** The file's text as the user sees it: its open document's, else the disk's. */
async function currentText(rel: string): Promise<string> {
  return openDocument(rel)?.getText() ?? read(rel);
}

/**
 * Waits until each file's open document is saved and equals the disk. An applied refactoring is
 * saved by VS Code itself (files.refactoring.autoSave); undoing while that save is under way, or
 * saving while an undo is, can leave a document marked clean with other text on disk.
 */
async function settled(...rels: string[]): Promise<void> {
  await until(
    `${rels.join(', ')} saved`,
    async () => {
      await vscode.workspace.saveAll(false);
      for (const rel of rels) {
        const doc = openDocument(rel);
        if (doc && (doc.isDirty || doc.getText() !== (await read(rel)))) return false;
      }
      return true;
    },
    20_000,
    () => describeFiles(...rels),
  );
}

/** Waits until the documents (then, saved, the files) hold `expected` again, after an undo. */
async function restored(expected: Record<string, string>): Promise<void> {
  const rels = Object.keys(expected);
  await until(
    `${rels.join(', ')} restored in their editors`,
    async () => {
      for (const rel of rels) if ((await currentText(rel)) !== expected[rel]) return false;
      return true;
    },
    20_000,
    () => describeFiles(...rels),
  );
  await settled(...rels);
  for (const rel of rels) assert.equal(await read(rel), expected[rel], `${rel} restored on disk`);
}

/** For a failure message: each file's text on disk and in its open document, when they differ. */
async function describeFiles(...rels: string[]): Promise<string> {
  const lines: string[] = [];
  for (const rel of rels) {
    const doc = openDocument(rel);
    const disk = (await exists(rel)) ? await read(rel) : '(no file)';
    lines.push(`--- ${rel} on disk:\n${disk}`);
    if (doc && doc.getText() !== disk)
      lines.push(`--- ${rel} in its document (dirty: ${doc.isDirty}):\n${doc.getText()}`);
  }
  return lines.join('\n');
}

/** The document opened in an editor with the cursor on the first occurrence of `needle`. */
async function cursorAt(rel: string, needle: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${rel}`);
  const editor = await vscode.window.showTextDocument(doc);
  const at = doc.positionAt(offset);
  editor.selection = new vscode.Selection(at, at);
  return editor;
}

/** ArchLens's code actions at the first occurrence of `needle`, as the editor asks for them. */
async function actionsAt(rel: string, needle: string): Promise<vscode.CodeAction[]> {
  const editor = await cursorAt(rel, needle);
  const all =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      editor.selection,
    )) ?? [];
  return all.filter((a): a is vscode.CodeAction => 'kind' in a && OURS.test(a.title));
}

/**
 * Applies the ArchLens action of `kind` at the cursor the way the lightbulb does (the editor's own
 * code path). Settles once the action is started, not when its edit is applied.
 */
async function applyInEditor(rel: string, needle: string, kind: string): Promise<unknown> {
  // The previous test's files came and went: the analysis they trigger may still be running, and
  // the editor applies nothing when the provider has no action yet. Wait until it offers this one.
  await until(
    `the ${kind} action at ${needle} in ${rel}`,
    async () => (await actionsAt(rel, needle)).some((a) => a.kind?.value === kind),
    30_000,
  );
  await cursorAt(rel, needle);
  return vscode.commands.executeCommand('editor.action.codeAction', { kind, apply: 'first' });
}

/** Sets `archlens.scaffold.preview` for the workspace (`undefined`: the default, on). */
async function setPreview(value: boolean | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('archlens')
    .update('scaffold.preview', value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Starts `apply` (a scaffold shown in the refactor preview) and checks that, a moment later, none
 * of `created` is written and the preview lists `files` (base names), unticked: edits needing
 * confirmation start unchecked in VS Code's preview. Then the driver ticks each file row with the
 * mouse and presses Apply, as a user does. Returns whether `apply` had settled before Apply, and
 * what it returned (or 'hung'). (`editor.action.codeAction` settles at once: it starts the action
 * and does not wait for it.)
 */
async function applyThroughPreview(
  apply: () => Thenable<unknown>,
  created: readonly string[],
  files: readonly string[],
): Promise<{ settledBeforeApply: boolean; result: unknown; shown: readonly RefactorPreviewRow[] }> {
  let settled = false;
  const pending = Promise.resolve(apply()).then((r) => {
    settled = true;
    return r;
  });
  let answered = false;
  try {
    await sleep(2_000);
    const settledBeforeApply = settled;
    for (const rel of created) assert.equal(await exists(rel), false, `${rel} not written before Apply`);
    const answer = await applyInRefactorPreview(
      `preview-${files[0]?.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
    );
    answered = true;
    assert.ok(answer.ok, `the driver applied the preview: ${answer.error ?? ''}`);
    const fileRows = (answer.shown ?? []).filter((row) => row.level === 1);
    assert.deepEqual(
      fileRows.map((row) => files.find((name) => row.label.startsWith(name)) ?? row.label).sort(),
      [...files].sort(),
      'the preview lists one row per file',
    );
    assert.ok(
      fileRows.every((row) => row.checked === false),
      'each file waits unticked for the user',
    );
    return {
      settledBeforeApply,
      result: await Promise.race([pending, sleep(10_000).then(() => 'hung')]),
      shown: answer.shown ?? [],
    };
  } finally {
    // A failed check before the driver answered leaves the preview open: discard it so the next
    // test starts clean.
    if (!answered)
      await vscode.commands.executeCommand('refactorPreview.discard').then(undefined, () => undefined);
  }
}

/** The edit rows (level 2) the preview shows under the file row of `file` (a base name). */
function editRowsUnder(shown: readonly RefactorPreviewRow[], file: string): string[] {
  const at = shown.findIndex((row) => row.level === 1 && row.label.startsWith(file));
  const rows: string[] = [];
  for (const row of shown.slice(at + 1)) {
    if (at < 0 || row.level <= 1) break;
    if (row.level === 2) rows.push(row.label);
  }
  return rows;
}

/**
 * Checks that the preview shows only what the scaffold adds to main.ts (each `added` text in one
 * of its edit rows), not the whole file replaced: no row holds its untouched first line.
 */
function assertSmallEdits(
  shown: readonly RefactorPreviewRow[],
  main: string,
  added: readonly string[],
): void {
  const rows = editRowsUnder(shown, 'main.ts');
  const firstLine = main.slice(0, main.indexOf('\n'));
  assert.ok(rows.length > 0, `edit rows under main.ts: ${JSON.stringify(shown)}`);
  assert.ok(
    rows.every((label) => !label.includes(firstLine)),
    `no edit row holds the untouched first line of main.ts: ${JSON.stringify(rows)}`,
  );
  for (const text of added)
    assert.ok(
      rows.some((label) => label.includes(text)),
      `an edit row shows ${text}: ${JSON.stringify(rows)}`,
    );
}

/** Runs `body` with the preview on (the default), then switches it off again for the other tests. */
async function withPreview(body: () => Promise<void>): Promise<void> {
  await setPreview(undefined);
  try {
    await body();
  } finally {
    await setPreview(false);
  }
}

/** Runs `undo` with `rel` focused in an editor. */
async function undoIn(rel: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc);
  await Promise.race([vscode.commands.executeCommand('undo'), sleep(10_000)]);
}

describe('scaffolding code actions in the host', function () {
  this.timeout(120_000);

  before(async () => {
    await activateArchLens();
    const analysis = await vscode.commands.executeCommand<{ model: { files: string[] } } | undefined>(
      'archlens.analyze',
    );
    assert.ok(
      analysis?.model.files.includes('src/core/ports/order-repository.ts'),
      'the fixture was analysed',
    );
    // Edits needing confirmation wait in the refactor preview, unchecked, for the user to tick
    // them: the code-action tests and the last one drive the preview (withPreview); the others
    // apply at once, with the preview off (archlens.scaffold.preview).
    await setPreview(false);
    // VS Code drops a code-action request when providers register meanwhile (the TypeScript
    // extension does on the first .ts file): wait until the editor gets ours.
    await until(
      'the code action provider to answer',
      async () => (await actionsAt('src/core/ports/order-repository.ts', 'OrderRepository {')).length > 0,
      60_000,
    );
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers each action on its declaration, with its kind, and none elsewhere', async () => {
    const offered = async (rel: string, needle: string) =>
      (await actionsAt(rel, needle)).map((a) => [a.title, a.kind?.value]);
    assert.deepEqual(await offered('src/core/ports/order-repository.ts', 'OrderRepository {'), [
      ['Create adapter for OrderRepository', 'refactor.rewrite.archlens'],
    ]);
    assert.deepEqual(await offered('src/core/application/place-order.ts', 'class PlaceOrder'), [
      ['Extract port from PlaceOrder', 'refactor.extract.archlens'],
    ]);
    assert.deepEqual(await offered('src/commands/cancel-order.command.ts', 'CancelOrderCommand'), [
      ['Create handler for CancelOrderCommand', 'quickfix.archlens'],
    ]);
    for (const [rel, needle] of [
      ['src/core/ports/order-repository.ts', 'import type'],
      ['src/core/ports/clock.ts', 'interface Internal'],
      ['src/adapters/smtp-mailer.ts', 'class SmtpMailer'],
      ['src/commands/place-order.command.ts', 'class PlaceOrderCommand'],
      ['src/main.ts', 'commandBus.register'],
    ] as const) {
      assert.deepEqual(await offered(rel, needle), [], `nothing at ${needle} in ${rel}`);
    }
    const only = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri('src/core/ports/order-repository.ts'),
      (await cursorAt('src/core/ports/order-repository.ts', 'OrderRepository {')).selection,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      !only.some((a) => OURS.test(a.title)),
      'a refactor is not offered when only quick fixes are asked for',
    );
  });

  it('"Create adapter" goes through the refactor preview: ticked and applied there, it writes the adapter and its wiring as one edit, and one undo reverts both', async () => {
    const main = await read('src/main.ts');
    await withPreview(async () => {
      const { shown } = await applyThroughPreview(
        () =>
          applyInEditor(
            'src/core/ports/order-repository.ts',
            'OrderRepository {',
            'refactor.rewrite.archlens',
          ),
        ['src/adapters/order-repository-adapter.ts'],
        ['order-repository-adapter.ts', 'main.ts'],
      );
      assertSmallEdits(shown, main, ['OrderRepositoryAdapter']);
    });
    await until('the adapter file', () => exists('src/adapters/order-repository-adapter.ts'));
    const adapter = await read('src/adapters/order-repository-adapter.ts');
    assert.match(adapter, /export class OrderRepositoryAdapter implements OrderRepository \{/);
    await until('the wiring in main.ts', async () =>
      (await currentText('src/main.ts')).includes('new OrderRepositoryAdapter()'),
    );
    await settled('src/main.ts');
    await undoIn('src/main.ts');
    await until(
      'the adapter file gone after undo',
      async () => !(await exists('src/adapters/order-repository-adapter.ts')),
    );
    await restored({ 'src/main.ts': main });
  });

  it('"Extract port" goes through the refactor preview: ticked and applied there, it creates the port, switches the core class and makes the adapter implement it; one undo reverts the three files', async () => {
    const core = await read('src/core/application/place-order.ts');
    const adapter = await read('src/adapters/smtp-mailer.ts');
    await withPreview(async () => {
      await applyThroughPreview(
        () =>
          applyInEditor(
            'src/core/application/place-order.ts',
            'class PlaceOrder',
            'refactor.extract.archlens',
          ),
        ['src/core/ports/mailer.ts'],
        ['mailer.ts', 'place-order.ts', 'smtp-mailer.ts'],
      );
    });
    await until('the port file', () => exists('src/core/ports/mailer.ts'));
    assert.match(await read('src/core/ports/mailer.ts'), /send\(to: string, body: string\): Promise<void>;/);
    const doc = (rel: string) => openDocument(rel)?.getText();
    await until(
      'the core switched to the port',
      () => doc('src/core/application/place-order.ts')?.includes('mailer: Mailer') === true,
    );
    assert.match(
      doc('src/core/application/place-order.ts') ?? '',
      /import type \{ Mailer \} from '\.\.\/ports\/mailer';/,
    );
    await until(
      'the adapter implementing the port',
      () => doc('src/adapters/smtp-mailer.ts')?.includes('class SmtpMailer implements Mailer') === true,
    );
    await settled('src/core/application/place-order.ts', 'src/adapters/smtp-mailer.ts');
    await undoIn('src/core/application/place-order.ts');
    await until('the port gone after undo', async () => !(await exists('src/core/ports/mailer.ts')));
    await restored({ 'src/core/application/place-order.ts': core, 'src/adapters/smtp-mailer.ts': adapter });
  });

  it('"Create handler" goes through the refactor preview: ticked and applied there, it writes the handler beside the command and registers it on the bus; one undo removes both', async () => {
    const main = await read('src/main.ts');
    await withPreview(async () => {
      const { shown } = await applyThroughPreview(
        () =>
          applyInEditor('src/commands/cancel-order.command.ts', 'CancelOrderCommand', 'quickfix.archlens'),
        ['src/commands/cancel-order.handler.ts'],
        ['cancel-order.handler.ts', 'main.ts'],
      );
      assertSmallEdits(shown, main, [
        "import { CancelOrderHandler } from './commands/cancel-order.handler';",
        'commandBus.register(CancelOrderCommand, new CancelOrderHandler());',
      ]);
      assert.equal(
        editRowsUnder(shown, 'main.ts').length,
        2,
        'two insertions in main.ts: the imports and the registration',
      );
    });
    await until('the handler file', () => exists('src/commands/cancel-order.handler.ts'));
    assert.match(await read('src/commands/cancel-order.handler.ts'), /export class CancelOrderHandler \{/);
    await until('the handler registered in main.ts', async () =>
      /commandBus\.register\(CancelOrderCommand, new CancelOrderHandler\(\)\);/.test(
        await currentText('src/main.ts'),
      ),
    );
    await settled('src/main.ts');
    await undoIn('src/main.ts');
    await until(
      'the handler gone after undo',
      async () => !(await exists('src/commands/cancel-order.handler.ts')),
    );
    await restored({ 'src/main.ts': main });
  });

  it('an edit of an existing file applies as insertions at the right places of a CRLF file, and a plan made on other text than the open document is refused', async () => {
    const rel = 'src/crlf-sample.ts';
    const original = 'const a = 1;\r\nconst b = 2;\r\n\r\nexport { a, b };';
    const content = 'const a = 1;\r\nconst c = 3;\r\nconst b = 2;\r\n\r\nexport { a, b };\r\nexport { c };';
    await vscode.workspace.fs.writeFile(uri(rel), new TextEncoder().encode(original));
    try {
      const doc = await vscode.workspace.openTextDocument(uri(rel));
      assert.equal(doc.getText(), original);
      assert.throws(
        () =>
          planToEdit(
            fixtureFolder().uri,
            { files: [{ action: 'edit', path: rel, original: 'const a = 1;', content }] },
            'stale',
            false,
          ),
        /src\/crlf-sample\.ts changed since the scaffold was planned; try again\./,
      );
      const edit = planToEdit(
        fixtureFolder().uri,
        { files: [{ action: 'edit', path: rel, original, content }] },
        'CRLF',
        false,
      );
      const edits = edit.get(uri(rel));
      assert.deepEqual(
        edits.map((e) => [e.range.start.line, e.range.start.character, e.range.isEmpty]),
        [
          [1, 0, true],
          [3, 16, true],
        ],
        'two insertions, at line starts counted with CRLF',
      );
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      assert.equal(doc.getText(), content);
      await doc.save();
    } finally {
      await vscode.workspace.fs.delete(uri(rel));
    }
  });

  it('never overwrites: with the adapter file taken, the action cannot be applied and the command fails, the file kept', async () => {
    const taken = uri('src/adapters/clock-adapter.ts');
    await vscode.workspace.fs.writeFile(taken, new TextEncoder().encode('// mine\n'));
    const main = await read('src/main.ts');
    try {
      // The action is offered disabled (its reason names the file; see the unit tests), and VS Code
      // leaves disabled actions out of executeCodeActionProvider's answer.
      assert.deepEqual(await actionsAt('src/core/ports/clock.ts', 'export interface Clock'), []);
      // Asked for anyway, as a user pressing the keybinding would: nothing is applied.
      await cursorAt('src/core/ports/clock.ts', 'export interface Clock');
      await vscode.commands.executeCommand('editor.action.codeAction', {
        kind: 'refactor.rewrite.archlens',
        apply: 'first',
      });
      const result = await vscode.commands.executeCommand('archlens.scaffold', {
        kind: 'adapter',
        name: 'ClockAdapter',
        for: 'Clock',
      });
      assert.equal(result, false, 'the plan fails');
      await sleep(500);
      assert.equal(await read('src/adapters/clock-adapter.ts'), '// mine\n');
      assert.equal(await read('src/main.ts'), main);
    } finally {
      await vscode.workspace.fs.delete(taken);
    }
  });

  it('archlens.scaffold with { kind, folder, name } plans and applies; with { kind, folder } it asks for the name', async () => {
    const result = await vscode.commands.executeCommand('archlens.scaffold', {
      kind: 'port',
      folder: 'src/core/ports',
      name: 'Notifier',
    });
    assert.equal(result, true);
    assert.match(await read('src/core/ports/notifier.ts'), /export interface Notifier \{/);
    const asking = vscode.commands.executeCommand('archlens.scaffold', {
      kind: 'port',
      folder: uri('src/core/ports'),
    });
    await sleep(1_000);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(
      await Promise.race([asking, sleep(10_000).then(() => 'hung')]),
      false,
      'closing the name prompt cancels',
    );
    await vscode.workspace.fs.delete(uri('src/core/ports/notifier.ts'));
  });

  it('with the preview on (the default), a scaffold waits in the refactor preview, unchecked, until the user checks it and applies', async () => {
    await withPreview(async () => {
      const { settledBeforeApply, result } = await applyThroughPreview(
        () =>
          vscode.commands.executeCommand('archlens.scaffold', {
            kind: 'port',
            folder: 'src/core/ports',
            name: 'Pager',
          }),
        ['src/core/ports/pager.ts'],
        ['pager.ts'],
      );
      assert.equal(settledBeforeApply, false, 'the command waits in the preview');
      assert.equal(result, true);
    });
    assert.match(await read('src/core/ports/pager.ts'), /export interface Pager \{/);
  });

  it('Apply in the refactor preview with nothing ticked writes nothing and says so, offering to apply without the preview', async () => {
    await withPreview(async () => {
      const pending = vscode.commands.executeCommand('archlens.scaffold', {
        kind: 'port',
        folder: 'src/core/ports',
        name: 'Beeper',
      });
      await sleep(2_000);
      const answer = await applyInRefactorPreview('preview-nothing-ticked', 60_000, 'none');
      assert.ok(answer.ok, `the driver pressed Apply: ${answer.error ?? ''}`);
      assert.equal(await Promise.race([pending, sleep(10_000).then(() => 'hung')]), false);
      assert.equal(await exists('src/core/ports/beeper.ts'), false, 'nothing was written');
      await vscode.commands.executeCommand('workbench.view.extension.archlens');
      const seen = await sidebarScreenshot('scaffold-nothing-ticked', 'Architecture');
      assert.ok(
        (seen.notifications ?? []).some((n) =>
          /Nothing was written: no change was ticked in the refactor preview/.test(n),
        ),
        JSON.stringify(seen.notifications),
      );
    });
  });
});
