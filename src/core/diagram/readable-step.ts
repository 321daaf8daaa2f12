import type { DiagramInput, DiagramModel, DiagramState, DiagramViewId } from './diagram-model';
import { buildDiagram } from './view-registry';

/**
 * The fewest nodes that stand for something of their own (not a group such as `packages/* (24)`
 * or `… 12 more`) a view keeps when it is collapsed further to read at the panel's size: below
 * this it says nothing about the workspace, however large its labels.
 */
export const MIN_MEANINGFUL_NODES = 8;
/** Each edge-pruning step keeps this share of the edges drawn. */
const EDGE_SHARE_PER_STEP = 0.6;

/** Nodes that stand for one unit, folder, file or element: not a group of several, not a "more" node. */
export function meaningfulNodeCount(model: DiagramModel): number {
  return model.nodes.filter((node) => node.kind !== 'more' && !node.id.startsWith('units:')).length;
}

/** The state to draw next so that the labels read, and what it costs. */
export type ReadableStep =
  | { readonly kind: 'collapse'; readonly state: DiagramState; readonly model: DiagramModel }
  | { readonly kind: 'prune-edges'; readonly state: DiagramState; readonly model: DiagramModel };

/**
 * The next step when `current` (drawn in `state`) reads too small at the panel's size and the
 * panel asks for at most `budget` nodes. The smallest collapse (at `budget`, or at a larger
 * budget when that one folds too much) that draws fewer nodes and keeps at least
 * {@link MIN_MEANINGFUL_NODES} meaningful ones (or all `current` had) is taken; otherwise the lighter edges are dropped instead (each node keeps its strongest), which
 * untangles the drawing without folding it into groups. `undefined` when neither helps. Pure.
 */
export function nextReadableStep(
  view: DiagramViewId,
  input: DiagramInput,
  state: DiagramState,
  current: DiagramModel,
  budget: number,
): ReadableStep | undefined {
  const floor = Math.min(MIN_MEANINGFUL_NODES, meaningfulNodeCount(current));
  // The budget asked for first, then larger ones (a quarter more each time) up to the nodes drawn:
  // the smallest collapse that keeps the floor.
  for (
    let tried = Math.max(2, budget);
    tried < current.nodes.length;
    tried = Math.max(tried + 1, Math.floor(tried * 1.25))
  ) {
    const collapsedState: DiagramState = { ...state, maxNodes: tried };
    const collapsed = buildDiagram(view, input, collapsedState);
    if (
      collapsed.kind === 'diagram' &&
      collapsed.model.nodes.length < current.nodes.length &&
      meaningfulNodeCount(collapsed.model) >= floor
    )
      return { kind: 'collapse', state: collapsedState, model: collapsed.model };
  }
  // A tree over the nodes needs nodes − 1 edges; fewer would leave nodes unconnected.
  const edges = Math.max(current.nodes.length - 1, Math.floor(current.edges.length * EDGE_SHARE_PER_STEP));
  if (edges >= current.edges.length) return undefined;
  const prunedState: DiagramState = { ...state, maxEdges: edges };
  const pruned = buildDiagram(view, input, prunedState);
  if (pruned.kind !== 'diagram' || pruned.model.edges.length >= current.edges.length) return undefined;
  return { kind: 'prune-edges', state: prunedState, model: pruned.model };
}
