import * as vscode from 'vscode';
import { parseFromWebview, type RenderedReport, type ToWebviewMessage } from '../../shared/protocol';
import { DisposableStore } from '../util/dispose';
import { diagramHtml, diagramResourceRoots } from './webview-html';

const RENDER_TIMEOUT_MS = 30_000;

interface PendingRender {
  readonly resolve: (report: RenderedReport | undefined) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The host side of the diagram webview: one panel, reused; each `show` posts Mermaid text and
 * resolves when the webview reports what it rendered.
 */
export class DiagramPanel implements vscode.Disposable {
  static readonly viewType = 'archlens.diagram';

  private panel: vscode.WebviewPanel | undefined;
  private readonly panelDisposables = new DisposableStore();
  private ready: Promise<void> | undefined;
  private markReady: (() => void) | undefined;
  private nextRequestId = 1;
  private readonly pending = new Map<number, PendingRender>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the panel with this diagram; resolves with the webview's report, or rejects on a Mermaid error. */
  async show(title: string, mermaid: string): Promise<RenderedReport | undefined> {
    const panel = this.ensurePanel();
    panel.title = title;
    panel.reveal(undefined, false);
    await this.ready;
    const requestId = this.nextRequestId++;
    const message: ToWebviewMessage = { type: 'render', requestId, mermaid, title };
    return new Promise<RenderedReport | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve(undefined);
      }, RENDER_TIMEOUT_MS);
      this.pending.set(requestId, {
        resolve: (report) => {
          clearTimeout(timer);
          resolve(report);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      void panel.webview.postMessage(message);
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.panelDisposables.dispose();
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(DiagramPanel.viewType, 'Architecture Diagram', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: diagramResourceRoots(this.extensionUri),
    });
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    panel.webview.html = diagramHtml(panel.webview, this.extensionUri);
    const store = new DisposableStore();
    store.add(panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)));
    store.add(
      panel.onDidDispose(() => {
        store.dispose();
        this.panel = undefined;
        for (const pending of this.pending.values()) pending.resolve(undefined);
        this.pending.clear();
      }),
    );
    this.panelDisposables.add(store);
    this.panel = panel;
    return panel;
  }

  private receive(data: unknown): void {
    const message = parseFromWebview(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.markReady?.();
        break;
      case 'rendered':
        this.pending.get(message.requestId)?.resolve(message);
        this.pending.delete(message.requestId);
        break;
      case 'renderFailed':
        this.pending.get(message.requestId)?.reject(new Error(`Mermaid could not draw the diagram: ${message.error}`));
        this.pending.delete(message.requestId);
        break;
    }
  }
}
