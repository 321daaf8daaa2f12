// The boundary rule `hexagonal/core-imports-adapter` in the real host, on the scaffold suite's copy
// of test/fixtures/workspaces/host-scaffold: its diagnostic sits on the core's import of the SMTP
// adapter, and the scaffold's *Extract port* is offered there as its quick-fix, with the same edit
// (code-actions.test.ts applies that edit through the refactor preview and undoes it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFolder } from '../archlens-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Extract port as the quick-fix of a core importing an adapter', function () {
  this.timeout(120_000);

  it('is offered on the hexagonal/core-imports-adapter diagnostic of the import', async () => {
    await activateArchLens();
    const file = vscode.Uri.joinPath(fixtureFolder().uri, 'src', 'core', 'application', 'place-order.ts');
    let diagnostic: vscode.Diagnostic | undefined;
    const end = Date.now() + 90_000;
    while (!diagnostic && Date.now() < end) {
      diagnostic = vscode.languages
        .getDiagnostics(file)
        .find(
          (d) =>
            d.source === 'ArchLens' &&
            (d.code as { value: string }).value === 'hexagonal/core-imports-adapter',
        );
      if (!diagnostic) await sleep(250);
    }
    assert.ok(diagnostic, 'the core-imports-adapter diagnostic');
    const doc = await vscode.workspace.openTextDocument(file);
    assert.equal(doc.getText(diagnostic.range), "'../../adapters/smtp-mailer'");
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        file,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const extract = actions.filter(
      (a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === 'quickfix.archlens.extractPort',
    );
    assert.deepEqual(
      extract.map((a) => a.title),
      ['Extract port from PlaceOrder'],
    );
    const edited = (extract[0]?.edit?.entries() ?? []).map(([uri]) => uri.path.split('/').pop()).sort();
    assert.deepEqual(edited, ['place-order.ts', 'smtp-mailer.ts']);
  });
});
