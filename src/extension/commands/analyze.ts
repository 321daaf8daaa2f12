import * as vscode from 'vscode';
import { detectionToText } from '../../core/report/detection-text';
import type { AnalysisSession } from '../session';

/**
 * `archlens.analyze`: analyses the workspace and writes the report to the ArchLens output
 * channel; returns `{ model, detection }` (for tests and other extensions).
 */
export function registerAnalyzeCommand(
  session: AnalysisSession,
  output: vscode.OutputChannel,
): vscode.Disposable {
  return vscode.commands.registerCommand('archlens.analyze', async () => {
    const analysis = await session.analyze();
    if (!analysis) return undefined;
    const { model, detection, team } = analysis;
    output.clear();
    output.append(detectionToText(detection));
    const internal = model.edges.filter((e) => e.resolution === 'internal').length;
    output.appendLine('');
    output.appendLine(
      `${model.files.length} source files, ${model.edges.length} imports (${internal} internal), ` +
        `${model.manifests.length} manifests; team: ${team.known ? `${team.authors} commit authors in the last 12 months` : `unknown (${team.reason})`}`,
    );
    if (model.warnings.length > 0) output.appendLine(`${model.warnings.length} warnings:`);
    for (const warning of model.warnings.slice(0, 200)) {
      output.appendLine(
        `  ${warning.file}${warning.line === undefined ? '' : `:${warning.line}`}: ${warning.message}`,
      );
    }
    output.show(true);
    return { model, detection };
  });
}
