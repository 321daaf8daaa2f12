import * as vscode from 'vscode';
import { detectionToMarkdown } from '../../core/report/detection-markdown';
import { architectureTree } from '../../core/views/architecture-tree';
import { statusBarLabel } from '../../core/views/plain-text';
import type { TreeNode } from '../../core/views/tree-node';
import type { AnalysisSession, FolderAnalysis } from '../session';
import { DisposableStore } from '../util/dispose';
import { NodeTreeProvider } from './tree-data-provider';

/** Set when an analysis found no pattern and no unit: the view shows what ArchLens looks for instead. */
const NOTHING_DETECTED = 'archlens.nothingDetected';

/**
 * The Architecture view (patterns, evidence, units; one group per folder when there are
 * several), its context actions, and the status bar item with the primary pattern.
 */
export function registerArchitectureView(
  session: AnalysisSession,
): vscode.Disposable & { readonly provider: NodeTreeProvider; readonly view: vscode.TreeView<TreeNode> } {
  const store = new DisposableStore();
  const provider = store.add(new NodeTreeProvider());
  const view = store.add(
    vscode.window.createTreeView('archlens.architecture', {
      treeDataProvider: provider,
      showCollapseAll: true,
    }),
  );
  const status = store.add(
    vscode.window.createStatusBarItem('archlens.primary', vscode.StatusBarAlignment.Left, 10),
  );
  status.name = 'ArchLens: primary pattern';
  status.command = 'workbench.view.extension.archlens';
  const show = (): void => {
    const all = session.all;
    const found = all.filter((a) => !nothingDetected(a));
    const scoped = found.length > 1;
    provider.set(
      found.map((a) => ({
        folder: a.folder,
        roots: architectureTree(a.detection, scoped ? a.folder.name : ''),
      })),
    );
    void vscode.commands.executeCommand('setContext', NOTHING_DETECTED, all.length > 0 && found.length === 0);
    const current = session.current;
    if (!current) {
      status.hide();
      return;
    }
    view.message =
      found.length > 0 && found.every((a) => a.detection.primary === null)
        ? 'No pattern is a clear yes: see the partial verdicts below.'
        : undefined;
    status.text = `$(type-hierarchy) ${statusBarLabel(current.detection)}`;
    status.tooltip = `ArchLens: the detected architecture of ${current.folder.name}. Click for the evidence.`;
    status.show();
  };
  store.add(session.onDidChange(show));
  store.add(session.onDidChangeFolders(show));
  store.add(vscode.window.onDidChangeActiveTextEditor(show));
  store.add(
    vscode.commands.registerCommand('archlens.copyReport', async (node?: TreeNode) => {
      const folder = node ? provider.folderUriOf(node) : undefined;
      const analysis =
        session.all.find((a) => a.folder.uri.toString() === folder?.toString()) ?? session.current;
      if (!analysis) {
        void vscode.window.showInformationMessage('ArchLens: analyse the workspace first.');
        return undefined;
      }
      const markdown = detectionToMarkdown(analysis.detection);
      await vscode.env.clipboard.writeText(markdown);
      void vscode.window.showInformationMessage(
        `ArchLens: the report of ${analysis.folder.name} is on the clipboard.`,
      );
      return markdown;
    }),
  );
  show();
  return Object.assign(store, { provider, view });
}

function nothingDetected(a: FolderAnalysis): boolean {
  const { deployables, modules, layers } = a.detection.units;
  return (
    a.detection.patterns.every((p) => p.verdict === 'no') &&
    deployables.length + modules.length + layers.length === 0
  );
}
