import * as vscode from 'vscode';
import { groupByFolder, type DiagramFocus, type TreeNode, type TreeTarget } from '../../core/views/tree-node';

/** One workspace folder's part of a tree. */
export interface TreeSection {
  readonly folder: vscode.WorkspaceFolder;
  readonly roots: readonly TreeNode[];
}

/** The command a tree item runs for a target; `archlens.runTarget` resolves paths and checks commands. */
export const RUN_TARGET_COMMAND = 'archlens.runTarget';

/** The diagram command; tree items that focus the diagram call it directly. */
export const SHOW_DIAGRAM_COMMAND = 'archlens.showDiagram';

/**
 * What `archlens.showDiagram` is called with to focus a node: the focus and view of the core's
 * tree, and the workspace folder (fsPath) the path is relative to.
 */
export interface ShowDiagramArgs extends DiagramFocus {
  readonly folder?: string;
}

/** The `archlens.showDiagram` argument for a focus in a workspace folder. */
export function showDiagramArgs(focus: DiagramFocus, folder: vscode.Uri | undefined): ShowDiagramArgs {
  return {
    focus: focus.focus,
    ...(focus.view === undefined ? {} : { view: focus.view }),
    ...(folder ? { folder: folder.fsPath } : {}),
  };
}

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
  private readonly parentOf = new Map<TreeNode, TreeNode>();
  private readonly byId = new Map<string, TreeNode>();

  /** Replaces the tree; paths in targets are relative to each section's folder. */
  set(sections: readonly TreeSection[]): void {
    this.roots = groupByFolder(sections.map((s) => ({ name: s.folder.name, roots: s.roots })));
    this.folderOf.clear();
    this.parentOf.clear();
    this.byId.clear();
    const walk = (nodes: readonly TreeNode[], parent: TreeNode | undefined): void => {
      for (const node of nodes) {
        this.byId.set(node.id, node);
        if (parent) this.parentOf.set(node, parent);
        walk(node.children ?? [], node);
      }
    };
    walk(this.roots, undefined);
    const folders = (nodes: readonly TreeNode[], uri: vscode.Uri): void => {
      for (const node of nodes) {
        this.folderOf.set(node, uri);
        folders(node.children ?? [], uri);
      }
    };
    for (const section of sections) folders(section.roots, section.folder.uri);
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

  /** The node with this id, as shown now. */
  find(id: string): TreeNode | undefined {
    return this.byId.get(id);
  }

  /** Lets `TreeView.reveal` find a node's ancestors. */
  getParent(node: TreeNode): TreeNode | undefined {
    return this.parentOf.get(node);
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
      item.command =
        target.kind === 'diagram'
          ? {
              command: SHOW_DIAGRAM_COMMAND,
              title: 'Show in Diagram',
              arguments: [showDiagramArgs(target, folder)],
            }
          : { command: RUN_TARGET_COMMAND, title: 'Open', arguments: [target, folder] };
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
