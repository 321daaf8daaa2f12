import { mermaidLabel, nodeId } from '../report/mermaid-text';
import type { DiagramEdge, DiagramModel, DiagramNodeKind } from './diagram-model';

/**
 * Above these sizes the text asks Mermaid for the ELK layout (registered by the webview).
 * Measured in the webview (bench/render-bench.mjs and a 43-node subset of the 10k workspace):
 * at 43 nodes ELK cost as much as dagre with 65 edges and a third more with 160, so dagre
 * draws every readable diagram and ELK only the wide ones, where dagre's layering sprawls.
 */
export const ELK_NODE_THRESHOLD = 60;
export const ELK_EDGE_THRESHOLD = 160;

/** Longest label drawn; the full text stays in the node's tooltip. */
export const MAX_LABEL_LENGTH = 60;

// Deployables are rounded rectangles, not stadiums: Mermaid draws a rectangle as a plain SVG rect
// but a stadium through rough.js paths, ~10 ms a node (half the overview's render time at 10k).
const SHAPES: Readonly<Record<DiagramNodeKind, readonly [string, string]>> = {
  deployable: ['(', ')'],
  service: ['(', ')'],
  function: ['[/', '/]'],
  module: ['[', ']'],
  package: ['[[', ']]'],
  folder: ['[', ']'],
  file: ['(', ')'],
  more: ['[', ']'],
  database: ['[(', ')]'],
  store: ['[(', ')]'],
  cache: ['[(', ')]'],
  'read-model': ['[/', '\\]'],
  broker: ['{{', '}}'],
  'external-api': ['[\\', '/]'],
  topic: ['>', ']'],
  command: ['[/', '/]'],
  query: ['[\\', '\\]'],
  handler: ['[[', ']]'],
};

/** Stroke colours chosen to read on light, dark and high-contrast themes; fills stay the theme's. */
const CLASS_DEFS: Readonly<Record<DiagramNodeKind, string>> = {
  deployable: 'stroke:#2f81f7,stroke-width:2px',
  service: 'stroke:#2f81f7,stroke-width:2px',
  function: 'stroke:#d29922,stroke-width:2px',
  module: 'stroke:#3fb950,stroke-width:2px',
  package: 'stroke:#2f81f7,stroke-width:1.5px',
  folder: 'stroke:#8b949e,stroke-width:1px',
  file: 'stroke:#8b949e,stroke-width:1px',
  more: 'stroke:#8b949e,stroke-width:1px,stroke-dasharray:4 3',
  database: 'stroke:#a371f7,stroke-width:2px',
  store: 'stroke:#a371f7,stroke-width:2px',
  cache: 'stroke:#db61a2,stroke-width:2px',
  'read-model': 'stroke:#3fb950,stroke-width:2px',
  broker: 'stroke:#f0883e,stroke-width:2px',
  'external-api': 'stroke:#39c5cf,stroke-width:2px,stroke-dasharray:6 3',
  topic: 'stroke:#f0883e,stroke-width:1.5px',
  command: 'stroke:#f85149,stroke-width:1.5px',
  query: 'stroke:#2f81f7,stroke-width:1.5px',
  handler: 'stroke:#8b949e,stroke-width:1.5px',
};

const VIOLATION_STYLE = 'stroke:#f85149,stroke-width:2.5px';
const INWARD_STYLE = 'stroke:#3fb950,stroke-width:2px';

/** Mermaid ids of a model: node `i` is `n<i>`, edge `i` is `e<i>` (webview maps them back). */
export function mermaidNodeIds(model: DiagramModel): Map<string, string> {
  return new Map(model.nodes.map((node, index) => [node.id, nodeId(index)]));
}

/** `e<i>`: the Mermaid id of the `index`-th edge. */
export function edgeMermaidId(index: number): string {
  return `e${index}`;
}

/**
 * ELK for large graphs and for any graph with groups (dagre stacks subgraphs side by side and
 * routes edges through them); dagre, which lays out a flat graph ~0.6 s sooner, for the rest.
 */
export function usesElk(model: DiagramModel): boolean {
  return (
    model.nodes.length > ELK_NODE_THRESHOLD ||
    model.edges.length > ELK_EDGE_THRESHOLD ||
    model.groups.length > 0
  );
}

/**
 * The Mermaid flowchart of a diagram model. Deterministic; every label escaped; node and edge
 * ids generated (never taken from file names); ELK layout front-matter for large graphs; no
 * Mermaid limit is raised.
 */
export function toMermaid(model: DiagramModel): string {
  const ids = mermaidNodeIds(model);
  const lines: string[] = [];
  if (usesElk(model)) lines.push('---', 'config:', '  layout: elk', '---');
  lines.push(`flowchart ${model.direction}`);
  const usedKinds = new Set<DiagramNodeKind>();
  const nodeLine = (index: number, indent: string): string => {
    const node = model.nodes[index];
    if (!node) return '';
    usedKinds.add(node.kind);
    const [open, close] = SHAPES[node.kind];
    return `${indent}${nodeId(index)}${open}${mermaidLabel(shorten(node.label))}${close}:::${className(node.kind)}`;
  };
  const grouped = new Set<number>();
  model.groups.forEach((group, groupIndex) => {
    const members = model.nodes.flatMap((node, index) => (node.group === group.id ? [index] : []));
    if (members.length === 0) return;
    lines.push(`  subgraph g${groupIndex}[${mermaidLabel(shorten(group.label))}]`);
    for (const index of members) {
      lines.push(nodeLine(index, '    '));
      grouped.add(index);
    }
    lines.push('  end');
  });
  model.nodes.forEach((_, index) => {
    if (!grouped.has(index)) lines.push(nodeLine(index, '  '));
  });
  const violations: number[] = [];
  const inward: number[] = [];
  // linkStyle counts the links as written: an edge left out (an end not drawn) takes no number.
  let written = 0;
  model.edges.forEach((edge, index) => {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) return;
    lines.push(
      `  ${from} ${edgeMermaidId(index)}@${arrow(edge)}|${mermaidLabel(edge.label ?? String(edge.count))}| ${to}`,
    );
    if (edge.violation || edge.style === 'outward') violations.push(written);
    else if (edge.style === 'inward') inward.push(written);
    written++;
  });
  for (const kind of [...usedKinds].sort()) lines.push(`  classDef ${className(kind)} ${CLASS_DEFS[kind]}`);
  if (violations.length > 0) lines.push(`  linkStyle ${violations.join(',')} ${VIOLATION_STYLE}`);
  if (inward.length > 0) lines.push(`  linkStyle ${inward.join(',')} ${INWARD_STYLE}`);
  return lines.join('\n') + '\n';
}

function arrow(edge: DiagramEdge): string {
  switch (edge.style) {
    case 'inward':
      return '==>';
    case 'outward':
    case 'async':
      return '-.->';
    case 'normal':
      return edge.violation ? '-.->' : '-->';
  }
}

function shorten(label: string): string {
  const chars = [...label];
  return chars.length <= MAX_LABEL_LENGTH
    ? label
    : '…' + chars.slice(chars.length - MAX_LABEL_LENGTH + 1).join('');
}

/** Mermaid class names: the kind with `-` as `_` (`read-model` → `read_model`). */
function className(kind: DiagramNodeKind): string {
  return kind.replace(/-/g, '_');
}
