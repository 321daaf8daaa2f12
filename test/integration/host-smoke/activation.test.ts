import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, EXTENSION_ID, FIXTURE_FILES, fixtureFolder } from '../archlens-api';

describe('ArchLens in the extension host', () => {
  it('is installed under its marketplace id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} should be known to the host`);
    assert.equal(extension.packageJSON.publisher, 'archlens');
    assert.equal(extension.packageJSON.name, 'archlens');
  });

  it('activates without throwing', async () => {
    const extension = await activateArchLens();
    assert.equal(extension.isActive, true);
  });

  it('was opened on a fixture workspace whose TypeScript files the host can see', async () => {
    const folder = fixtureFolder();
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.ts'));
    assert.equal(
      files.length,
      FIXTURE_FILES.length,
      `expected the fixture's sources, found ${files.length} file(s)`,
    );
  });
});
