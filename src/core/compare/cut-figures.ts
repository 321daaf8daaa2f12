import type { ImportEdge } from '../model';
import { databaseUserGroups, type DependencyGraph } from '../impact';
import type { CrossedLink, CutFigures, CutId, FileMove } from './types';

/** Weights of the cost figure, per cut (see {@link costDefinition}). */
const COST = {
  today: { crossed: 1, cyclePart: 10, sharedDatabasePart: 0 },
  'modular-monolith': { crossed: 1, cyclePart: 10, sharedDatabasePart: 0 },
  microservices: { crossed: 3, cyclePart: 10, sharedDatabasePart: 20 },
} as const;

export function costDefinition(cut: CutId): string {
  const w = COST[cut];
  const parts = [
    'cost = 1 per moved file',
    `${w.crossed} per runtime import between two parts (${cut === 'microservices' ? 'each becomes a network call or a message' : 'each goes through the public surface of a module'})`,
    `${w.cyclePart} per part caught in a cycle (the cycle must be broken)`,
  ];
  if (w.sharedDatabasePart > 0)
    parts.push(
      `${w.sharedDatabasePart} per part beyond the first that uses a shared database (a database per service)`,
    );
  return parts.join(' + ');
}

/** The figures of one partition of the files (`partOf`), with the moves from today's (`todayOf`). */
export function cutFigures(
  cut: CutId,
  files: readonly string[],
  edges: readonly ImportEdge[],
  graph: DependencyGraph,
  parts: {
    readonly partOf: (file: string) => string;
    readonly todayOf: (file: string) => string;
    /** Whether the file changes module in this cut. */
    readonly moves: (file: string) => boolean;
  },
  partCount: number,
): { figures: CutFigures; links: CrossedLink[]; moves: FileMove[] } {
  const { partOf, todayOf } = parts;
  const kept = new Set(files);
  const byPair = new Map<
    string,
    { from: string; to: string; runtime: number; types: number; example: CrossedLink['example'] }
  >();
  let crossed = 0;
  let crossedTypes = 0;
  for (const edge of edges) {
    if (edge.resolution !== 'internal' || edge.to === null || !kept.has(edge.from) || !kept.has(edge.to))
      continue;
    const from = partOf(edge.from);
    const to = partOf(edge.to);
    if (from === to) continue;
    const key = `${from}\u0000${to}`;
    const entry = byPair.get(key) ?? {
      from,
      to,
      runtime: 0,
      types: 0,
      example: { file: edge.from, line: edge.line, text: edge.specifier },
    };
    if (edge.kind === 'type') {
      entry.types++;
      crossedTypes++;
    } else {
      entry.runtime++;
      crossed++;
    }
    byPair.set(key, entry);
  }
  const runtimeNext = new Map<string, string[]>();
  for (const entry of byPair.values()) if (entry.runtime > 0) push(runtimeNext, entry.from, entry.to);
  const cycles = stronglyConnected(runtimeNext).filter((c) => c.length > 1);
  const inCycle = new Map<string, number>();
  cycles.forEach((cycle, index) => cycle.forEach((part) => inCycle.set(part, index)));
  const links: CrossedLink[] = [...byPair.values()]
    .map((e) => ({
      from: e.from,
      to: e.to,
      count: e.runtime > 0 ? e.runtime : e.types,
      typeOnly: e.runtime === 0,
      inCycle: e.runtime > 0 && inCycle.has(e.from) && inCycle.get(e.from) === inCycle.get(e.to),
      example: e.example,
    }))
    .sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));

  const importersOf = new Map<string, Set<string>>();
  for (const link of links)
    if (!link.typeOnly) importersOf.set(link.to, (importersOf.get(link.to) ?? new Set()).add(link.from));
  const sharedCode = [...importersOf]
    .filter(([, importers]) => importers.size >= 2)
    .map(([part, importers]) => ({ part, importers: [...importers].sort() }))
    .sort((a, b) => b.importers.length - a.importers.length || (a.part < b.part ? -1 : 1));

  const byDatabase = new Map<string, Set<string>>();
  for (const { database, users } of databaseUserGroups(graph)) {
    const parts = new Set([...users].filter((user) => kept.has(user)).map(partOf));
    if (parts.size < 2) continue;
    const label = graph.backing.get(database)?.label ?? database;
    byDatabase.set(label, new Set([...(byDatabase.get(label) ?? []), ...parts]));
  }
  const sharedDatabases = [...byDatabase].map(([database, parts]) => ({
    database,
    parts: [...parts].sort(),
  }));
  sharedDatabases.sort((a, b) => (a.database < b.database ? -1 : 1));

  const moves: FileMove[] =
    cut === 'today'
      ? []
      : files
          .filter((file) => parts.moves(file))
          .map((file) => ({ file, from: todayOf(file), to: partOf(file) }))
          .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.file < b.file ? -1 : 1));
  const w = COST[cut];
  const cycleParts = cycles.reduce((sum, c) => sum + c.length, 0);
  const sharedExtra = sharedDatabases.reduce((sum, s) => sum + s.parts.length - 1, 0);
  const cost =
    moves.length + w.crossed * crossed + w.cyclePart * cycleParts + w.sharedDatabasePart * sharedExtra;
  return {
    figures: {
      parts: partCount,
      crossedEdges: crossed,
      crossedTypeEdges: crossedTypes,
      cycles,
      sharedDatabases,
      sharedCode,
      moves: moves.length,
      cost,
      costDefinition: costDefinition(cut),
    },
    links,
    moves,
  };
}

/** Tarjan's strongly connected components, each sorted, in a stable order. */
function stronglyConnected(next: ReadonlyMap<string, readonly string[]>): string[][] {
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flat()])].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const to of [...(next.get(node) ?? [])].sort()) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        onStack.delete(top);
        component.push(top);
        if (top === node) break;
      }
      result.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

/** Appends to the list of `key`, making it when absent. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
