import { MIN_MEANINGFUL_NODES, type DiagramState } from '../../core/diagram';

/** Said under a drawing the panel collapsed further so that its labels read at the panel's size. */
const COLLAPSED_TO_READ =
  'Collapsed further to read at this panel size: double-click a node to expand it, or widen the panel and pick the view again.';
/** Said when collapsing further would have folded the view into too few nodes (nextReadableStep). */
const KEPT_AT_FLOOR = `Not collapsed further: that would leave fewer than ${MIN_MEANINGFUL_NODES} nodes of their own. Zoom in, focus on a node, double-click one to expand it, or widen the panel and pick the view again.`;

/** The notes a drawing gets for what the panel did so that it reads at the panel's size. */
export function readabilityNotes(state: DiagramState): string[] {
  // The floor note says the last word: the view may have been collapsed some way before it.
  if (state.maxEdges !== undefined) return [KEPT_AT_FLOOR];
  return state.maxNodes !== undefined ? [COLLAPSED_TO_READ] : [];
}

/** Below this many nodes a view is not collapsed further for readability: there is little left to fold. */
export const MIN_READABLE_NODES = 6;
/** How many times one drawing is collapsed further before it is shown as it is. */
export const MAX_READABILITY_STEPS = 6;

/**
 * The node budget to draw again with when a drawing of `nodes` nodes showed its labels
 * `labelPx` tall at fit, below the editor's `fontPx`; `undefined` when it reads, or when it is too
 * small to collapse. A drawing's extent grows about with the square root of its node count, so
 * the labels grow with (nodes / next)^½: the budget shrinks by the square of the shortfall, by a
 * quarter at least.
 */
export function nextReadableBudget(nodes: number, labelPx: number, fontPx: number): number | undefined {
  if (labelPx >= fontPx || nodes <= MIN_READABLE_NODES) return undefined;
  const ratio = Math.max(0.05, labelPx / fontPx);
  return Math.max(MIN_READABLE_NODES, Math.min(Math.floor(nodes * 0.75), Math.floor(nodes * ratio * ratio)));
}
