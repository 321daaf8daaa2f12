import * as vscode from 'vscode';
import type { AnalysisSession } from '../session';

/** `archlens.analyze`: analyses the workspace and reports a summary; returns the model for tests and other extensions. */
export function registerAnalyzeCommand(session: AnalysisSession, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('archlens.analyze', async () => {
    const analysis = await session.analyze();
    if (!analysis) return undefined;
    const { model, folder } = analysis;
    const internal = model.edges.filter((e) => e.resolution === 'internal').length;
    output.appendLine(
      `${folder.name}: ${model.files.length} files, ${model.edges.length} imports (${internal} internal), ` +
        `${model.manifests.length} manifests, ${model.warnings.length} warnings`,
    );
    for (const warning of model.warnings.slice(0, 50)) output.appendLine(`  warning ${warning.file}: ${warning.message}`);
    return model;
  });
}
