import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceModel } from '../../src/core/model';
import { activateArchLens, COMMANDS, FIXTURE_FILES } from './archlens-api';

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

  it('archlens.analyze returns the workspace model with the fixture files and its imports', async () => {
    const model = await vscode.commands.executeCommand<WorkspaceModel | undefined>(COMMANDS.analyze);
    assert.ok(model && typeof model === 'object', 'analyze should resolve with the workspace model');
    assert.equal(model.version, 1);
    for (const file of FIXTURE_FILES) assert.ok(model.files.includes(file), `${file} should be in the model`);
    const internal = model.edges.filter((edge) => edge.resolution === 'internal');
    // `./order.js` in TypeScript source names `order.ts`: resolved as TypeScript resolves it.
    assert.ok(
      internal.some((edge) => edge.from === 'api/orders-handler.ts' && edge.to === 'domain/order.ts'),
      `api/orders-handler.ts -> domain/order.ts missing from ${JSON.stringify(internal.map((e) => [e.from, e.to]))}`,
    );
  });
});
