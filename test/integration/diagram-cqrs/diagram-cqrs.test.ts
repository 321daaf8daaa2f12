import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { asViewReport } from '../diagram-report';

// The diagram panel on test/fixtures/workspaces/hex-cqrs-nest-lending: a hexagonal NestJS service
// with commands, queries and their handlers. Every view but events draws.
describe('ArchLens diagram: CQRS and layers (hex-cqrs-nest-lending)', () => {
  before(async () => {
    await activateArchLens();
  });

  it('cqrs draws commands and queries with their handlers', async () => {
    const report = asViewReport(await vscode.commands.executeCommand(COMMANDS.showDiagram, { view: 'cqrs' }));
    assert.ok(report, 'cqrs should resolve with the webview report');
    assert.equal(report.reason, undefined, report.reason);
    assert.equal(report.view, 'cqrs');
    assert.ok(report.nodeCount >= 8 && report.edgeCount >= 6, JSON.stringify(report));
  });

  for (const view of ['overview', 'layers', 'deps'] as const) {
    it(`${view} draws`, async () => {
      const report = asViewReport(await vscode.commands.executeCommand(COMMANDS.showDiagram, { view }));
      assert.ok(report && report.reason === undefined, JSON.stringify(report));
      assert.ok(report.nodeCount >= 5 && report.edgeCount >= 4, JSON.stringify(report));
    });
  }

  it('showDiagram { focus: a file, view: deps, direction: dependents } focuses on that file in the dependencies view, showing what depends on it', async () => {
    const report = asViewReport(
      await vscode.commands.executeCommand(COMMANDS.showDiagram, {
        focus: 'src/domain/loan.ts',
        view: 'deps',
        direction: 'dependents',
      }),
    );
    assert.ok(report);
    assert.equal(report.reason, undefined, report.reason);
    assert.equal(report.state?.view, 'deps');
    assert.equal(report.state?.focus?.direction, 'dependents');
    assert.match(report.state?.focus?.node ?? '', /src\/domain\/loan\.ts/);
  });
});
