import type { DetectionResult, FileSymbols, WorkspaceModel } from '../model';
import type { EdgeViolation, ViolationMarks } from './rule-marks';

/**
 * The diagram model: what a view draws, before it becomes Mermaid text. Views are pure
 * functions `(input, state) → DiagramResult`; `toMermaid` turns the model into text.
 */

/** The five views of the diagram panel and of `archlens diagram --view`. */
export const DIAGRAM_VIEW_IDS = ['overview', 'layers', 'events', 'cqrs', 'deps'] as const;
export type DiagramViewId = (typeof DIAGRAM_VIEW_IDS)[number];

/** What a node stands for; decides its shape and colour. */
export type DiagramNodeKind =
  | 'deployable'
  | 'function'
  | 'module'
  | 'package'
  | 'folder'
  | 'file'
  | 'more'
  | 'database'
  | 'cache'
  | 'broker'
  | 'external-api'
  | 'topic'
  | 'service'
  | 'command'
  | 'query'
  | 'handler'
  | 'read-model'
  | 'store';

/** One place in the source behind an edge (an import, a publish call …). */
export interface SourceLocation {
  /** Relative POSIX path. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column?: number;
  /** What is written there: the import specifier, the called topic … */
  readonly text: string;
}

export interface DiagramNode {
  /** Stable id (`dir:src/orders`, `file:src/a.ts`, `unit:orders`, `topic:orders.created`); used by `expanded` and `focus`. */
  readonly id: string;
  readonly label: string;
  readonly kind: DiagramNodeKind;
  /** The folder or file it stands for, relative to the root, when it has one. */
  readonly path?: string;
  /** Whether expanding it shows a next level. */
  readonly expandable: boolean;
  /** The group (Mermaid subgraph) it is drawn in, when any. */
  readonly group?: string;
  /** A sentence for the tooltip: counts and what the node contains. */
  readonly detail: string;
  /**
   * In focus mode: the focused node, a node it links to directly (in the focus direction), or one
   * reached only through others. Drawn apart, so the focus shows.
   */
  readonly emphasis?: 'focus' | 'near' | 'far';
}

/** How an edge is drawn: `inward`/`outward` for layers, `async` for messages. */
export type DiagramEdgeStyle = 'normal' | 'inward' | 'outward' | 'async';

export interface DiagramEdge {
  /** `from→to` node ids. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** How many imports (or calls) the edge stands for. */
  readonly count: number;
  /** The label drawn on the edge; the count when not given. */
  readonly label?: string;
  readonly style: DiagramEdgeStyle;
  /** Drawn as a broken rule: an outward layer edge, or one holding imports in `violations`. */
  readonly violation?: boolean;
  /** The first locations behind the edge (at most {@link MAX_EDGE_LOCATIONS}). */
  readonly locations: readonly SourceLocation[];
  /** The imports behind the edge that break boundary rules, each with its rule (at most {@link MAX_EDGE_LOCATIONS}). */
  readonly violations?: readonly EdgeViolation[];
}

/** The most source locations an edge keeps (the quick pick shows these). */
export const MAX_EDGE_LOCATIONS = 200;

/** A Mermaid subgraph: a ring of the layers view, a broker of the events view. */
export interface DiagramGroup {
  readonly id: string;
  readonly label: string;
}

/** One step of the breadcrumb: its label and the `expanded` list that shows it. */
export interface BreadcrumbStep {
  readonly label: string;
  readonly expanded: readonly string[];
}

export interface DiagramModel {
  readonly view: DiagramViewId;
  readonly title: string;
  readonly direction: 'LR' | 'TB';
  readonly groups: readonly DiagramGroup[];
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly breadcrumb: readonly BreadcrumbStep[];
  /** Said under the diagram: what was collapsed or left out to fit. */
  readonly notes: readonly string[];
  /** How many edges were left out to keep it readable (see `keepReadableEdges`). */
  readonly hiddenEdges?: number;
}

/** A view either draws a diagram or says why it does not apply. */
export type DiagramResult =
  | { readonly kind: 'diagram'; readonly model: DiagramModel }
  | { readonly kind: 'not-applicable'; readonly view: DiagramViewId; readonly reason: string };

export type FocusDirection = 'dependencies' | 'dependents';

/** What the user changed: expanded node ids (in order) and an optional focus. */
export interface DiagramState {
  readonly expanded: readonly string[];
  readonly focus?: { readonly node: string; readonly direction: FocusDirection };
  /**
   * The most nodes the view may draw before it collapses further (the default budget when not
   * given). The panel lowers it when the drawing's labels come out smaller than the editor's
   * font at the panel's size.
   */
  readonly maxNodes?: number;
  /**
   * The most edges the view may draw (below the readable budget): the panel lowers it when
   * collapsing further would fold the view into too few nodes to say anything.
   */
  readonly maxEdges?: number;
}

export const INITIAL_STATE: DiagramState = { expanded: [] };

/** What every view reads. `detection` and `symbols` are optional: views fall back to the model alone. */
export interface DiagramInput {
  readonly model: WorkspaceModel;
  readonly detection?: DetectionResult;
  /** Declarations and calls of one file (relative path), read on demand; `undefined` when unreadable. */
  readonly symbols?: (relPath: string) => FileSymbols | undefined;
  /** The imports that break boundary rules (`violationMarks` of the rule report): their edges are drawn red. */
  readonly violations?: ViolationMarks;
}
