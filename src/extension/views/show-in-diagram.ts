import * as vscode from 'vscode';
import type { TreeNode } from '../../core/views/tree-node';
import { SHOW_DIAGRAM_COMMAND, showDiagramArgs, type NodeTreeProvider } from './tree-data-provider';

/**
 * `archlens.showInDiagram(node)`, the context action of the sidebar's trees: calls
 * `archlens.showDiagram` with the node's focus and workspace folder (or, for a node without a
 * focus, the whole diagram of that folder).
 */
export function registerShowInDiagram(providers: readonly NodeTreeProvider[]): vscode.Disposable {
  return vscode.commands.registerCommand('archlens.showInDiagram', (node?: TreeNode) => {
    const folder = node && providers.map((p) => p.folderUriOf(node)).find((uri) => uri !== undefined);
    if (node?.focus)
      return vscode.commands.executeCommand(SHOW_DIAGRAM_COMMAND, showDiagramArgs(node.focus, folder));
    return vscode.commands.executeCommand(
      SHOW_DIAGRAM_COMMAND,
      folder ? { folder: folder.fsPath } : undefined,
    );
  });
}
