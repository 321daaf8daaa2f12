import type { DiagramEdge, DiagramModel, DiagramState } from './diagram-model';

/**
 * The most edges a view drawn from the top (nothing expanded, no focus) shows: past this a
 * layered drawing turns to spaghetti, and the layout cost grows with the edges (see bench).
 */
export const READABLE_DEFAULT_EDGES = 80;
/** The most edges an expanded or focused state shows (Mermaid's own 500 stays the hard cap). */
export const READABLE_EXPANDED_EDGES = 160;
/** Edges per node budgeted from the node count, before the caps above. */
const EDGES_PER_NODE = 1.5;
/** Below this many edges nothing is hidden: a small diagram reads fine in full. */
const MIN_READABLE_EDGES = 40;
/** How many of each node's strongest outgoing and incoming edges come before any other edge. */
export const STRONGEST_PER_NODE = 2;

/** The readable edge budget of a diagram with `nodeCount` nodes in `state`. */
export function readableEdgeBudget(nodeCount: number, state: DiagramState): number {
  const cap =
    state.expanded.length === 0 && state.focus === undefined
      ? READABLE_DEFAULT_EDGES
      : READABLE_EXPANDED_EDGES;
  return Math.min(cap, Math.max(MIN_READABLE_EDGES, Math.ceil(nodeCount * EDGES_PER_NODE)));
}

/**
 * Keeps at most `budget` edges, choosing the ones that carry the structure: violations and the
 * focused node's edges first, then each node's strongest outgoing and incoming edges (so no
 * node looks unconnected), edges not implied by a two-step path before implied ones (a partial
 * transitive reduction), heavier before lighter. Adds a note saying how many were hidden. Node
 * tooltips keep the full counts; the model's other fields are unchanged. Deterministic.
 */
export function keepReadableEdges(model: DiagramModel, budget: number, focusNode?: string): DiagramModel {
  if (model.edges.length <= budget) return model;
  const outRank = strengthRanks(model.edges, (edge) => edge.from);
  const inRank = strengthRanks(model.edges, (edge) => edge.to);
  const implied = impliedEdges(model.edges);
  const scored = model.edges.map((edge, index) => {
    const pinned =
      edge.violation === true ||
      (focusNode !== undefined && (edge.from === focusNode || edge.to === focusNode));
    const rank = Math.min(outRank.get(edge) ?? Infinity, inRank.get(edge) ?? Infinity);
    return {
      edge,
      index,
      key: [
        pinned ? 0 : 1,
        Math.min(rank, STRONGEST_PER_NODE),
        implied.has(edge) ? 1 : 0,
        -edge.count,
      ] as const,
    };
  });
  scored.sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
  // Pinned edges first, then one edge for each node not yet touched, then the rest in order.
  const kept = new Set<DiagramEdge>();
  const covered = new Set<string>();
  const take = (edge: DiagramEdge): void => {
    if (kept.size >= budget || kept.has(edge)) return;
    kept.add(edge);
    covered.add(edge.from);
    covered.add(edge.to);
  };
  for (const entry of scored) if (entry.key[0] === 0) take(entry.edge);
  for (const entry of scored)
    if (!covered.has(entry.edge.from) || !covered.has(entry.edge.to)) take(entry.edge);
  for (const entry of scored) take(entry.edge);
  // A second pass (the readable budget after Mermaid's) counts what the first one hid.
  const hidden = (model.hiddenEdges ?? 0) + model.edges.length - kept.size;
  const noun = model.view === 'events' || model.view === 'cqrs' ? 'links' : 'dependencies';
  const note =
    `${READABLE_NOTE_PREFIX}${kept.size} strongest of ${kept.size + hidden} ${noun}; ${hidden} lighter ones hidden ` +
    `(each node keeps its strongest). Expand a node or focus on it to see its own edges.`;
  return {
    ...model,
    edges: model.edges.filter((edge) => kept.has(edge)),
    notes: [...model.notes.filter((n) => !n.startsWith(READABLE_NOTE_PREFIX)), note],
    hiddenEdges: hidden,
  };
}

const READABLE_NOTE_PREFIX = 'Showing the ';

/** Applies {@link keepReadableEdges} with the budget of `state`. */
export function readable(model: DiagramModel, state: DiagramState): DiagramModel {
  const focus = state.focus?.node;
  return keepReadableEdges(
    model,
    Math.min(readableEdgeBudget(model.nodes.length, state), state.maxEdges ?? Infinity),
    focus !== undefined && model.nodes.some((node) => node.id === focus) ? focus : undefined,
  );
}

/** For each edge, its 0-based rank by weight among the edges sharing its `end` node. */
function strengthRanks(
  edges: readonly DiagramEdge[],
  end: (edge: DiagramEdge) => string,
): Map<DiagramEdge, number> {
  const byNode = new Map<string, DiagramEdge[]>();
  for (const edge of edges) byNode.set(end(edge), [...(byNode.get(end(edge)) ?? []), edge]);
  const ranks = new Map<DiagramEdge, number>();
  for (const list of byNode.values()) {
    [...list]
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .forEach((edge, rank) => ranks.set(edge, rank));
  }
  return ranks;
}

/** Edges `a → c` for which some `a → b → c` exists: the drawing still shows that `a` reaches `c`. */
function impliedEdges(edges: readonly DiagramEdge[]): Set<DiagramEdge> {
  const targets = new Map<string, Set<string>>();
  for (const edge of edges) {
    let set = targets.get(edge.from);
    if (!set) targets.set(edge.from, (set = new Set()));
    set.add(edge.to);
  }
  const implied = new Set<DiagramEdge>();
  for (const edge of edges) {
    for (const middle of targets.get(edge.from) ?? []) {
      if (middle !== edge.to && targets.get(middle)?.has(edge.to)) {
        implied.add(edge);
        break;
      }
    }
  }
  return implied;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
