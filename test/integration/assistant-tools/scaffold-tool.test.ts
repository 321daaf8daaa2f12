// The one language-model tool that writes, in the real host. In chat, VS Code first shows the
// tool's confirmation (the plan, from prepareInvocation; its text is unit-tested). This host
// cannot show it: while extension tests run, the workbench's DialogService answers every
// confirmation with yes itself ("refused to show confirmation dialog in tests"). What is tested
// here is the rest of the path: the scaffold goes through the Scaffold command's refactor
// preview, driven as a user would by the host driver, and nothing is written unless applied there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, fixtureFileExists } from '../archlens-api';
import { applyInRefactorPreview } from '../driver-screenshot';

async function invokeScaffold(input: object): Promise<string> {
  const result = await vscode.lm.invokeTool('archlens_scaffold', { input, toolInvocationToken: undefined });
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

describe('language-model tool archlens_scaffold (through the refactor preview)', function () {
  this.timeout(180_000);

  before(async () => {
    await activateArchLens();
    await vscode.commands.executeCommand('archlens.analyze');
  });

  it('writes nothing when the user applies none of the previewed changes', async () => {
    const pending = invokeScaffold({ kind: 'port', name: 'SmsSender' });
    const preview = await applyInRefactorPreview('scaffold-tool-untouched', 60_000, 'none');
    assert.ok(preview.ok, preview.error);
    assert.ok(
      preview.shown?.some((row) => row.label.includes('sms-sender.ts')),
      JSON.stringify(preview.shown),
    );
    assert.match(await pending, /^Nothing was written/);
    assert.equal(await fixtureFileExists('src/domain/ports/sms-sender.ts'), false);
  });

  it('writes the planned files when the user applies them, and says which', async () => {
    const pending = invokeScaffold({ kind: 'port', name: 'SmsSender' });
    const preview = await applyInRefactorPreview('scaffold-tool-applied');
    assert.ok(preview.ok, preview.error);
    const text = await pending;
    assert.match(text, /^Scaffolded the port SmsSender:\n- created src\/domain\/ports\/sms-sender\.ts\n/);
    assert.equal(await fixtureFileExists('src/domain/ports/sms-sender.ts'), true);
  });

  it('refuses a bad input before anything is planned', async () => {
    await assert.rejects(invokeScaffold({ kind: 'widget', name: 'X' }), /Bad input for archlens_scaffold/);
    await assert.rejects(
      invokeScaffold({ kind: 'port', name: 'X', folder: '../../elsewhere' }),
      /outside the workspace/,
    );
  });
});
