import * as vscode from 'vscode';
import { buildDiagram, nextReadableStep, resolveFocusTarget, type DiagramModel } from '../../core/diagram';
import {
  parseFromWebview,
  type FromWebviewMessage,
  type PanelState,
  type ToWebviewMessage,
  type ViewId,
  type WebviewState,
} from '../../shared/protocol';
import type { CompareCutId } from '../../shared/impact-protocol';
import { DisposableStore } from '../util/dispose';
import { CompareCache, compareMessage } from './compare-mode';
import { ImpactCache, withImpact } from './impact-mode';
import { notApplicableMessage, renderMessage } from './diagram-message';
import { exportDiagram } from './export-diagram';
import { diagramHtml, diagramResourceRoots } from './webview-html';
import { nothingToDrawMessage } from './nothing-to-draw';
import { MAX_READABILITY_STEPS, nextReadableBudget, readabilityNotes } from './readable-budget';
import { columnBesidePanel, revealOrOpen } from './workspace-paths';
import type { DiagramReport, DiagramSource, DiagramSourceData, FocusRequest } from './diagram-report';
import { pickEdgeLocation } from './edge-picker';
import { RenderRequests } from './render-requests';

export type { DiagramReport, DiagramSource, DiagramSourceData, FocusRequest } from './diagram-report';

const REFRESH_DELAY_MS = 400;

/**
 * The host side of the diagram webview: one panel, reused. Holds the panel state (view,
 * expanded nodes, focus), builds the view with the core, posts it, and answers the webview's
 * requests (expand, navigate, focus, open, list an edge's imports, export).
 */
export class DiagramPanel implements vscode.Disposable {
  static readonly viewType = 'archlens.diagram';

  private panel: vscode.WebviewPanel | undefined;
  private readonly panelDisposables = new DisposableStore();
  private ready: Promise<void> | undefined;
  private markReady: (() => void) | undefined;
  private readonly requests = new RenderRequests();
  private source: DiagramSource | undefined;
  private state: PanelState = { view: 'overview', expanded: [] };
  private drawn: { model: DiagramModel | undefined; mermaid: string; data: DiagramSourceData } | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private stale = false;
  private readonly impacts = new ImpactCache();
  private readonly comparisons = new CompareCache();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Where diagrams come from; set by the show-diagram command. */
  setSource(source: DiagramSource): void {
    this.source = source;
  }

  /** Shows the panel (with `view`, from the top, when given); resolves once the webview drew it. */
  async show(view?: ViewId): Promise<DiagramReport | undefined> {
    if (view !== undefined && view !== this.state.view) this.state = { view, expanded: [] };
    const panel = this.ensurePanel();
    panel.reveal(undefined, false);
    await this.ready;
    return this.draw(false);
  }

  /**
   * Shows the panel in focus mode on the node a target names (expanding what holds it). Looks
   * in `request.view`, else the current view, then the overview and the dependencies view.
   * When nothing holds the target, draws the view unfocused and says so in `reason`.
   */
  async showFocused(request: FocusRequest): Promise<DiagramReport | undefined> {
    const data = await this.source?.();
    if (!data) return this.show(request.view);
    const views = [...new Set([request.view ?? this.state.view, 'overview', 'deps'] as const)];
    const found = resolveFocusTarget(data.input, request.target, views, request.direction);
    if (!found) {
      const report = await this.show(request.view);
      return report && { ...report, reason: `Nothing in the diagram holds ${request.target}.` };
    }
    this.state = {
      view: found.view,
      expanded: [...found.state.expanded],
      ...(found.state.focus ? { focus: found.state.focus } : {}),
    };
    const panel = this.ensurePanel();
    panel.reveal(undefined, false);
    await this.ready;
    return this.draw(false);
  }

  /**
   * Impact mode on what `target` names (a node id, a file or folder path, a unit's name, a
   * backing service, `<file>#<function>`): the overview opened down to it, painted by the cascade.
   */
  async showImpact(target: string, hop?: number): Promise<DiagramReport | undefined> {
    const data = await this.source?.();
    const found = data ? resolveFocusTarget(data.input, target, ['overview']) : undefined;
    this.state = {
      view: 'overview',
      expanded: [...(found?.state.expanded ?? [])],
      impact: { node: target, ...(hop === undefined ? {} : { hop }) },
    };
    const panel = this.ensurePanel();
    panel.reveal(undefined, false);
    await this.ready;
    return this.draw(false);
  }

