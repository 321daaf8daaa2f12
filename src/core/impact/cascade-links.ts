import type { DependencyGraph } from './impact-graph';
import type { ImpactDependent, ImpactResult } from './types';

/** What a dependency carries along the cascade, for the colour of its edge. */
export type CarriedDependency = 'sync' | 'async' | 'shared-database' | 'build-time';

/** One link the cascade went through: `from` (a file) needs `to` (a file or backing service id). */
export interface CascadeLink {
  readonly from: string;
  readonly to: string;
  readonly carries: CarriedDependency;
}

/**
 * The links of the dependency graph the failure travels along, up to `upToHop` hops: from each
 * dependent to what it needs that was reached before it (or is the target), each with what it
 * carries — a synchronous import or call (the dependent fails), a broker's delay (an async link,
 * or a runtime link to something that only degrades), a shared database (the link by which the
 * dependent uses it), or a type import (rebuild only). Links that reach nothing failing are left out.
 */
export function cascadeLinks(
  graph: DependencyGraph,
  impact: ImpactResult,
  upToHop: number = impact.maxHops,
): CascadeLink[] {
  const byFile = new Map<string, ImpactDependent>();
  for (const d of impact.dependents) if (d.hops <= upToHop) byFile.set(d.file, d);
  const backingIds = impact.target.kind === 'backing' ? backingIdsOf(graph, impact.target.id) : [];
  const zero = new Set([...impact.target.files, ...backingIds]);
  const hopsOf = (node: string): number | undefined => (zero.has(node) ? 0 : byFile.get(node)?.hops);
  const effectOf = (node: string): string | undefined =>
    zero.has(node) ? 'fails' : byFile.get(node)?.effect;
  const found = new Map<string, CascadeLink>();
  const add = (link: CascadeLink): void => {
    const key = `${link.from}\u0000${link.to}`;
    const known = found.get(key);
    if (!known || ORDER[link.carries] < ORDER[known.carries]) found.set(key, link);
  };
  for (const node of [...zero, ...byFile.keys()]) {
    const hops = hopsOf(node) ?? Infinity;
    for (const link of graph.dependentsOf.get(node) ?? []) {
      const dependent = byFile.get(link.from);
      if (!dependent || zero.has(link.from) || dependent.hops <= hops) continue;
      if (dependent.relation === 'shared-database') continue;
      const carries =
        dependent.effect === 'fails'
          ? link.relation === 'sync'
            ? 'sync'
            : undefined
          : dependent.effect === 'degrades'
            ? link.relation === 'async' || (link.relation === 'sync' && effectOf(node) === 'degrades')
              ? 'async'
              : undefined
            : link.relation === 'build-time'
              ? 'build-time'
              : undefined;
      if (carries) add({ from: link.from, to: node, carries });
    }
  }
  for (const d of byFile.values())
    if (d.relation === 'shared-database') add({ from: d.file, to: d.via.on, carries: 'shared-database' });
  return [...found.values()];
}

const ORDER: Readonly<Record<CarriedDependency, number>> = {
  sync: 0,
  'shared-database': 1,
  async: 2,
  'build-time': 3,
};

/** `backing:postgres` by product stands for every backing node of that product. */
function backingIdsOf(graph: DependencyGraph, id: string): string[] {
  if (graph.backing.has(id)) return [id];
  const product = id.slice('backing:'.length);
  return [...graph.backing.values()].filter((b) => b.product === product).map((b) => b.id);
}
