import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { asViewReport } from '../diagram-report';

// Each view of the diagram panel on the host-smoke fixture: drawn without a Mermaid error, or
// declined with a reason. `archlens.showDiagram` takes `{ view }` and resolves with the
// webview's counts (and `reason` when the view does not apply).
describe('ArchLens diagram views', () => {
  before(async () => {
    await activateArchLens();
  });

  for (const view of ['overview', 'deps', 'layers'] as const) {
    it(`${view} draws nodes and edges of the fixture`, async () => {
      const report = asViewReport(await vscode.commands.executeCommand(COMMANDS.showDiagram, { view }));
      assert.ok(report, `${view} should resolve with the webview's report`);
      assert.equal(report.reason, undefined, report.reason);
      assert.equal(report.view, view);
      assert.ok(
        report.svgLength > 0 && report.nodeCount >= 2 && report.edgeCount >= 1,
        JSON.stringify(report),
      );
    });
  }

  for (const view of ['events', 'cqrs'] as const) {
    it(`${view} says why it does not apply to a fixture without messages or commands`, async () => {
      const report = asViewReport(await vscode.commands.executeCommand(COMMANDS.showDiagram, { view }));
      assert.ok(report, `${view} should resolve`);
      assert.equal(report.nodeCount, 0);
      assert.match(report.reason ?? '', /No /);
    });
  }

  it('goes back to the overview by default', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, { view: 'overview' }),
    );
    assert.ok(report && report.nodeCount > 0);
  });
});
