import * as vscode from 'vscode';
import { groupByFolder, type TreeNode, type TreeTarget } from '../../core/views/tree-node';

/** One workspace folder's part of a tree. */
export interface TreeSection {
  readonly folder: vscode.WorkspaceFolder;
  readonly roots: readonly TreeNode[];
}

/** The command a tree item runs for a target; `archlens.runTarget` resolves paths and checks commands. */
export const RUN_TARGET_COMMAND = 'archlens.runTarget';

/**
 * Maps the core's plain `TreeNode`s to VS Code tree items. All the logic of what is shown lives
 * in the core (tested in plain Node); this only translates. With several workspace folders,
 * each folder's tree sits under a node named for it.
 */
export class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: readonly TreeNode[] = [];
  private readonly folderOf = new Map<TreeNode, vscode.Uri>();

  /** Replaces the tree; paths in targets are relative to each section's folder. */
  set(sections: readonly TreeSection[]): void {
    this.roots = groupByFolder(sections.map((s) => ({ name: s.folder.name, roots: s.roots })));
    this.folderOf.clear();
    const walk = (nodes: readonly TreeNode[], uri: vscode.Uri): void => {
      for (const node of nodes) {
        this.folderOf.set(node, uri);
        walk(node.children ?? [], uri);
      }
    };
    for (const section of sections) walk(section.roots, section.folder.uri);
    this.changed.fire(undefined);
  }

  /** The nodes shown at the top level (for tests). */
  get topLevel(): readonly TreeNode[] {
    return this.roots;
  }

  /** The workspace folder a node's paths are relative to. */
  folderUriOf(node: TreeNode): vscode.Uri | undefined {
    return this.folderOf.get(node);
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
    const folder = this.folderOf.get(node);
    const target = node.target;
    if (target && folder) {
      const uri = targetUri(folder, target);
      if (uri) item.resourceUri = uri;
      item.command = { command: RUN_TARGET_COMMAND, title: 'Open', arguments: [target, folder] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The file or folder a target points at, if any. */
export function targetUri(folder: vscode.Uri, target: TreeTarget): vscode.Uri | undefined {
  if (target.kind !== 'file' && target.kind !== 'folder') return undefined;
  return target.path === '.' ? folder : vscode.Uri.joinPath(folder, ...target.path.split('/'));
}
