import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from '../archlens-api';
import { handOverToWebviewDriver } from '../webview-driver-hook';

// A monorepo shaped like many real ones: apps/* (web, admin, docs front ends, an API, a worker),
// packages/* (two dozen libraries importing each other), examples/*, .github/. The driver then
// measures each view as drawn: labels at fit at least the editor's font size.
handOverToWebviewDriver();

interface Report {
  readonly nodeCount: number;
  readonly labelPx?: number;
  readonly fontPx?: number;
  readonly state: { readonly maxNodes?: number; readonly maxEdges?: number };
}

describe('diagram views readable at fit (a wide monorepo, or the real repository of dev-diagram-real)', () => {
  before(async () => {
    await activateArchLens();
    await vscode.commands.executeCommand(COMMANDS.analyze);
  });

  for (const view of ['overview', 'deps'] as const) {
    it(`${view} opens with labels at least the editor's font size at the panel's size, or kept at the 8-node floor`, async function () {
      this.timeout(120_000);
      const report = await vscode.commands.executeCommand<Report | undefined>(COMMANDS.showDiagram, { view });
      assert.ok(report, 'the webview drew it');
      assert.ok(report.labelPx !== undefined && report.fontPx !== undefined, JSON.stringify(report));
      // Where collapsing further would fold the view into fewer than 8 nodes of their own (only
      // packages/* and the like), the panel keeps them and drops lighter edges instead.
      const atFloor = report.state.maxEdges !== undefined && report.nodeCount >= 8;
      assert.ok(
        report.labelPx >= report.fontPx || atFloor,
        `labels ${report.labelPx.toFixed(1)} px < ${report.fontPx} px (${report.nodeCount} nodes, ${JSON.stringify(report.state)})`,
      );
      assert.ok(report.nodeCount > 1);
    });
  }
});
