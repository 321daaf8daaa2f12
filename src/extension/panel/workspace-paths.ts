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

/** Reveals a folder in the Explorer or opens a file (at a 1-based line, when given). */
export async function revealOrOpen(root: string, relPath: string, line?: number): Promise<boolean> {
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
    viewColumn: vscode.ViewColumn.Beside,
    selection: new vscode.Range(position, position),
  });
  return true;
}
