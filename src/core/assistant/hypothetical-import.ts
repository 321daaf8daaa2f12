import type { DetectContext } from '../detect';
import type { ImportEdge } from '../model';
import type { GraphIndex } from '../units';
import { isScript, isTestFile } from '../units/paths';

/** The line given to an import that is asked about, not written: no real import is at line 0. */
export const ASKED_LINE = 0;

/**
 * The detection context with one more import, so the rules judge it as if it were written: the
 * units, verdicts and every other edge stay as analysed. The importing file may be a new one.
 * Test files are no importers of the graph (the rules do not hold tests), so the caller asks
 * only for files that are not tests.
 */
export function contextWithImport(ctx: DetectContext, edge: ImportEdge): DetectContext {
  return { ...ctx, graph: graphWithEdge(ctx.graph, edge) };
}

function graphWithEdge(graph: GraphIndex, edge: ImportEdge): GraphIndex {
  const isNewFile = !graph.fileSet.has(edge.from);
  const internal = edge.resolution === 'internal' && edge.to !== null;
  const out = internal ? withEntry(graph.out, edge.from, edge) : graph.out;
  const into = internal && edge.to !== null ? withEntry(graph.in, edge.to, edge) : graph.in;
  const externals = internal ? graph.externals : withEntry(graph.externals, edge.from, edge);
  if (!isNewFile) return { ...graph, out, in: into, externals };
  const files = [...graph.files, edge.from].sort();
  const fileSet = new Set(files);
  const test = isTestFile(edge.from);
  return {
    files,
    fileSet,
    sources: test ? graph.sources : [...graph.sources, edge.from].sort(),
    scripts: test || !isScript(edge.from) ? graph.scripts : [...graph.scripts, edge.from].sort(),
    out,
    in: into,
    externals,
    filesUnder: (folder) => {
      const under = graph.filesUnder(folder);
      return folder === '.' || edge.from.startsWith(`${folder}/`) ? [...under, edge.from].sort() : under;
    },
    subfolders: (folder) => graph.subfolders(folder),
    filesIn: (folder) => {
      const inside = graph.filesIn(folder);
      const dir = edge.from.includes('/') ? edge.from.slice(0, edge.from.lastIndexOf('/')) : '.';
      return dir === folder ? [...inside, edge.from].sort() : inside;
    },
  };
}

function withEntry(
  map: ReadonlyMap<string, readonly ImportEdge[]>,
  key: string,
  edge: ImportEdge,
): ReadonlyMap<string, readonly ImportEdge[]> {
  const copy = new Map(map);
  copy.set(key, [...(map.get(key) ?? []), edge]);
  return copy;
}
