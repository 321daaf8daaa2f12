import * as vscode from 'vscode';
import type { ImportEdge } from '../../core/model';
import { planFileMove, type MoveToAdaptersFix, type Violation } from '../../core/rules';

/**
 * *Move file to the adapters ring*: one `WorkspaceEdit` that rewrites the moved file's relative
 * imports and those of every file importing it, then renames the file into the adapter ring.
 * Disabled when the destination exists or the open file no longer matches the analysis.
 */
export async function moveToAdaptersAction(
  folder: vscode.WorkspaceFolder,
  document: vscode.TextDocument,
  edges: readonly ImportEdge[],
  violation: Violation,
  fix: MoveToAdaptersFix,
  kind: vscode.CodeActionKind,
  preview: boolean,
): Promise<vscode.CodeAction> {
  const title = `Move file to the adapters ring \`${fix.ring}\` (as \`${fix.destination}\`, imports updated)`;
  const action = new vscode.CodeAction(title, kind);
  const uriOf = (rel: string): vscode.Uri => vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
  const destination = uriOf(fix.destination);
  if (await exists(destination)) {
    action.disabled = { reason: `${fix.destination} exists already.` };
    return action;
  }
  const plan = planFileMove(edges, violation.file, fix.destination);
  // The positions come from the analysis: an unsaved change to the file may have moved them.
  const stale = plan.edits.some(
    (e) => e.file === violation.file && !specifierAt(document, e.line, e.column, e.from),
  );
  if (document.isDirty || stale) {
    action.disabled = { reason: 'Save the file and let the analysis catch up first.' };
    return action;
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata = { needsConfirmation: preview, label: title };
  for (const e of plan.edits) {
    const start = new vscode.Position(e.line - 1, e.column);
    edit.replace(uriOf(e.file), new vscode.Range(start, start.translate(0, e.from.length)), e.to, metadata);
  }
  edit.renameFile(document.uri, destination, { overwrite: false, ignoreIfExists: false }, metadata);
  action.edit = edit;
  return action;
}

function specifierAt(
  document: vscode.TextDocument,
  line: number,
  column: number,
  specifier: string,
): boolean {
  if (line < 1 || line > document.lineCount) return false;
  return document.lineAt(line - 1).text.slice(column, column + specifier.length) === specifier;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
