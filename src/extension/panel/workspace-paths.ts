import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The URI of `relPath` under `root`, only when it stays inside `root`, inside a workspace
 * folder, and exists. Paths come from diagrams the webview names by id, but are checked anyway.
 */
export async function uriInsideWorkspace(
  root: string,
  relPath: string,
): Promise<{ uri: vscode.Uri; kind: 'file' | 'folder' } | undefined> {
  if (relPath.includes('\0')) return undefined;
  const absolute = path.resolve(root, relPath === '.' ? '' : relPath);
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const uri = vscode.Uri.file(absolute);
  if (!vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return { uri, kind: stat.type & vscode.FileType.Directory ? 'folder' : 'file' };
  } catch {
    return undefined;
  }
}

/**
 * The editor group files open in from the diagram: the group right of the panel's when there is
 * one, else the one left of it, else a new group beside it. Fixed, so that opening one file after
 * another (or the same one twice) reuses one group instead of adding a group each time.
 */
export function columnBesidePanel(panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  if (panelColumn === undefined) return vscode.ViewColumn.Beside;
  const columns = new Set(vscode.window.tabGroups.all.map((group) => group.viewColumn));
  if (columns.has(panelColumn + 1)) return panelColumn + 1;
  if (panelColumn > 1 && columns.has(panelColumn - 1)) return panelColumn - 1;
  return vscode.ViewColumn.Beside;
}

/**
 * Reveals a folder in the Explorer or opens a file (at a 1-based line, when given) in `column`
 * (beside the active editor when not given).
 */
export async function revealOrOpen(
  root: string,
  relPath: string,
  line?: number,
  column: vscode.ViewColumn = vscode.ViewColumn.Beside,
): Promise<boolean> {
  const target = await uriInsideWorkspace(root, relPath);
  if (!target) {
    void vscode.window.showWarningMessage(`ArchLens: ${relPath} is not a file or folder of this workspace.`);
    return false;
  }
  if (target.kind === 'folder') {
    await vscode.commands.executeCommand('revealInExplorer', target.uri);
    return true;
  }
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  await vscode.window.showTextDocument(target.uri, {
    preview: true,
    viewColumn: column,
    selection: new vscode.Range(position, position),
  });
  return true;
}
