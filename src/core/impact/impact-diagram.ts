import type { DiagramModel, DiagramNode } from '../diagram/diagram-model';
import { isUnder } from '../diagram/file-tree';
import { mermaidNodeIds, toMermaid } from '../diagram/to-mermaid';
import type { ImpactResult } from './types';

/** How a drawn node fares when the target fails, as far as the cascade has gone. */
export type ImpactPaint = 'failing' | 'fails' | 'degrades' | 'build-time' | 'unaffected';

export interface ImpactNodeState {
  readonly paint: ImpactPaint;
  /** The hop at which the node is first reached (0 for the failing node). */
  readonly hops: number;
  /** Files of the node the cascade reached, by effect. */
  readonly fails: number;
  readonly degrades: number;
  readonly buildTime: number;
}

const RANK: Readonly<Record<ImpactPaint, number>> = {
  failing: 0,
  fails: 1,
  degrades: 2,
  'build-time': 3,
  unaffected: 4,
};

/**
 * Paints the nodes of a drawn diagram with the impact, up to `upToHop` hops (all when not
 * given): each file counts in the deepest drawn node holding it; a node holding a target file
 * is `failing`, else it takes the worst effect among its files; backing services are
 * `failing` when they are the target. Topic and other nodes without a path stay `unaffected`.
 */
export function impactStates(
  diagram: DiagramModel,
  impact: ImpactResult,
  upToHop: number = impact.maxHops,
): Map<string, ImpactNodeState> {
  const states = new Map<
    string,
    { paint: ImpactPaint; hops: number; fails: number; degrades: number; buildTime: number }
  >();
  for (const node of diagram.nodes)
    states.set(node.id, { paint: 'unaffected', hops: Infinity, fails: 0, degrades: 0, buildTime: 0 });
  const holders = diagram.nodes.filter((node) => node.path !== undefined && !node.id.startsWith('backing:'));
  const ownerOf = deepestHolder(holders);
  const mark = (nodeId: string | undefined, paint: ImpactPaint, hops: number): void => {
    const state = nodeId === undefined ? undefined : states.get(nodeId);
    if (!state) return;
    if (paint === 'fails') state.fails++;
    else if (paint === 'degrades') state.degrades++;
    else if (paint === 'build-time') state.buildTime++;
    if (RANK[paint] < RANK[state.paint]) state.paint = paint;
    state.hops = Math.min(state.hops, hops);
  };
  for (const file of impact.target.files) mark(ownerOf(file), 'failing', 0);
  if (impact.target.kind === 'backing')
    for (const node of diagram.nodes)
      if (node.id === impact.target.id || backingMatches(node, impact.target.id)) mark(node.id, 'failing', 0);
  for (const dependent of impact.dependents) {
    if (dependent.hops > upToHop) continue;
    const paint =
      dependent.effect === 'fails' ? 'fails' : dependent.effect === 'degrades' ? 'degrades' : 'build-time';
    mark(ownerOf(dependent.file), paint, dependent.hops);
  }
  return new Map(
    [...states].map(([id, s]) => [id, { ...s, hops: Number.isFinite(s.hops) ? s.hops : -1 }] as const),
  );
}

/** `backing:postgres` (by product) matches a drawn compose service of that product. */
function backingMatches(node: DiagramNode, targetId: string): boolean {
  return (
    node.id.startsWith('backing:') &&
    targetId.startsWith('backing:') &&
    node.label.toLowerCase().includes(targetId.slice(8))
  );
}

function deepestHolder(holders: readonly DiagramNode[]): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let best: DiagramNode | undefined;
    let bestLength = -1;
    for (const node of holders) {
      const path = node.path === '.' ? '' : (node.path ?? '');
      if (path !== file && !isUnder(file, path)) continue;
      const length = path.length + (node.kind === 'more' ? 0 : 0.5);
      if (length > bestLength) {
        best = node;
        bestLength = length;
      }
    }
    cache.set(file, best?.id);
    return best?.id;
  };
}

/** Fills chosen to read on light, dark and high-contrast themes. */
export const IMPACT_CLASS_DEFS: Readonly<Record<ImpactPaint, string>> = {
  failing: 'fill:#f85149,stroke:#f85149,stroke-width:3px,color:#ffffff',
  fails: 'fill:#f8514940,stroke:#f85149,stroke-width:2.5px',
  degrades: 'fill:#d2992240,stroke:#d29922,stroke-width:2.5px',
  'build-time': 'stroke:#8b949e,stroke-width:1.5px,stroke-dasharray:3 3',
  unaffected: 'opacity:0.35',
};

const CASCADE_EDGE = {
  fails: 'stroke:#f85149,stroke-width:2.5px',
  degrades: 'stroke:#d29922,stroke-width:2.5px',
  other: 'stroke-opacity:0.3',
} as const;

/** The diagram's Mermaid text with every node painted by its impact (`impact_<paint>` classes). */
export function impactMermaid(diagram: DiagramModel, states: ReadonlyMap<string, ImpactNodeState>): string {
  const ids = mermaidNodeIds(diagram);
  const byPaint = new Map<ImpactPaint, string[]>();
  for (const node of diagram.nodes) {
    const paint = states.get(node.id)?.paint ?? 'unaffected';
    const id = ids.get(node.id);
    if (id !== undefined) push(byPaint, paint, id);
  }
  const lines = [toMermaid(diagram).trimEnd()];
  for (const [paint, members] of [...byPaint].sort(([a], [b]) => RANK[a] - RANK[b])) {
    lines.push(`  classDef impact_${paint.replace('-', '_')} ${IMPACT_CLASS_DEFS[paint]}`);
    lines.push(`  class ${members.join(',')} impact_${paint.replace('-', '_')}`);
  }
  // Edges point from a dependent to what it needs: along the cascade they take its colour.
  const byStyle = new Map<string, number[]>();
  diagram.edges.forEach((edge, index) => {
    const from = states.get(edge.from)?.paint ?? 'unaffected';
    const to = states.get(edge.to)?.paint ?? 'unaffected';
    const failed = to === 'failing' || to === 'fails';
    // A failing dependent that needs a merely degraded node did not fail through that edge.
    const style =
      failed && from === 'fails'
        ? CASCADE_EDGE.fails
        : (failed || to === 'degrades') && from === 'degrades'
          ? CASCADE_EDGE.degrades
          : CASCADE_EDGE.other;
    push(byStyle, style, index);
  });
  for (const [style, indexes] of byStyle) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  return lines.join('\n') + '\n';
}

/** Appends to the list of `key`, making it when absent. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
