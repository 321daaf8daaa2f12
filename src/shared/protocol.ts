import { z } from 'zod';
import {
  CompareMessage,
  ImpactInfo,
  ImpactState,
  SetImpactMessage,
  ShowCompareMessage,
} from './impact-protocol';

/**
 * The messages between the extension host and the diagram webview, in one place. Both sides
 * validate what they receive with these schemas: a message is untrusted until it parses.
 * Node and edge ids travel; paths and source locations stay on the host, which looks them up
 * in the diagram it drew.
 */

const Id = z.string().max(4_000);
const RequestId = z.number().int().nonnegative();

/** The views of the picker (same ids as `DIAGRAM_VIEW_IDS` in the core). */
export const ViewId = z.enum(['overview', 'layers', 'events', 'cqrs', 'deps']);
export type ViewId = z.infer<typeof ViewId>;

export const Focus = z.object({ node: Id, direction: z.enum(['dependencies', 'dependents']) });

/** What the host needs to draw the same diagram again: persisted by the webview, restored after a reload. */
export const PanelState = z.object({
  view: ViewId,
  expanded: z.array(Id).max(200),
  focus: Focus.optional(),
  /** The node budget the panel lowered the view to, so its labels read at the panel's size. */
  maxNodes: z.number().int().min(2).max(10_000).optional(),
  /** The edge budget the panel lowered the view to instead, when collapsing further would fold it into too few nodes. */
  maxEdges: z.number().int().min(1).max(10_000).optional(),
  /** Impact mode: the failing node and the hop shown. */
  impact: ImpactState.optional(),
});
export type PanelState = z.infer<typeof PanelState>;

/** What the webview keeps with `vscode.setState`: the host's state plus pan and zoom. */
export const WebviewState = z.object({
  panel: PanelState,
  zoom: z.number().positive().max(100),
  panX: z.number().finite(),
  panY: z.number().finite(),
});
export type WebviewState = z.infer<typeof WebviewState>;

const ViewChoice = z.object({ id: ViewId, label: z.string().max(100) });

/** A drawn node: `mermaidId` is the id in the Mermaid text (`n3`), `id` the diagram model's. */
export const NodeInfo = z.object({
  mermaidId: z.string().max(20),
  id: Id,
  label: z.string().max(4_000),
  detail: z.string().max(10_000),
  expandable: z.boolean(),
  openable: z.boolean(),
  /** In focus mode: the focused node, one it links to directly, or one reached further on. */
  emphasis: z.enum(['focus', 'near', 'far']).optional(),
});
export type NodeInfo = z.infer<typeof NodeInfo>;

/** A drawn edge: `mermaidId` is the edge id in the Mermaid text (`e3`). */
export const EdgeInfo = z.object({
  mermaidId: z.string().max(20),
  id: Id,
  detail: z.string().max(10_000),
  /** How many imports behind the edge break boundary rules (drawn red, listed first on click). */
  violations: z.number().int().nonnegative().max(1_000_000).optional(),
});
export type EdgeInfo = z.infer<typeof EdgeInfo>;

/** Host → webview: draw this Mermaid text. */
export const RenderDiagramMessage = z.object({
  type: z.literal('render'),
  /** Increments with each render request, echoed back in `rendered`/`renderFailed`. */
  requestId: RequestId,
  mermaid: z.string().max(200_000),
  title: z.string().max(500),
  state: PanelState,
  views: z.array(ViewChoice).max(10),
  breadcrumb: z.array(z.string().max(500)).max(201),
  nodes: z.array(NodeInfo).max(5_000),
  edges: z.array(EdgeInfo).max(1_000),
  notes: z.array(z.string().max(1_000)).max(20),
  /** True when the diagram is redrawn after a change of the workspace: keep pan and zoom. */
  keepViewport: z.boolean(),
  /** In Impact mode: the legend's counts and the hop. */
  impact: ImpactInfo.optional(),
});
export type RenderDiagramMessage = z.infer<typeof RenderDiagramMessage>;

/** Host → webview: this view does not apply; say why instead of drawing. */
export const NotApplicableMessage = z.object({
  type: z.literal('notApplicable'),
  requestId: RequestId,
  state: PanelState,
  views: z.array(ViewChoice).max(10),
  reason: z.string().max(2_000),
});

/**
 * Host → webview: there is nothing to draw from (no folder open, or no analysis); say why and
 * offer the step that helps, as a button.
 */
