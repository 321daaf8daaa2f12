import type { DiagramModel, DiagramState } from './diagram-model';

/**
 * How many hops from the focused node stay drawn: its direct neighbours and theirs. Further nodes
 * are left out (with a note), so that focusing on a node of a large, connected view draws its
 * neighbourhood and not again almost the whole view.
 */
export const FOCUS_HOPS = 2;

/**
 * Keeps the focused node and what it reaches along its dependencies (or its dependents) within
 * {@link FOCUS_HOPS} hops; without a focus, or with a focus on a node that is not drawn, the
 * model as is.
 */
export function applyFocus(model: DiagramModel, focus: DiagramState['focus']): DiagramModel {
  if (!focus || !model.nodes.some((node) => node.id === focus.node)) return model;
  const next = new Map<string, string[]>();
  for (const edge of model.edges) {
    const [from, to] = focus.direction === 'dependencies' ? [edge.from, edge.to] : [edge.to, edge.from];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const hops = new Map([[focus.node, 0]]);
  const queue = [focus.node];
  let further = 0;
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const hop = hops.get(id) ?? 0;
    for (const to of next.get(id) ?? []) {
      if (hops.has(to)) continue;
      hops.set(to, hop + 1);
      queue.push(to);
    }
  }
  const kept = new Set<string>();
  for (const [id, hop] of hops) {
    if (hop <= FOCUS_HOPS) kept.add(id);
    else further++;
  }
  const label = model.nodes.find((node) => node.id === focus.node)?.label ?? focus.node;
  const near = new Set(next.get(focus.node) ?? []);
  const emphasisOf = (id: string): 'focus' | 'near' | 'far' =>
    id === focus.node ? 'focus' : near.has(id) ? 'near' : 'far';
  return {
    ...model,
    nodes: model.nodes
      .filter((node) => kept.has(node.id))
      .map((node) => ({ ...node, emphasis: emphasisOf(node.id) })),
    edges: model.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    notes: [
      ...model.notes,
      `Focus: ${focus.direction} of ${label}, ${FOCUS_HOPS} steps deep.` +
        (further > 0
          ? ` ${further} nodes further away are not drawn: focus on one of the outermost to follow.`
          : ''),
    ],
  };
}
