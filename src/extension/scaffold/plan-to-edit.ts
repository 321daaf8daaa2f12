import * as vscode from 'vscode';
import { planTargetsProblem } from '../../node/scaffold-targets';
import { positionsIn, textChanges, type ScaffoldPlan, type TextPosition } from '../../core/scaffold';

/**
 * One `WorkspaceEdit` for a plan: new files created (never over an existing one), edited files
 * changed only where the scaffold changes them (an added import is one insertion, not the whole
 * file replaced), so the preview shows just those lines and text elsewhere is left alone; one undo
 * reverts it all. Unless `archlens.scaffold.preview` is off, every change needs confirmation, so
 * VS Code shows its refactor preview first (where such changes start unchecked: the user ticks
 * the scaffold, or single files of it, and applies).
 *
 * Throws when a target is outside the workspace or reached through a link (see
 * `planTargetsProblem`), or when a file to edit is open with other text than the plan was made
 * on: its changes would land in the wrong places.
 */
export function planToEdit(
  root: vscode.Uri,
  plan: ScaffoldPlan,
  label: string,
  preview = vscode.workspace.getConfiguration('archlens', root).get<boolean>('scaffold.preview', true),
): vscode.WorkspaceEdit {
  // The same check as the CLI's writer, on the disk as it is now: inside the real root, no link.
  if (root.scheme !== 'file')
    throw new Error('ArchLens scaffolds only in folders on disk; nothing was written.');
  const refused = planTargetsProblem(root.fsPath, plan);
  if (refused !== undefined) throw new Error(refused);
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
      continue;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open !== undefined && open.getText() !== file.original)
      throw new Error(`${file.path} changed since the scaffold was planned; try again.`);
    const positionOf = positionsIn(file.original);
    const at = (offset: number) => toPosition(positionOf(offset));
    for (const change of textChanges(file.original, file.content)) {
      if (change.start === change.end) edit.insert(uri, at(change.start), change.text, metadata);
      else edit.replace(uri, new vscode.Range(at(change.start), at(change.end)), change.text, metadata);
    }
  }
  return edit;
}

function toPosition(p: TextPosition): vscode.Position {
  return new vscode.Position(p.line, p.character);
}
