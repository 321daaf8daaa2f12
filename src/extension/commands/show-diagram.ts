import * as vscode from 'vscode';
import { buildFolderOverview, folderOverviewToMermaid } from '../../core';
import type { DiagramPanel } from '../panel/diagram-panel';
import type { AnalysisSession } from '../session';

/** `archlens.showDiagram`: draws the workspace in the diagram panel; resolves with what the webview rendered. */
export function registerShowDiagramCommand(session: AnalysisSession, panel: DiagramPanel): vscode.Disposable {
  return vscode.commands.registerCommand('archlens.showDiagram', async () => {
    const analysis = session.current ?? (await session.analyze());
    if (!analysis) return undefined;
    const mermaid = folderOverviewToMermaid(buildFolderOverview(analysis.model));
    try {
      return await panel.show(`Architecture: ${analysis.folder.name}`, mermaid);
    } catch (error) {
      void vscode.window.showErrorMessage(`ArchLens: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}
