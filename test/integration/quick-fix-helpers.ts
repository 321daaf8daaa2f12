// Quick-fixes as the editor applies them, for the host suites that apply ArchLens's fixes: ask
// the provider until it offers them, apply one through VS Code's refactor preview (the driver
// ticks and applies it), undo in one step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureFileExists, fixtureUri } from './archlens-api';
import { applyInRefactorPreview } from './driver-screenshot';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const uri = fixtureUri;
export const exists = fixtureFileExists;

/** The file's text as the user sees it: its open document's, else the disk's; undefined when missing. */
export async function text(rel: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(rel).toString());
  if (open && !open.isClosed && (await exists(rel))) return open.getText();
  if (!(await exists(rel))) return undefined;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
}

export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  ms = 30_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** ArchLens's quick-fixes on the diagnostic of `rule` in `rel`, as the editor asks for them. */
export async function fixesAt(
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
export async function applyThroughPreview(
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

export async function undoIn(rel: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc);
  await Promise.race([vscode.commands.executeCommand('undo'), sleep(10_000)]);
}

export async function settle(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await sleep(500);
}
