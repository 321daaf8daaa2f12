import * as vscode from 'vscode';
import type { TreeNode, TreeTarget } from '../../core/views/tree-node';
import { RUN_TARGET_COMMAND, SHOW_DIAGRAM_COMMAND, showDiagramArgs, targetUri } from './tree-data-provider';

/**
 * `archlens.runTarget(target, folderUri)`: what clicking a tree item does — open a file at its
 * line, reveal a folder, show the diagram focused on a node, or run `archlens.scaffold` (and
 * say so when no scaffold command is installed, rather than fail).
 */
export function registerRunTarget(): vscode.Disposable {
  return vscode.commands.registerCommand(RUN_TARGET_COMMAND, (target: TreeTarget, folder: vscode.Uri) =>
    runTarget(target, folder),
  );
}

/** Runs a node's inline action (its `secondary` target). */
export function runSecondary(node: TreeNode, folder: vscode.Uri | undefined): Thenable<unknown> | undefined {
  return node.secondary && folder ? runTarget(node.secondary, folder) : undefined;
}

async function runTarget(target: TreeTarget, folder: vscode.Uri): Promise<unknown> {
  switch (target.kind) {
    case 'file': {
      const uri = targetUri(folder, target);
      const line = Math.max(0, (target.line ?? 1) - 1);
      return vscode.commands.executeCommand('vscode.open', uri, {
        selection: new vscode.Range(line, 0, line, 0),
        preview: true,
      });
    }
    case 'folder':
      return vscode.commands.executeCommand('revealInExplorer', targetUri(folder, target));
    case 'diagram':
      return vscode.commands.executeCommand(SHOW_DIAGRAM_COMMAND, showDiagramArgs(target, folder));
    case 'scaffold': {
      const commands = await vscode.commands.getCommands(true);
      if (!commands.includes('archlens.scaffold')) {
        void vscode.window.showInformationMessage(
          `ArchLens: scaffolding (${target.scaffold}) is not available in this version yet.`,
        );
        return undefined;
      }
      const where =
        target.folder === undefined ? folder : vscode.Uri.joinPath(folder, ...target.folder.split('/'));
      return vscode.commands.executeCommand('archlens.scaffold', { kind: target.scaffold, folder: where });
    }
  }
}
