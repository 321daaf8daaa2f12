import * as vscode from 'vscode';
import type { AnalysisSession } from '../session';
import { scaffoldInteractively } from './scaffold-command';

/**
 * Scaffolding in the editor: `archlens.scaffold` ("Scaffold…") and `archlens.scaffoldHere` (the
 * explorer's folder menu). The composition root pushes the returned disposable.
 */
export function registerScaffolding(session: AnalysisSession): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('archlens.scaffold', () => scaffoldInteractively(session)),
    vscode.commands.registerCommand('archlens.scaffoldHere', (folder?: vscode.Uri) =>
      scaffoldInteractively(session, folder),
    ),
  );
}
