import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from './archlens-api';

describe('ArchLens commands', () => {
  before(async () => {
    await activateArchLens();
  });

  it('registers archlens.analyze and archlens.showDiagram', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of Object.values(COMMANDS)) {
      assert.ok(registered.has(command), `${command} should be registered`);
    }
  });

  it('archlens.analyze returns an analysis result object for the workspace', async () => {
    const result: unknown = await vscode.commands.executeCommand(COMMANDS.analyze);
    assert.equal(typeof result, 'object', 'analyze should resolve with the analysis result');
    assert.notEqual(result, null);
  });
});
