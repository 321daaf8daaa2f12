import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DetectionResult, WorkspaceModel } from '../../../src/core/model';
import { activateArchLens, COMMANDS, FIXTURE_FILES } from '../archlens-api';

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

  it('archlens.analyze returns the workspace model with the fixture files and its imports, and the detection', async () => {
    const result = await vscode.commands.executeCommand<
      { model: WorkspaceModel; detection: DetectionResult } | undefined
    >(COMMANDS.analyze);
    assert.ok(result && typeof result === 'object', 'analyze should resolve with the analysis');
    const { model, detection } = result;
    assert.equal(detection.version, 1);
    assert.equal(detection.patterns.length, 9, 'every pattern id has a verdict');
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
