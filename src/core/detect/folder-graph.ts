import type { ImportEdge } from '../model';
import type { GraphIndex } from '../units';
import { dirOf } from '../units/paths';

/** Imports between groups of files (top folders, modules, services), with one example edge per pair. */
export interface GroupGraph {
  readonly groups: readonly string[];
  /** `from` group → `to` group → the edges. */
  readonly edges: ReadonlyMap<string, ReadonlyMap<string, readonly ImportEdge[]>>;
}

/**
 * Builds the graph between groups (folders); a file belongs to the deepest group holding it.
 * Files in no group are left out.
 */
export function groupGraph(graph: GraphIndex, groups: readonly string[]): GroupGraph {
  const groupSet = new Set(groups);
  const owner = (file: string): string | undefined => {
    for (let folder = dirOf(file); ; folder = dirOf(folder)) {
      if (groupSet.has(folder)) return folder;
      if (folder === '.') return undefined;
    }
  };
  const edges = new Map<string, Map<string, ImportEdge[]>>();
  for (const group of groups) {
    for (const file of graph.filesUnder(group)) {
      if (owner(file) !== group) continue;
      for (const edge of graph.out.get(file) ?? []) {
        const target = owner(edge.to ?? '');
        if (target === undefined || target === group) continue;
        let row = edges.get(group);
        if (!row) edges.set(group, (row = new Map()));
        const list = row.get(target);
        if (list) list.push(edge);
        else row.set(target, [edge]);
      }
    }
  }
  return { groups, edges };
}

/** Strongly connected components with more than one group (the cycles), largest first. */
export function cycles(g: GroupGraph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of g.edges.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of g.groups) if (!indices.has(v)) visit(v);
  return found.sort((a, b) => b.length - a.length);
}

/** One example edge from `a` to `b`, if any. */
export function exampleEdge(g: GroupGraph, a: string, b: string): ImportEdge | undefined {
  return g.edges.get(a)?.get(b)?.[0];
}
