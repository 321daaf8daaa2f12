import * as vscode from 'vscode';
import { recommendationsTree } from '../../core/views/recommendations-tree';
import type { TreeNode } from '../../core/views/tree-node';
import type { AnalysisSession } from '../session';
import { DisposableStore } from '../util/dispose';
import { registerRunTarget, runSecondary } from './run-target';
import { NodeTreeProvider } from './tree-data-provider';

/** The Recommendations view: what fits, what hurts, what to consider, with signals and next steps. */
export function registerRecommendationsView(
  session: AnalysisSession,
): vscode.Disposable & { readonly provider: NodeTreeProvider; readonly view: vscode.TreeView<TreeNode> } {
  const store = new DisposableStore();
  const provider = store.add(new NodeTreeProvider());
  const view = store.add(
    vscode.window.createTreeView('archlens.recommendations', {
      treeDataProvider: provider,
      showCollapseAll: true,
    }),
  );
  const show = (): void => {
    const all = session.all;
    // With several folders, ids carry the folder name so they stay unique.
    provider.set(
      all.map((a) => ({
        folder: a.folder,
        roots: recommendationsTree(a.recommendations, all.length > 1 ? a.folder.name : ''),
      })),
    );
  };
  store.add(session.onDidChange(show));
  store.add(session.onDidChangeFolders(show));
  store.add(registerRunTarget());
  store.add(
    vscode.commands.registerCommand('archlens.runStepScaffold', (node?: TreeNode) =>
      node ? runSecondary(node, provider.folderUriOf(node)) : undefined,
    ),
  );
  show();
  return Object.assign(store, { provider, view });
}
