import type { DiagramModel, DiagramNode } from '../diagram/diagram-model';
import { isUnder } from '../diagram/file-tree';
import { mermaidNodeIds, toMermaid } from '../diagram/to-mermaid';
import type { CarriedDependency, CascadeLink } from './cascade-links';
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

/** Edge strokes by what the dependency carries: a call red, a broker's delay amber, a shared database violet, a type import grey. */
export const IMPACT_EDGE_STYLES: Readonly<Record<CarriedDependency | 'other', string>> = {
  sync: 'stroke:#f85149,stroke-width:2.5px',
  async: 'stroke:#d29922,stroke-width:2.5px,stroke-dasharray:6 4',
  'shared-database': 'stroke:#a371f7,stroke-width:2.5px',
  'build-time': 'stroke:#8b949e,stroke-width:1.5px,stroke-dasharray:3 3',
  other: 'stroke-opacity:0.3',
};

const CARRIED_ORDER: readonly CarriedDependency[] = ['sync', 'shared-database', 'async', 'build-time'];

/**
 * The diagram's Mermaid text with every node painted by its impact (`impact_<paint>` classes)
 * and every edge by the kind of dependency the cascade travels along it (`links`, see
 * `cascadeLinks`): the worst one it carries, faded when it carries none.
 */
export function impactMermaid(
  diagram: DiagramModel,
  states: ReadonlyMap<string, ImpactNodeState>,
  links: readonly CascadeLink[],
): string {
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
  const byStyle = new Map<string, number[]>();
  impactEdgeKinds(diagram, links).forEach((kind, index) => push(byStyle, IMPACT_EDGE_STYLES[kind], index));
  for (const [style, indexes] of byStyle) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  return lines.join('\n') + '\n';
}

/**
 * For each drawn edge (in order), the worst dependency the cascade carries along it: each
 * cascade link counts in the edge between the deepest drawn nodes holding its two ends.
 */
export function impactEdgeKinds(
  diagram: DiagramModel,
  links: readonly CascadeLink[],
): (CarriedDependency | 'other')[] {
  const holders = diagram.nodes.filter((node) => node.path !== undefined && !node.id.startsWith('backing:'));
  const ownerOf = deepestHolder(holders);
  const drawn = new Set(diagram.nodes.map((n) => n.id));
  const nodeOf = (end: string): string | undefined => (drawn.has(end) ? end : ownerOf(end));
  const carried = new Map<string, number>();
  for (const link of links) {
    const from = nodeOf(link.from);
    const to = nodeOf(link.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    const rank = CARRIED_ORDER.indexOf(link.carries);
    carried.set(key, Math.min(carried.get(key) ?? Infinity, rank));
  }
  return diagram.edges.map((edge) => {
    const rank = carried.get(`${edge.from}\u0000${edge.to}`);
    return rank === undefined ? 'other' : (CARRIED_ORDER[rank] ?? 'other');
  });
}
/** Appends to the list of `key`, making it when absent. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
