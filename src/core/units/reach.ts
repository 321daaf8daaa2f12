import type { GraphIndex } from './graph-index';

/** Every file reachable from `start` over internal imports (type-only imports included), added to `into`. */
export function reach(start: string, graph: GraphIndex, into: Set<string>): void {
  if (!graph.fileSet.has(start)) return;
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (into.has(file)) continue;
    into.add(file);
    for (const edge of graph.out.get(file) ?? [])
      if (edge.to !== null && !into.has(edge.to)) stack.push(edge.to);
  }
}
