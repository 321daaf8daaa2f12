import * as vscode from 'vscode';
import { registerAnalyzeCommand } from './commands/analyze';
import { registerShowDiagramCommand } from './commands/show-diagram';
import { DiagramPanel } from './panel/diagram-panel';
import { AnalysisSession } from './session';

/** The composition root: builds the session and the features, and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('ArchLens');
  const session = new AnalysisSession(context.extensionUri);
  const panel = new DiagramPanel(context.extensionUri);
  context.subscriptions.push(
    output,
    session,
    panel,
    registerAnalyzeCommand(session, output),
    registerShowDiagramCommand(session, panel),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
