import { SCAFFOLD_KINDS } from '../../core/scaffold';
import * as vscode from 'vscode';
import type { AnalysisSession } from '../session';
import { scaffoldInteractively } from './scaffold-command';

/**
 * Scaffolding in the editor: `archlens.scaffold` ("Scaffold…") and `archlens.scaffoldHere` (the
 * explorer's folder menu). The composition root pushes the returned disposable.
 */
export function registerScaffolding(session: AnalysisSession): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('archlens.scaffold', (args?: unknown) => {
      // Recommendation steps pass `{ kind, folder }`; the palette passes nothing.
      const { kind, folder } = (typeof args === 'object' && args !== null ? args : {}) as {
        kind?: unknown;
        folder?: unknown;
      };
      const preset = SCAFFOLD_KINDS.find((k) => k === kind);
      return scaffoldInteractively(session, folder instanceof vscode.Uri ? folder : undefined, preset);
    }),
    vscode.commands.registerCommand('archlens.scaffoldHere', (folder?: vscode.Uri) =>
      scaffoldInteractively(session, folder),
    ),
  );
}
