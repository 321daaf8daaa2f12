import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { sidebarScreenshot } from '../driver-screenshot';

// What the workbench draws, read by the driver: once the Architecture view has a result, the
// Recommendations pane shows the recommendations, not the text it shows before an analysis.
describe('ArchLens side bar as drawn by the workbench', () => {
  before(async () => {
    await activateArchLens();
    await vscode.commands.executeCommand(COMMANDS.analyze);
  });

  it('the Recommendations pane shows its groups, not its pre-analysis text, after an analysis', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.view.extension.archlens');
    const architecture = await sidebarScreenshot('sidebar-architecture-after-analysis', 'Architecture');
    assert.ok(architecture.ok, architecture.error);
    assert.match(architecture.text ?? '', /Hexagonal/, architecture.text);
    const shown = await sidebarScreenshot(
      'sidebar-recommendations-after-analysis',
      'Recommendations',
      60_000,
      true,
    );
    assert.ok(shown.ok, shown.error);
    const text = shown.text ?? '';
    assert.doesNotMatch(text, /Recommendations appear after an analysis/, text);
    assert.match(text, /^(Fits|Hurts|Consider)\s*\d+$/m, text);
  });
});
