// Runs in a host where ArchLens was installed from dist-vsix/archlens.vsix (not loaded from
// the repository): proves the package carries everything the extension needs at run time.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const ID = 'archlens.archlens';

describe('ArchLens installed from the .vsix', () => {
  let extension;

  before(() => {
    extension = vscode.extensions.getExtension(ID);
  });

  it('is installed in the extensions folder, not loaded from the repository', () => {
    assert.ok(extension, ID + ' should be installed');
    const installedUnder = path.resolve(process.env.ARCHLENS_VSIX_EXTENSIONS_DIR);
    assert.ok(
      path.resolve(extension.extensionPath).startsWith(installedUnder + path.sep),
      extension.extensionPath + ' should be under ' + installedUnder,
    );
    assert.equal(extension.packageJSON.version, process.env.ARCHLENS_EXPECTED_VERSION);
  });

  it('activates from its bundled main', async () => {
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers its commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('archlens.analyze'), 'archlens.analyze');
    assert.ok(registered.has('archlens.showDiagram'), 'archlens.showDiagram');
  });

  it('archlens.analyze runs (the native oxc-parser binding loads from the package)', async () => {
    const result = await vscode.commands.executeCommand('archlens.analyze');
    assert.ok(result && typeof result === 'object', 'analyze should resolve with { model, detection }');
    const { model, detection } = result;
    assert.equal(detection.patterns.length, 9, 'detection ran in the packaged analysis worker');
    // Import edges exist only if the parser (and its native binding) loaded from the package.
    const internal = model.edges.filter((edge) => edge.resolution === 'internal');
    assert.ok(
      internal.length > 0,
      'no internal import edges; warnings: ' + JSON.stringify(model.warnings.slice(0, 5)),
    );
  });

  it('archlens.showDiagram renders the diagram from the packaged webview bundle', async () => {
    const report = await vscode.commands.executeCommand('archlens.showDiagram');
    assert.ok(report && typeof report === 'object', 'showDiagram should resolve with the webview report');
    assert.ok(report.svgLength > 0, 'svgLength ' + report.svgLength);
    assert.ok(report.nodeCount > 0, 'nodeCount ' + report.nodeCount);
  });
});
