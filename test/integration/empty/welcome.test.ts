import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { readDiagramPanel, sidebarScreenshot } from '../driver-screenshot';

interface SidebarApi {
  architectureTree(): readonly unknown[];
  recommendationsTree(): readonly unknown[];
}
interface ViewsWelcome {
  readonly view: string;
  readonly when?: string;
  readonly contents: string;
}

// The host of this suite is an empty window: no folder, no workspace file.
describe('ArchLens with no folder open', () => {
  let extension: vscode.Extension<unknown>;
  let api: SidebarApi;
  before(async () => {
    extension = await activateArchLens();
    api = extension.exports as SidebarApi;
  });

  it('runs in a window without a workspace folder', () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined);
    assert.equal(vscode.workspace.name, undefined);
  });

  it('contributes welcome content for the no-folder case to both views, with an Open Folder link', () => {
    const packageJson = extension.packageJSON as { contributes: { viewsWelcome: ViewsWelcome[] } };
    const empty = packageJson.contributes.viewsWelcome.filter((w) => w.when === 'workbenchState == empty');
    assert.deepEqual(empty.map((w) => w.view).sort(), ['archlens.architecture', 'archlens.recommendations']);
    for (const welcome of empty) {
      assert.match(welcome.contents, /open a folder/i, welcome.view);
      assert.ok(welcome.contents.includes('(command:workbench.action.files.openFolder)'), welcome.view);
    }
  });

  it('archlens.analyze resolves with nothing and leaves both trees empty (so the welcome content shows)', async () => {
    const result = await vscode.commands.executeCommand(COMMANDS.analyze);
    assert.equal(result, undefined);
    assert.deepEqual(api.architectureTree(), []);
    assert.deepEqual(api.recommendationsTree(), []);
  });

  it('Copy Report and Scaffold resolve with nothing, without an error or an editor', async () => {
    assert.equal(await vscode.commands.executeCommand('archlens.copyReport'), undefined);
    assert.equal(await vscode.commands.executeCommand('archlens.scaffold'), false);
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0, 'no tab was opened');
  });

  it('Show Diagram says in its panel that no folder is open, with an Open Folder button that opens the dialog', async () => {
    const report = (await vscode.commands.executeCommand(COMMANDS.showDiagram)) as
      { nodeCount: number; reason?: string } | undefined;
    assert.equal(report?.nodeCount, 0);
    assert.match(report?.reason ?? '', /no folder is open/i);
    const panel = await readDiagramPanel('diagram-no-folder', 'Open Folder');
    assert.ok(panel.ok, panel.error);
    assert.match(panel.text ?? '', /no folder is open/i);
    assert.doesNotMatch(panel.text ?? '', /Loading/);
    assert.ok(panel.buttons?.includes('Open Folder'), JSON.stringify(panel.buttons));
    assert.equal(panel.quickInput, true, 'clicking Open Folder showed the Open Folder dialog');
  });

  it('Show in Diagram resolves with no drawing, without an error', async () => {
    const report = (await vscode.commands.executeCommand('archlens.showInDiagram')) as
      { nodeCount: number } | undefined;
    assert.equal(report?.nodeCount ?? 0, 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the no-folder welcome in the ArchLens side bar and says a folder is needed', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.archlens');
    // Asked again so the notification is on screen when the driver looks.
    await vscode.commands.executeCommand(COMMANDS.analyze);
    const answer = await sidebarScreenshot('sidebar-welcome', 'Architecture');
    assert.ok(answer.ok, answer.error);
    const text = answer.text ?? '';
    assert.ok(text.includes('Open a folder to start.'), text);
    assert.ok(text.includes('Open Folder'), text);
    assert.ok(
      (answer.notifications ?? []).some((n) =>
        n.includes('ArchLens: open a folder to analyse its architecture.'),
      ),
      JSON.stringify(answer.notifications),
    );
  });
});
