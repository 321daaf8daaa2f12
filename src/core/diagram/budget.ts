import type { DiagramModel } from './diagram-model';
import { keepReadableEdges } from './readable-edges';
import { toMermaid } from './to-mermaid';

/** Mermaid's default `maxEdges`: more edges and it refuses to draw. Never raised. */
export const MERMAID_MAX_EDGES = 500;
/** Mermaid's default `maxTextSize` in characters. Never raised. */
export const MERMAID_MAX_TEXT = 50_000;
/** How many nodes a view starts from before the budget collapses further. */
export const DEFAULT_MAX_NODES = 60;

/** Whether Mermaid with its default config draws this model. */
export function fitsMermaidDefaults(model: DiagramModel): boolean {
  return model.edges.length <= MERMAID_MAX_EDGES && toMermaid(model).length <= MERMAID_MAX_TEXT;
}

/**
 * Builds the model with fewer and fewer nodes until it fits Mermaid's defaults: `build(maxNodes)`
 * must collapse more for a smaller `maxNodes`. Too many edges alone do not collapse nodes: the
 * strongest 500 are kept (each node keeps its strongest, with a note), since nodes say more than
 * the lightest edges. If even the smallest build is too big (a view that cannot collapse
 * further), the lightest edges and then the last nodes are left out, with a note, so the result
 * always fits.
 */
export function fitToBudget(
  build: (maxNodes: number) => DiagramModel,
  start: number = DEFAULT_MAX_NODES,
): DiagramModel {
  const strongest = (m: DiagramModel): DiagramModel => keepReadableEdges(m, MERMAID_MAX_EDGES);
  let maxNodes = start;
  let model = strongest(build(maxNodes));
  while (!fitsMermaidDefaults(model) && maxNodes > 2) {
    maxNodes = Math.max(2, Math.floor(maxNodes * 0.75));
    model = strongest(build(maxNodes));
  }
  return fitsMermaidDefaults(model) ? model : trimToFit(model);
}

function trimToFit(model: DiagramModel): DiagramModel {
  const byWeight = [...model.edges].sort((a, b) => b.count - a.count);
  let keep = Math.min(byWeight.length, MERMAID_MAX_EDGES);
  let trimmed = withEdges(model, byWeight.slice(0, keep));
  while (!fitsMermaidDefaults(trimmed) && keep > 0) {
    keep = Math.floor(keep / 2);
    trimmed = withEdges(model, byWeight.slice(0, keep));
  }
  let nodes = trimmed.nodes.length;
  while (!fitsMermaidDefaults(trimmed) && nodes > 0) {
    nodes = Math.floor(nodes / 2);
    const kept = new Set(trimmed.nodes.slice(0, nodes).map((node) => node.id));
    trimmed = {
      ...trimmed,
      nodes: trimmed.nodes.filter((node) => kept.has(node.id)),
      edges: trimmed.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    };
  }
  const left = model.edges.length - trimmed.edges.length;
  const leftNodes = model.nodes.length - trimmed.nodes.length;
  const note = `Too large to draw in full: ${left} lighter edges${leftNodes > 0 ? ` and ${leftNodes} nodes` : ''} left out.`;
  return { ...trimmed, notes: [...trimmed.notes, note] };
}

function withEdges(model: DiagramModel, edges: DiagramModel['edges']): DiagramModel {
  const kept = new Set(edges);
  return { ...model, edges: model.edges.filter((edge) => kept.has(edge)) };
}
