// Hands the live workbench to the host driver before mocha ends. The extension host cannot drive
// Playwright, and once the tests end it stops, so nothing in the webview would answer any more:
// when the driver asks for it (ARCHLENS_DRIVER_CHANNEL, set by test/host/host-run.mjs), this
// root hook opens the diagram, prints ARCHLENS-DRIVER-READY and waits until the driver wrote its
// counts to the channel file. Each suite whose run has `webviewChecks` registers it once.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateArchLens, COMMANDS } from './archlens-api';

/** Registers the root `after` hook that waits for the driver's webview checks. */
export function handOverToWebviewDriver(): void {
  after(async function () {
    const channel = process.env['ARCHLENS_DRIVER_CHANNEL'];
    if (!channel) return;
    this.timeout(200_000);
    await activateArchLens();
    await vscode.commands.executeCommand(COMMANDS.showDiagram, { view: 'overview' });
    console.log(`ARCHLENS-DRIVER-READY ${channel}`);
    const end = Date.now() + 190_000;
    while (!existsSync(channel) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200));
  });
}