  /** The Compare view: today's cut beside `cut`, with the figures of every cut. */
  async showCompare(cut: CompareCutId = 'modular-monolith'): Promise<DiagramReport | undefined> {
    const panel = this.ensurePanel();
    panel.reveal(undefined, false);
    await this.ready;
    const data = await this.source?.();
    if (!data) return this.draw(false);
    const comparison = this.comparisons.comparisonOf(data.input);
    const requestId = this.requests.newId();
    const message = compareMessage(requestId, comparison, cut, data.name);
    panel.title = message.title;
    const report = await this.postAndWait(requestId, message);
    return (
      report && {
        svgLength: report.svgLength,
        nodeCount: report.nodeCount,
        edgeCount: report.edgeCount,
        view: this.state.view,
        state: this.state,
        compare: { cut, costs: Object.fromEntries(comparison.cuts.map((c) => [c.id, c.figures.cost])) },
      }
    );
  }

  /**
   * Draws again from the source (after the workspace changed), keeping view, expansion, pan and
   * zoom. Debounced; while the panel is hidden it waits until it is visible again.
   */
  refresh(): void {
    if (!this.panel) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (!this.panel?.visible) {
        this.stale = true;
        return;
      }
      this.drawInBackground(true);
    }, REFRESH_DELAY_MS);
  }

  /** Takes over a panel VS Code restored after a reload, with the state its webview saved. */
  restore(panel: vscode.WebviewPanel, saved: WebviewState | undefined): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    if (saved) this.state = saved.panel;
    this.adopt(panel);
    void this.ready?.then(() => this.drawInBackground(true));
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    this.panelDisposables.dispose();
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(
      DiagramPanel.viewType,
      'Architecture Diagram',
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: diagramResourceRoots(this.extensionUri),
      },
    );
    this.adopt(panel);
    return panel;
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: diagramResourceRoots(this.extensionUri),
    };
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    panel.webview.html = diagramHtml(panel.webview, this.extensionUri);
    const store = new DisposableStore();
    store.add(panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)));
    store.add(
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) {
          this.stale = false;
          this.drawInBackground(true);
        }
      }),
    );
    store.add(
      panel.onDidDispose(() => {
        store.dispose();
        this.panel = undefined;
        this.drawn = undefined;
        this.requests.dropAll();
      }),
    );
    this.panelDisposables.add(store);
    this.panel = panel;
  }

  /**
   * Draws the current view; when the webview measured its labels at fit smaller than the editor's
   * font, collapses the view further, or, where that would fold it into too few nodes, drops its
   * lighter edges (nextReadableStep), and draws it again (a few times at most), so that every view
   * opens readable at the panel's size without becoming useless. Resolves with the last report.
   */
  private async draw(keepViewport: boolean): Promise<DiagramReport | undefined> {
    let report = await this.drawOnce(keepViewport);
    for (let step = 0; step < MAX_READABILITY_STEPS && report; step++) {
      const { labelPx, fontPx } = report;
      const drawn = this.drawn;
      if (!drawn?.model || labelPx === undefined || fontPx === undefined) break;
      const budget = nextReadableBudget(drawn.model.nodes.length, labelPx, fontPx);
      if (budget === undefined) break;
      const next = nextReadableStep(this.state.view, drawn.data.input, this.state, drawn.model, budget);
      if (!next) break;
      this.state = {
        ...this.state,
        ...(next.state.maxNodes !== undefined ? { maxNodes: next.state.maxNodes } : {}),
        ...(next.state.maxEdges !== undefined ? { maxEdges: next.state.maxEdges } : {}),
      };
      report = (await this.drawOnce(false)) ?? report;
    }
    return report;
  }

  /** Builds the current view and posts it; resolves with what the webview drew. */
  private async drawOnce(keepViewport: boolean): Promise<DiagramReport | undefined> {
    const panel = this.panel;
    const data = await this.source?.();
    if (!panel) return undefined;
    const state = this.state;
    if (!data) {
      const message = nothingToDrawMessage(vscode.workspace.workspaceFolders?.length ?? 0);
      this.drawn = undefined;
      await this.post(message);
      return { svgLength: 0, nodeCount: 0, edgeCount: 0, view: state.view, state, reason: message.reason };
    }
    const result = buildDiagram(state.view, data.input, {
      expanded: state.expanded,
      ...(state.focus ? { focus: state.focus } : {}),
      ...(state.maxNodes !== undefined ? { maxNodes: state.maxNodes } : {}),
      ...(state.maxEdges !== undefined ? { maxEdges: state.maxEdges } : {}),
    });
    const requestId = this.requests.newId();
    if (result.kind === 'not-applicable') {
      this.drawn = { model: undefined, mermaid: '', data };
      panel.title = `Architecture: ${data.name}`;
      await this.post(notApplicableMessage(requestId, state, result.reason));
      return { svgLength: 0, nodeCount: 0, edgeCount: 0, view: state.view, state, reason: result.reason };
    }
    const readNotes = readabilityNotes(state);
    const model =
      readNotes.length === 0
        ? result.model
        : { ...result.model, notes: [...result.model.notes, ...readNotes] };
    const plain = renderMessage(requestId, model, state, data.name, keepViewport);
    const message = state.impact
      ? withImpact(plain, result.model, data.input, state.impact, this.impacts)
      : plain;
    this.drawn = { model: result.model, mermaid: message.mermaid, data };
    panel.title = message.title;
    const report = await this.postAndWait(requestId, message);
    return (
      report && {
        svgLength: report.svgLength,
        nodeCount: report.nodeCount,
        edgeCount: report.edgeCount,
        view: state.view,
        state,
        ...(report.labelPx !== undefined ? { labelPx: report.labelPx } : {}),
        ...(report.fontPx !== undefined ? { fontPx: report.fontPx } : {}),
        ...(message.impact ? { impact: message.impact } : {}),
      }
    );
  }

  /** Posts a drawing and resolves with what the webview reported (`undefined` after the timeout). */
  private postAndWait(requestId: number, message: ToWebviewMessage) {
    return this.requests.waitFor(requestId, () => void this.post(message));
  }

  private drawInBackground(keepViewport: boolean): void {
    this.draw(keepViewport).catch((error: unknown) => showError(error));
  }

  private async post(message: ToWebviewMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  private receive(data: unknown): void {
    const message = parseFromWebview(data);
    if (!message) return;
    this.handle(message).catch((error: unknown) => showError(error));
  }

  private async handle(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.markReady?.();
        return;
      case 'rendered':
        this.requests.rendered(message);
        return;
      case 'renderFailed':
        this.requests.failed(message.requestId, message.error);
        return;
      case 'selectView':
        this.state = { view: message.view, expanded: [] };
        this.drawInBackground(false);
        return;
      case 'expandNode': {
        const node = this.drawn?.model?.nodes.find((n) => n.id === message.nodeId);
        if (!node?.expandable || this.state.expanded.includes(node.id)) return;
        this.state = {
          view: this.state.view,
          expanded: [...this.state.expanded, node.id],
          ...this.impactKept(),
        };
        this.drawInBackground(false);
        return;
      }
      case 'navigate': {
        const step = this.drawn?.model?.breadcrumb[message.step];
        if (!step) return;
        this.state = { view: this.state.view, expanded: [...step.expanded], ...this.impactKept() };
        this.drawInBackground(false);
        return;
      }
      case 'setFocus': {
        const { focus: _previous, ...rest } = this.state;
        this.state = message.focus ? { ...rest, focus: message.focus } : rest;
        this.drawInBackground(false);
        return;
      }
      case 'openNode': {
        const node = this.drawn?.model?.nodes.find((n) => n.id === message.nodeId);
        if (node?.path !== undefined && this.drawn)
          await revealOrOpen(this.drawn.data.root, node.path, undefined, this.besidePanel());
        return;
      }
      case 'runAction':
        if (message.action === 'openFolder') {
          await vscode.commands.executeCommand('workbench.action.files.openFolder');
        } else {
          await vscode.commands.executeCommand('archlens.analyze');
          this.drawInBackground(false);
        }
        return;
      case 'setImpact': {
        const { impact: _previous, ...rest } = this.state;
        this.state = message.impact ? { ...rest, impact: message.impact } : rest;
        this.drawInBackground(true);
        return;
      }
      case 'showCompare':
        if (message.cut) await this.showCompare(message.cut);
        else this.drawInBackground(false);
        return;
      case 'showEdge':
        if (this.drawn?.model)
          await pickEdgeLocation(this.drawn.model, message.edgeId, this.drawn.data.root, this.besidePanel());
        return;
      case 'export':
        if (this.drawn?.model) {
          await exportDiagram(message, {
            mermaid: this.drawn.mermaid,
            title: `${this.drawn.model.title}: ${this.drawn.data.name}`,
            view: this.state.view,
            folder: this.drawn.data.folder,
          });
        }
        return;
    }
  }

  /** Impact mode survives expanding and the breadcrumb: the cascade is redrawn at the new level. */
  private impactKept(): Pick<PanelState, 'impact'> {
    return this.state.impact ? { impact: this.state.impact } : {};
  }

  private besidePanel(): vscode.ViewColumn {
    return columnBesidePanel(this.panel?.viewColumn);
  }
}

function showError(error: unknown): void {
  void vscode.window.showErrorMessage(`ArchLens: ${error instanceof Error ? error.message : String(error)}`);
}
