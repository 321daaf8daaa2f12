import type { DiagramModel, DiagramState } from './diagram-model';

/**
 * Keeps the focused node and what it reaches along its dependencies (or its dependents),
 * transitively; without a focus, or with a focus on a node that is not drawn, the model as is.
 */
export function applyFocus(model: DiagramModel, focus: DiagramState['focus']): DiagramModel {
  if (!focus || !model.nodes.some((node) => node.id === focus.node)) return model;
  const next = new Map<string, string[]>();
  for (const edge of model.edges) {
    const [from, to] = focus.direction === 'dependencies' ? [edge.from, edge.to] : [edge.to, edge.from];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const kept = new Set([focus.node]);
  const queue = [focus.node];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next.get(id) ?? []) {
      if (!kept.has(to)) {
        kept.add(to);
        queue.push(to);
      }
    }
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
    notes: [...model.notes, `Focus: ${focus.direction} of ${label}.`],
  };
}
