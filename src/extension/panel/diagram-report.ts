import type * as vscode from 'vscode';
import type { DiagramInput, FocusDirection } from '../../core/diagram';
import type { CompareCutId, ImpactInfo } from '../../shared/impact-protocol';
import type { PanelState, ViewId } from '../../shared/protocol';

/** What the panel draws from: the views' input and the workspace folder it belongs to. */
export interface DiagramSourceData {
  readonly input: DiagramInput;
  /** Absolute path of the workspace folder (the model's root). */
  readonly root: string;
  readonly name: string;
  readonly folder: vscode.Uri;
}

/** Called for each drawing; `undefined` when there is nothing to draw (no folder, cancelled). */
export type DiagramSource = () => Promise<DiagramSourceData | undefined>;

/** What `archlens.showDiagram` resolves with: the webview's counts, the view, and why a view did not apply. */
export interface DiagramReport {
  readonly svgLength: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly view: ViewId;
  /** The panel's state after drawing: view, expanded nodes and focus. */
  readonly state: PanelState;
  /** Set when the view does not apply (nothing was drawn), or when a focus target was not found. */
  readonly reason?: string;
  /** A node label's height on screen at fit, and the editor font size it should reach (when measured). */
  readonly labelPx?: number;
  readonly fontPx?: number;
  /** In Impact mode: the legend's counts and the hop drawn. */
  readonly impact?: ImpactInfo;
  /** In the Compare view: the cut drawn beside today, and each cut's cost. */
  readonly compare?: { readonly cut: CompareCutId; readonly costs: Readonly<Record<string, number>> };
}

/** A focus request from elsewhere: a node id, a relative folder or file path, or a unit's name. */
export interface FocusRequest {
  readonly target: string;
  readonly view?: ViewId;
  readonly direction?: FocusDirection;
}
