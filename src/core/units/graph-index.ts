import type { ImportEdge, WorkspaceModel } from '../model';
import { dirOf, isScript, isTestFile } from './paths';

/**
 * The import graph indexed for detection: internal edges out of and into each file, external
 * and built-in imports of each file, and the files and sub-folders of each folder. Test files
 * are left out as importers (tests reach across everything and say nothing about the design).
 */
export interface GraphIndex {
  readonly files: readonly string[];
  readonly fileSet: ReadonlySet<string>;
  /** Files that are not tests, any language. */
  readonly sources: readonly string[];
  /** TypeScript/JavaScript files that are not tests. */
  readonly scripts: readonly string[];
  /** Internal edges (with `to`) leaving each file. */
  readonly out: ReadonlyMap<string, readonly ImportEdge[]>;
  /** Internal edges arriving at each file. */
  readonly in: ReadonlyMap<string, readonly ImportEdge[]>;
  /** External and built-in edges of each file. */
  readonly externals: ReadonlyMap<string, readonly ImportEdge[]>;
  /** Files under a folder (recursively), sorted; `.` is every file. */
  filesUnder(folder: string): readonly string[];
  /** Direct sub-folders of a folder that hold at least one file (recursively). */
  subfolders(folder: string): readonly string[];
  /** Files directly in a folder. */
  filesIn(folder: string): readonly string[];
}

/** Builds the {@link GraphIndex} of a model in one pass over its files and edges. */
export function indexGraph(model: WorkspaceModel): GraphIndex {
  const files = sortedCopy(model.files);
  const fileSet = new Set(files);
  const sources: string[] = [];
  const tests = new Set<string>();
  for (const file of files) {
    if (isTestFile(file)) tests.add(file);
    else sources.push(file);
  }
  const scripts = sources.filter(isScript);
  const out = new Map<string, ImportEdge[]>();
  const into = new Map<string, ImportEdge[]>();
  const externals = new Map<string, ImportEdge[]>();
  for (const edge of model.edges) {
    if (tests.has(edge.from)) continue;
    if (edge.resolution === 'internal' && edge.to !== null) {
      if (edge.to === edge.from || tests.has(edge.to)) continue;
      push(out, edge.from, edge);
      push(into, edge.to, edge);
    } else if ((edge.resolution === 'external' || edge.resolution === 'builtin') && edge.to !== null) {
      push(externals, edge.from, edge);
    }
  }
  const children = new Map<string, Set<string>>();
  const direct = new Map<string, string[]>();
  for (const file of files) {
    let folder = dirOf(file);
    pushArr(direct, folder, file);
    while (folder !== '.') {
      const parent = dirOf(folder);
      let set = children.get(parent);
      if (!set) children.set(parent, (set = new Set()));
      if (set.has(folder)) break;
      set.add(folder);
      folder = parent;
    }
  }
  const underCache = new Map<string, readonly string[]>();
  return {
    files,
    fileSet,
    sources,
    scripts,
    out,
    in: into,
    externals,
    filesUnder(folder) {
      if (folder === '.') return files;
      const cached = underCache.get(folder);
      if (cached) return cached;
      const prefix = folder + '/';
      let lo = 0;
      let hi = files.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((files[mid] ?? '') < prefix) lo = mid + 1;
        else hi = mid;
      }
      const found: string[] = [];
      for (let i = lo; i < files.length && (files[i] ?? '').startsWith(prefix); i++)
        found.push(files[i] ?? '');
      underCache.set(folder, found);
      return found;
    },
    subfolders(folder) {
      return [...(children.get(folder) ?? [])].sort();
    },
    filesIn(folder) {
      return direct.get(folder) ?? [];
    },
  };
}

function push(map: Map<string, ImportEdge[]>, key: string, edge: ImportEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

function pushArr(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The paths sorted; the model's are sorted already, which one pass confirms. */
function sortedCopy(paths: readonly string[]): string[] {
  for (let i = 1; i < paths.length; i++)
    if ((paths[i - 1] as string) > (paths[i] as string)) return [...paths].sort();
  return [...paths];
}
