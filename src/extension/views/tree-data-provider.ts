import * as vscode from 'vscode';
import type { TreeNode } from '../../core';

/**
 * Maps the core's plain `TreeNode`s to VS Code tree items. All the logic of what is shown lives
 * in the core (tested in plain Node); this only translates.
 */
export class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: readonly TreeNode[] = [];
  private folderUri: vscode.Uri | undefined;

  /** Replaces the tree; paths in targets are relative to `folderUri`. */
  set(roots: readonly TreeNode[], folderUri: vscode.Uri | undefined): void {
    this.roots = roots;
    this.folderUri = folderUri;
    this.changed.fire(undefined);
  }

  /** The nodes shown at the top level (for tests). */
  get topLevel(): readonly TreeNode[] {
    return this.roots;
  }

  getChildren(element?: TreeNode): TreeNode[] {
    return [...(element ? (element.children ?? []) : this.roots)];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state =
      node.children && node.children.length > 0
        ? node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    if (node.context !== undefined) item.contextValue = node.context;
    if (node.icon) {
      item.iconPath = new vscode.ThemeIcon(
        node.icon.id,
        node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined,
      );
    }
    const target = node.target;
    if (target && this.folderUri) {
      const uri =
        target.path === '.' ? this.folderUri : vscode.Uri.joinPath(this.folderUri, ...target.path.split('/'));
      item.resourceUri = uri;
      if (target.kind === 'file') {
        const line = Math.max(0, (target.line ?? 1) - 1);
        item.command = {
          command: 'vscode.open',
          title: 'Open',
          arguments: [uri, { selection: new vscode.Range(line, 0, line, 0), preview: true }],
        };
      } else {
        item.command = { command: 'revealInExplorer', title: 'Reveal in Explorer', arguments: [uri] };
      }
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
