import * as vscode from 'vscode';
import { architectureTree } from '../../core';
import type { AnalysisSession } from '../session';
import { DisposableStore } from '../util/dispose';
import { NodeTreeProvider } from './tree-data-provider';

/** The Architecture view (patterns, evidence, units) and the status bar item with the primary pattern. */
export function registerArchitectureView(
  session: AnalysisSession,
): vscode.Disposable & { readonly provider: NodeTreeProvider } {
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
    const analysis = session.current;
    if (!analysis) return;
    provider.set(architectureTree(analysis.detection), analysis.folder.uri);
    const primary = analysis.detection.patterns.find((p) => p.id === analysis.detection.primary);
    view.message = primary ? undefined : 'No pattern is a clear yes: see the partial verdicts below.';
    status.text = `$(type-hierarchy) ${primary ? primaryLabel(primary.id) : 'No clear pattern'}`;
    status.tooltip = 'ArchLens: the detected architecture. Click for the evidence.';
    status.show();
  };
  store.add(session.onDidChange(show));
  show();
  return Object.assign(store, { provider });
}

function primaryLabel(id: string): string {
  return id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
