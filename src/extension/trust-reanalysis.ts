import * as vscode from 'vscode';
import type { AnalysisSession } from './session';

/**
 * Analyses again when the user grants workspace trust: what Restricted Mode held back (git for
 * the team size, the restricted settings) applies at once, without a manual Analyze. Only when an
 * analysis was already shown (or would run at startup), so trusting a window analyses nothing new.
 */
export function reanalyzeOnTrust(session: AnalysisSession, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const onStartup = vscode.workspace.getConfiguration('archlens').get<boolean>('analyzeOnStartup', true);
    if (session.all.length === 0 && !onStartup) return;
    session.analyze({ quiet: true }).catch((error: unknown) => {
      output.appendLine(
        `Analysis after granting trust failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  });
}
