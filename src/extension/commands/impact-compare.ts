import * as vscode from 'vscode';
import { z } from 'zod';
import type { TreeNode } from '../../core/views/tree-node';
import { CompareCutId } from '../../shared/impact-protocol';
import type { DiagramPanel, DiagramReport } from '../panel/diagram-panel';
import { DisposableStore } from '../util/dispose';

/** `archlens.showImpact`'s argument from a script or a test: a target and, optionally, a hop. */
const ImpactArgs = z.object({
  target: z.string().min(1).max(4_000),
  hop: z.number().int().min(0).max(1_000).optional().catch(undefined),
});

/**
 * `archlens.showImpact [uri | tree node | { target, hop? }]`: the diagram in Impact mode on a
 * file or folder of the explorer, a unit of the Architecture view, or a named target (a node
 * id, a relative path, a unit's name, a backing service, `<file>#<function>`); without an
 * argument, the active editor's file. `archlens.compare [{ cut }]`: the Compare view. Both
 * resolve with the panel's report once the webview drew.
 */
export function registerImpactAndCompare(panel: DiagramPanel): vscode.Disposable {
  const store = new DisposableStore();
  store.add(
    vscode.commands.registerCommand(
      'archlens.showImpact',
      async (arg?: unknown): Promise<DiagramReport | undefined> => {
        const request = impactRequest(arg);
        if (!request) {
          void vscode.window.showInformationMessage(
            'ArchLens: pick a file or folder in the explorer (or a unit in the Architecture view) to see what breaks if it fails.',
          );
          return undefined;
        }
        // In a multi-root workspace the panel first draws the folder of the explorer's file.
        if (request.folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1)
          await vscode.commands.executeCommand('archlens.showDiagram', { folder: request.folder });
        return run(() => panel.showImpact(request.target, request.hop));
      },
    ),
  );
  store.add(
    vscode.commands.registerCommand(
      'archlens.compare',
      async (arg?: unknown): Promise<DiagramReport | undefined> => {
        const cut = z.object({ cut: CompareCutId }).safeParse(arg ?? {});
        return run(() => panel.showCompare(cut.success ? cut.data.cut : undefined));
      },
    ),
  );
  return store;
}

function impactRequest(arg: unknown): { target: string; hop?: number; folder?: string } | undefined {
  if (arg instanceof vscode.Uri) {
    const folder = vscode.workspace.getWorkspaceFolder(arg)?.uri.fsPath;
    return { target: relativePath(arg), ...(folder === undefined ? {} : { folder }) };
  }
  if (typeof arg === 'string' && arg.trim() !== '') return { target: arg.trim() };
  const named = ImpactArgs.safeParse(arg);
  if (named.success)
    return { target: named.data.target, ...(named.data.hop === undefined ? {} : { hop: named.data.hop }) };
  const node = arg as Partial<TreeNode> | undefined;
  if (node && typeof node.focus?.focus === 'string') return { target: node.focus.focus };
  const editor = vscode.window.activeTextEditor?.document.uri;
  return editor && editor.scheme === 'file' ? { target: relativePath(editor) } : undefined;
}

/** The path relative to its workspace folder, POSIX (`.` for the folder itself). */
function relativePath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const relative = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
    return relative === '' ? '.' : relative;
  }
  const relative = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  return relative === '' || relative === uri.fsPath ? '.' : relative;
}

async function run(show: () => Promise<DiagramReport | undefined>): Promise<DiagramReport | undefined> {
  try {
    return await show();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `ArchLens: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
