import * as vscode from 'vscode';
import type { TreeNode } from '../core/views/tree-node';
import { registerAnalyzeCommand } from './commands/analyze';
import { registerImpactAndCompare } from './commands/impact-compare';
import { registerShowDiagramCommand } from './commands/show-diagram';
import { registerBoundaryRules, type ViolationCountsShown } from './diagnostics';
import { DiagramPanel } from './panel/diagram-panel';
import { registerScaffolding } from './scaffold';
import { AnalysisSession } from './session';
import { reanalyzeOnTrust } from './trust-reanalysis';
import { registerArchitectureView } from './views/architecture-view';
import { registerRecommendationsView } from './views/recommendations-view';
import { registerShowInDiagram } from './views/show-in-diagram';
import { extensionAnalysisCache } from './analysis-cache';
import { registerLanguageModelTools } from './assistant/language-model-tools';
import { offerMcpServer, type McpOffer } from './assistant/mcp-provider';
import { initTreeSitter } from '../node/tree-sitter-runtime';
import type { WarmStartReport } from '../core/cache';

/** What ArchLens offers other extensions and its own integration tests. */
export interface ArchLensApi {
  /** The top-level nodes of the Architecture view as they are shown now. */
  architectureTree(): readonly TreeNode[];
  /** The top-level nodes of the Recommendations view as they are shown now. */
  recommendationsTree(): readonly TreeNode[];
  /** The `TreeItem` a view shows for one of its nodes (label, command and its arguments, …). */
  treeItem(view: SidebarView, node: TreeNode): vscode.TreeItem;
  /** The analyses shown so far in this window, oldest first (at most the last 50). */
  analysisLog(): readonly ShownAnalysis[];
  /** Reveals the node with this id in a view, expanding it `expand` levels (0: none); false when no such node is shown. */
  reveal(view: SidebarView, id: string, expand?: number): Promise<boolean>;
  /** The boundary-violation counts as shown now: the Architecture view's badge and the status bar item. */
  violationCounts(): ViolationCountsShown;
  /** Whether the running VS Code took ArchLens's MCP server definitions (1.101+), and why not. */
  mcpServerOffer(): McpOffer;
}

/** One analysis as the Architecture view showed it. */
export interface ShownAnalysis {
  readonly folder: string;
  /** The previous result from the analysis cache, shown while the analysis checks it. */
  readonly provisional: boolean;
  /** What a full analysis took over from the cache (absent on previews and updates). */
  readonly warmStart?: WarmStartReport;
  /** The Architecture view's top-level nodes right after this analysis was shown. */
  readonly tree: readonly TreeNode[];
}

const SHOWN_ANALYSES_KEPT = 50;

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
  const mcp = offerMcpServer(context.extensionUri, String(context.extension.packageJSON.version ?? 'dev'));
  if (!mcp.offer.offered)
    output.appendLine(
      `MCP server not offered to VS Code: ${mcp.offer.reason}. Run \`archlens mcp\` from a client's configuration instead.`,
    );
  // Registered after the views, so that the Architecture view already shows each analysis.
  const shown: ShownAnalysis[] = [];
  const logShown = session.onDidChange((analysis) => {
    shown.push({
      folder: analysis.folder.name,
      provisional: analysis.provisional === true,
      ...(analysis.warmStart ? { warmStart: analysis.warmStart } : {}),
      tree: architecture.provider.topLevel,
    });
    if (shown.length > SHOWN_ANALYSES_KEPT) shown.shift();
  });
  context.subscriptions.push(
    rules,
    logShown,
    output,
    session,
    panel,
    architecture,
    recommendations,
    registerAnalyzeCommand(session, output),
    registerShowDiagramCommand(session, panel, (folder) => rules.diagnostics.shownIn(folder)),
    registerImpactAndCompare(panel),
    registerScaffolding(session),
    registerShowInDiagram([architecture.provider, recommendations.provider]),
    registerLanguageModelTools(session),
    mcp.disposable,
    reanalyzeOnTrust(session, output),
    // The diagram follows the workspace: redrawn (debounced, only while visible) after each update.
    session.onDidChange(() => panel.refresh()),
    // and after the boundary-rule violations it draws red changed (a baseline read after the analysis).
    rules.diagnostics.onDidChange(() => panel.refresh()),
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
    analysisLog: () => [...shown],
    treeItem: (view, node) => views[view].provider.getTreeItem(node),
    reveal: async (view, id, expand = 0) => {
      const { provider, view: tree } = views[view];
      const node = provider.find(id);
      if (!node) return false;
      await tree.reveal(node, { select: false, focus: false, expand: expand > 0 ? expand : false });
      return true;
    },
    violationCounts: () => rules.counts(),
    mcpServerOffer: () => mcp.offer,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
