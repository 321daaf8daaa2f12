import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { grantTrustInEditor } from '../driver-screenshot';

// The host opened a copy of a fixture with workspace trust on and the folder untrusted; the user
// then grants trust in the Workspace Trust editor (the driver clicks Trust).

interface Node {
  readonly label: string;
  readonly children?: readonly Node[];
}
interface SidebarApi {
  recommendationsTree(): readonly Node[];
}

const labels = (nodes: readonly Node[]): string[] =>
  nodes.flatMap((n) => [n.label, ...labels(n.children ?? [])]);
const UNTRUSTED = /git is not run in an untrusted workspace/;

describe('granting workspace trust', () => {
  let api: SidebarApi;
  before(async () => {
    api = (await activateArchLens()).exports as SidebarApi;
    await vscode.commands.executeCommand(COMMANDS.analyze);
  });

  it('before: the folder is untrusted and the recommendations say git was not run', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(
      labels(api.recommendationsTree()).some((l) => UNTRUSTED.test(l)),
      labels(api.recommendationsTree()).join('\n'),
    );
  });

  it('after Trust in the Workspace Trust editor, the analysis runs again by itself: no "git is not run" left', async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('workbench.trust.manage');
    const answer = await grantTrustInEditor('grant-trust');
    assert.ok(answer.ok, answer.error);
    const end = Date.now() + 60_000;
    while (!vscode.workspace.isTrusted && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    assert.equal(vscode.workspace.isTrusted, true, 'the workspace is trusted');
    // No Analyze here: the extension must re-run the analysis on its own.
    while (labels(api.recommendationsTree()).some((l) => UNTRUSTED.test(l)) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 250));
    assert.deepEqual(
      labels(api.recommendationsTree()).filter((l) => UNTRUSTED.test(l)),
      [],
    );
  });
});
