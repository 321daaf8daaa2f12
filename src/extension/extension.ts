import * as vscode from 'vscode';
import type { TreeNode } from '../core/views/tree-node';
import { registerAnalyzeCommand } from './commands/analyze';
import { registerShowDiagramCommand } from './commands/show-diagram';
import { registerBoundaryRules } from './diagnostics';
import { DiagramPanel } from './panel/diagram-panel';
import { registerScaffolding } from './scaffold';
import { AnalysisSession } from './session';
import { reanalyzeOnTrust } from './trust-reanalysis';
import { registerArchitectureView } from './views/architecture-view';
import { registerRecommendationsView } from './views/recommendations-view';
import { registerShowInDiagram } from './views/show-in-diagram';
import { extensionAnalysisCache } from './analysis-cache';
import { initTreeSitter } from '../node/tree-sitter-runtime';

/** What ArchLens offers other extensions and its own integration tests. */
export interface ArchLensApi {
  /** The top-level nodes of the Architecture view as they are shown now. */
  architectureTree(): readonly TreeNode[];
  /** The top-level nodes of the Recommendations view as they are shown now. */
  recommendationsTree(): readonly TreeNode[];
  /** The `TreeItem` a view shows for one of its nodes (label, command and its arguments, …). */
  treeItem(view: SidebarView, node: TreeNode): vscode.TreeItem;
  /** Reveals the node with this id in a view, expanding it `expand` levels (0: none); false when no such node is shown. */
  reveal(view: SidebarView, id: string, expand?: number): Promise<boolean>;
}

/** The sidebar's tree views. */
export type SidebarView = 'architecture' | 'recommendations';

/** The composition root: builds the session and the features, and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): ArchLensApi {
  // The diagram reads declarations on this thread; the analysis worker initialises its own.
  void initTreeSitter();
  const output = vscode.window.createOutputChannel('ArchLens');
  const session = new AnalysisSession(context.extensionUri, extensionAnalysisCache(context));
  const panel = new DiagramPanel(context.extensionUri);
  const architecture = registerArchitectureView(session);
  const recommendations = registerRecommendationsView(session);
  const rules = registerBoundaryRules(session, architecture.view);
  context.subscriptions.push(
    rules,
    output,
    session,
    panel,
    architecture,
    recommendations,
    registerAnalyzeCommand(session, output),
    registerShowDiagramCommand(session, panel),
    registerScaffolding(session),
    registerShowInDiagram([architecture.provider, recommendations.provider]),
    reanalyzeOnTrust(session, output),
    // The diagram follows the workspace: redrawn (debounced, only while visible) after each update.
    session.onDidChange(() => panel.refresh()),
  );
  if (vscode.workspace.getConfiguration('archlens').get<boolean>('analyzeOnStartup', true)) {
    session.analyze({ quiet: true }).catch((error: unknown) => {
      output.appendLine(
        `Analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    });
  }
  const views = { architecture, recommendations };
  return {
    architectureTree: () => architecture.provider.topLevel,
    recommendationsTree: () => recommendations.provider.topLevel,
    treeItem: (view, node) => views[view].provider.getTreeItem(node),
    reveal: async (view, id, expand = 0) => {
      const { provider, view: tree } = views[view];
      const node = provider.find(id);
      if (!node) return false;
      await tree.reveal(node, { select: false, focus: false, expand: expand > 0 ? expand : false });
      return true;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
