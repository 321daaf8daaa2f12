import type { RulesConfig } from '../config/rules-schema';
import type { DetectContext } from '../detect';
import { extractSymbols } from '../extract';
import type { DetectionResult, ImportEdge, ModelDelta } from '../model';
import type { FileSystemPort } from '../ports';
import { checkRules, type RuleReport } from '../rules';
import { DEFAULT_MAX_FILE_SIZE, readSourceText } from '../scan';
import type { GraphIndex } from '../units';
import { isTestFile } from '../units/paths';

/** What the rules ran on last: the detection context, the verdicts and the config. */
export interface RuleState {
  readonly ctx: DetectContext;
  readonly detection: DetectionResult;
  readonly config: RulesConfig;
}

/**
 * The rules again right after an update that changed only the imports of files already there
 * (no file added or removed, no manifest changed): over the units and verdicts found last, with
 * the changed files' imports and declarations read anew. The changed files' diagnostics are then
 * current at once, before detection runs again over the whole workspace (which may move units:
 * its result replaces this one). `undefined` when the update changed more than imports.
 */
export function recheckRules(
  fs: FileSystemPort,
  previous: RuleState,
  delta: ModelDelta,
  changedFiles: readonly string[],
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): RuleReport | undefined {
  if (delta.addedFiles.length > 0 || delta.removedFiles.length > 0 || delta.manifestsChanged)
    return undefined;
  if (changedFiles.some((f) => f === 'archlens.config.json')) return undefined;
  const { ctx } = previous;
  const changed = new Set(changedFiles);
  const graph = withImports(ctx.graph, delta.removedEdges, delta.addedEdges);
  const root = ctx.model.root;
  const symbols: DetectContext['symbols'] = (relPath) => {
    if (!changed.has(relPath)) return ctx.symbols(relPath);
    const read = readSourceText(fs, `${root}/${relPath}`, relPath, maxFileSize);
    return 'text' in read ? extractSymbols(relPath, read.text) : undefined;
  };
  return checkRules({
    ctx: { ...ctx, graph, symbols },
    detection: previous.detection,
    config: previous.config,
  });
}

/** A copy of the graph index with some edges taken out and others put in, as `indexGraph` files them. */
export function withImports(
  graph: GraphIndex,
  removed: readonly ImportEdge[],
  added: readonly ImportEdge[],
): GraphIndex {
  const out = new Map(graph.out);
  const into = new Map(graph.in);
  const externals = new Map(graph.externals);
  const gone = new Set(removed.map(edgeKey));
  const drop = (map: Map<string, readonly ImportEdge[]>, key: string): void => {
    const list = map.get(key);
    if (!list) return;
    const kept = list.filter((e) => !gone.has(edgeKey(e)));
    if (kept.length === 0) map.delete(key);
    else map.set(key, kept);
  };
  for (const edge of removed) {
    drop(out, edge.from);
    drop(externals, edge.from);
    if (edge.to !== null) drop(into, edge.to);
  }
  const add = (map: Map<string, readonly ImportEdge[]>, key: string, edge: ImportEdge): void => {
    map.set(key, [...(map.get(key) ?? []), edge]);
  };
  for (const edge of added) {
    // The same filing as indexGraph: test files import nothing the rules read; only files of the index count.
    if (!graph.fileSet.has(edge.from) || isTestFile(edge.from) || edge.to === null) continue;
    if (edge.resolution === 'internal') {
      if (edge.to === edge.from || !graph.fileSet.has(edge.to) || isTestFile(edge.to)) continue;
      add(out, edge.from, edge);
      add(into, edge.to, edge);
    } else if (edge.resolution === 'external' || edge.resolution === 'builtin')
      add(externals, edge.from, edge);
  }
  return { ...bind(graph), out, in: into, externals };
}

/** The index's members, its methods bound to it (a spread copy loses nothing). */
function bind(graph: GraphIndex): GraphIndex {
  return {
    files: graph.files,
    fileSet: graph.fileSet,
    sources: graph.sources,
    scripts: graph.scripts,
    out: graph.out,
    in: graph.in,
    externals: graph.externals,
    filesUnder: (folder) => graph.filesUnder(folder),
    subfolders: (folder) => graph.subfolders(folder),
    filesIn: (folder) => graph.filesIn(folder),
  };
}

function edgeKey(edge: ImportEdge): string {
  return `${edge.from}\u0000${edge.line}\u0000${edge.column}\u0000${edge.specifier}\u0000${edge.kind}`;
}
