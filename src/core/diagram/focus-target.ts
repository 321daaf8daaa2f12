import type {
  DiagramInput,
  DiagramModel,
  DiagramNode,
  DiagramState,
  DiagramViewId,
  FocusDirection,
} from './diagram-model';
import { isUnder } from './file-tree';
import { buildDiagram } from './view-registry';

/** Where a focus target landed: the view, the state that draws the node focused, and the node. */
export interface ResolvedFocus {
  readonly view: DiagramViewId;
  readonly state: DiagramState;
  readonly nodeId: string;
  /** False when the target itself is not drawn and the node is the nearest one holding it. */
  readonly exact: boolean;
}

/** How many nodes are expanded, at most, to reach a path nested deep in collapsed nodes. */
const MAX_EXPANSIONS = 12;

/**
 * Finds the diagram node for a focus target coming from elsewhere (a recommendation step, a
 * tree item): a node id (`unit:apps/api`, `dir:src/orders`), a relative path of a folder or
 * file, or a unit's name. Tries `views` in order; in each, expands the nodes holding the path
 * until the path itself is drawn (or nothing holding it can open), then focuses on the
 * deepest node found. `undefined` when no view draws anything holding the target.
 */
export function resolveFocusTarget(
  input: DiagramInput,
  target: string,
  views: readonly DiagramViewId[],
  direction: FocusDirection = 'dependencies',
): ResolvedFocus | undefined {
  const wanted = normalize(target);
  if (wanted === undefined) return undefined;
  // `dir:src/orders` from an expanded state names the path `src/orders` for the lookups.
  const asPath = wanted.replace(/^(?:dir|file|unit|units):/, '');
  let fallback: ResolvedFocus | undefined;
  let fallbackNode: DiagramNode | undefined;
  for (const view of views) {
    let expanded: string[] = [];
    for (let step = 0; step <= MAX_EXPANSIONS; step++) {
      const result = buildDiagram(view, input, { expanded });
      if (result.kind !== 'diagram') break;
      const exact = exactNode(result.model, wanted, asPath);
      const at = (nodeId: string, isExact: boolean): ResolvedFocus => ({
        view,
        state: { expanded, focus: { node: nodeId, direction } },
        nodeId,
        exact: isExact,
      });
      if (exact) return at(exact.id, true);
      const holder = holdingNode(result.model, asPath);
      // Only ever deeper: once the target's folder is open, the root holding it is no answer.
      if (!holder || (fallback?.view === view && depthOf(holder) <= depthOf(fallbackNode))) break;
      if (!holder.expandable || expanded.includes(holder.id)) {
        if (!fallback || depthOf(holder) > depthOf(fallbackNode)) fallback = at(holder.id, false);
        break;
      }
      fallback = at(holder.id, false);
      fallbackNode = holder;
      expanded = [...expanded, holder.id];
    }
  }
  return fallback;
}

/** The target as a relative POSIX path or id, without `./` and trailing slashes. */
function normalize(target: string): string | undefined {
  const trimmed = target
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' ? undefined : trimmed;
}

/** A node whose id, path or (for units and services) label is the target. */
function exactNode(model: DiagramModel, wanted: string, asPath: string): DiagramNode | undefined {
  return (
    model.nodes.find((node) => node.id === wanted) ??
    model.nodes.find(
      (node) => node.kind !== 'more' && node.path !== undefined && samePath(node.path, asPath),
    ) ??
    model.nodes.find(
      (node) =>
        (node.kind === 'deployable' ||
          node.kind === 'function' ||
          node.kind === 'module' ||
          node.kind === 'service') &&
        node.label === wanted,
    )
  );
}

/** The drawn node with the deepest path holding the target path (a `more` node counts last). */
function holdingNode(model: DiagramModel, wanted: string): DiagramNode | undefined {
  let best: DiagramNode | undefined;
  let bestDepth = -1;
  for (const node of model.nodes) {
    if (node.path === undefined) continue;
    const path = node.path === '.' ? '' : node.path;
    if (!isUnder(wanted, path)) continue;
    const depth = (node.kind === 'more' ? 0 : 1) + (path === '' ? 0 : path.split('/').length * 2);
    if (depth > bestDepth) {
      best = node;
      bestDepth = depth;
    }
  }
  return best;
}

/** Path depth of a node (-1 without one): deeper holders are nearer the target. */
function depthOf(node: DiagramNode | undefined): number {
  if (node?.path === undefined) return -1;
  return node.path === '.' || node.path === '' ? 0 : node.path.split('/').length;
}

function samePath(path: string, wanted: string): boolean {
  return (path === '.' ? '' : path) === wanted;
}
