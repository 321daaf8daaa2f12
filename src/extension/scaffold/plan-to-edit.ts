import * as vscode from 'vscode';
import type { ScaffoldPlan } from '../../core/scaffold';

/**
 * One `WorkspaceEdit` for a plan: new files created (never over an existing one), edited files
 * replaced whole; one undo reverts it all. Unless `archlens.scaffold.preview` is off, every change
 * needs confirmation, so VS Code shows its refactor preview first (where such changes start
 * unchecked: the user ticks the scaffold, or single files of it, and applies).
 */
export function planToEdit(
  root: vscode.Uri,
  plan: ScaffoldPlan,
  label: string,
  preview = vscode.workspace.getConfiguration('archlens', root).get<boolean>('scaffold.preview', true),
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: preview, label };
  for (const file of plan.files) {
    const uri = vscode.Uri.joinPath(root, ...file.path.split('/'));
    if (file.action === 'create') {
      edit.createFile(
        uri,
        { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(file.content) },
        metadata,
      );
    } else {
      const whole = new vscode.Range(0, 0, Number.MAX_SAFE_INTEGER, 0);
      edit.replace(uri, whole, file.content, metadata);
    }
  }
  return edit;
}