export const NothingToDrawMessage = z.object({
  type: z.literal('nothingToDraw'),
  reason: z.string().max(2_000),
  action: z.object({ id: z.enum(['openFolder', 'analyze']), label: z.string().max(100) }).optional(),
});
export type NothingToDrawMessage = z.infer<typeof NothingToDrawMessage>;

export const ToWebviewMessage = z.discriminatedUnion('type', [
  RenderDiagramMessage,
  NotApplicableMessage,
  NothingToDrawMessage,
  CompareMessage,
]);
export type ToWebviewMessage = z.infer<typeof ToWebviewMessage>;

/** Webview → host: the webview's script is running and can take messages. */
export const ReadyMessage = z.object({ type: z.literal('ready') });

/** Webview → host: Mermaid produced an SVG. */
export const RenderedMessage = z.object({
  type: z.literal('rendered'),
  requestId: RequestId,
  svgLength: z.number().int().nonnegative(),
  nodeCount: z.number().int().nonnegative(),
  edgeCount: z.number().int().nonnegative(),
  /**
   * Measured on the drawing when it was fitted to the panel: the height of a node label on
   * screen at that zoom, and the editor's font size it should reach (CSS pixels).
   */
  labelPx: z.number().nonnegative().max(10_000).optional(),
  fontPx: z.number().positive().max(1_000).optional(),
});

/** Webview → host: Mermaid refused the text. */
export const RenderFailedMessage = z.object({
  type: z.literal('renderFailed'),
  requestId: RequestId,
  error: z.string().max(5_000),
});

/** Webview → host: the user picked another view. */
export const SelectViewMessage = z.object({ type: z.literal('selectView'), view: ViewId });

/** Webview → host: show the next level inside this node. */
export const ExpandNodeMessage = z.object({ type: z.literal('expandNode'), nodeId: Id });

/** Webview → host: go back to this step of the breadcrumb (0 = the top). */
export const NavigateMessage = z.object({
  type: z.literal('navigate'),
  step: z.number().int().nonnegative().max(200),
});

/** Webview → host: keep only what this node depends on (or what depends on it); `null` ends focus mode. */
export const SetFocusMessage = z.object({ type: z.literal('setFocus'), focus: Focus.nullable() });

/** Webview → host: reveal the folder or open the file of this node. */
export const OpenNodeMessage = z.object({ type: z.literal('openNode'), nodeId: Id });

/** Webview → host: the user pressed the button of a `nothingToDraw` message. */
export const RunActionMessage = z.object({
  type: z.literal('runAction'),
  action: z.enum(['openFolder', 'analyze']),
});

/** Webview → host: list the source locations behind this edge. */
export const ShowEdgeMessage = z.object({ type: z.literal('showEdge'), edgeId: Id });

/**
 * Webview → host: export the diagram. `copyMermaid` and `markdown` need no data (the host has
 * the text); `svg` carries the SVG, `png` a `data:image/png;base64,` URL.
 */
export const ExportMessage = z.discriminatedUnion('format', [
  z.object({ type: z.literal('export'), format: z.literal('copyMermaid') }),
  z.object({ type: z.literal('export'), format: z.literal('markdown') }),
  z.object({ type: z.literal('export'), format: z.literal('svg'), data: z.string().max(20_000_000) }),
  z.object({
    type: z.literal('export'),
    format: z.literal('png'),
    data: z
      .string()
      .max(40_000_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/),
  }),
]);
export type ExportMessage = z.infer<typeof ExportMessage>;

export const FromWebviewMessage = z.union([
  ReadyMessage,
  RenderedMessage,
  RenderFailedMessage,
  SelectViewMessage,
  ExpandNodeMessage,
  NavigateMessage,
  SetFocusMessage,
  OpenNodeMessage,
  ShowEdgeMessage,
  ExportMessage,
  RunActionMessage,
  SetImpactMessage,
  ShowCompareMessage,
]);
export type FromWebviewMessage = z.infer<typeof FromWebviewMessage>;

export type RenderedReport = z.infer<typeof RenderedMessage>;

/** Parses a message from the webview; `undefined` for anything that is not one of ours. */
export function parseFromWebview(data: unknown): FromWebviewMessage | undefined {
  const result = FromWebviewMessage.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Parses a message from the host; `undefined` for anything that is not one of ours. */
export function parseToWebview(data: unknown): ToWebviewMessage | undefined {
  const result = ToWebviewMessage.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Parses the state a webview saved (after a window reload); `undefined` when absent or not ours. */
export function parseWebviewState(data: unknown): WebviewState | undefined {
  const result = WebviewState.safeParse(data);
  return result.success ? result.data : undefined;
}
