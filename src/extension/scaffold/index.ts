import { SCAFFOLD_KINDS } from '../../core/scaffold';
import * as vscode from 'vscode';
import type { AnalysisSession } from '../session';
import { registerScaffoldCodeActions } from './scaffold-code-actions';
import { scaffoldInteractively, type ScaffoldPresets } from './scaffold-command';

/**
 * Scaffolding in the editor: `archlens.scaffold` ("Scaffold…"), `archlens.scaffoldHere` (the
 * explorer's folder menu) and the code actions on ports, core classes and commands/queries.
 * The composition root pushes the returned disposable.
 */
export function registerScaffolding(session: AnalysisSession): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('archlens.scaffold', (args?: unknown) => {
      // Recommendation steps pass `{ kind, folder }`; callers may add `name` and `for` to skip those
      // prompts; the palette passes nothing.
      const {
        kind,
        folder,
        name,
        for: forValue,
      } = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
      const preset = SCAFFOLD_KINDS.find((k) => k === kind);
      const presets: ScaffoldPresets = {
        ...(preset ? { kind: preset } : {}),
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof forValue === 'string' ? { for: forValue } : {}),
      };
      return scaffoldInteractively(session, folderUri(folder), presets);
    }),
    vscode.commands.registerCommand('archlens.scaffoldHere', (folder?: vscode.Uri) =>
      scaffoldInteractively(session, folder),
    ),
    registerScaffoldCodeActions(session),
  );
}

/** A folder argument: a `Uri`, or a path relative to the first workspace folder. */
function folderUri(folder: unknown): vscode.Uri | undefined {
  if (folder instanceof vscode.Uri) return folder;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (typeof folder === 'string' && folder !== '' && base)
    return vscode.Uri.joinPath(base, ...folder.split('/').filter((p) => p !== '' && p !== '.'));
  return undefined;
}
