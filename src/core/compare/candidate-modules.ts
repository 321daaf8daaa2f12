import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { isUnder, parentOf } from '../diagram/file-tree';
import type { ImportEdge } from '../model';
import type { CandidateModule } from './types';

export interface ClusterInput {
  /** The files to cut (backend source, tests left out). */
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
  /** Package and deployable folders: a candidate never spans two of them. */
  readonly packageRoots: readonly string[];
  /** Louvain's resolution: above 1 finds more, smaller modules. */
  readonly resolution?: number;
}

export interface Clustering {
  readonly candidates: readonly CandidateModule[];
  readonly modularity: number;
}

/** Weight of a type-only import against a runtime one. */
const TYPE_IMPORT_WEIGHT = 0.25;
/** Weight tying a folder to its nearest parent folder with files: keeps weakly linked subfolders home. */
const PARENT_AFFINITY = 0.5;
/** More candidates than this are merged into their closest neighbour, smallest first (a readable cut). */
export const MAX_CANDIDATES = 30;

/**
 * Candidate modules by Louvain community detection over the folder graph: every folder holding
 * files is one node (its files never split), edges weigh the imports between folders (type
 * imports a quarter) plus a small tie to the parent folder; communities are then split at
 * package boundaries, folders with no import at all gathered by top folder, and the smallest
 * merged into their closest neighbour past {@link MAX_CANDIDATES}. Deterministic (seeded).
 */
export function findCandidateModules(input: ClusterInput): Clustering {
  const files = [...input.files].sort();
  const kept = new Set(files);
  const folderOf = (file: string): string => parentOf(file);
  const folders = [...new Set(files.map(folderOf))].sort();
  const folderSet = new Set(folders);
  const weights = new Map<string, number>();
  // Imports inside one folder are self-loops: they make the folder dense, which modularity counts.
  const addWeight = (a: string, b: string, weight: number): void => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    weights.set(key, (weights.get(key) ?? 0) + weight);
  };
  for (const edge of input.edges) {
    if (edge.resolution !== 'internal' || edge.to === null || !kept.has(edge.from) || !kept.has(edge.to))
      continue;
    addWeight(folderOf(edge.from), folderOf(edge.to), edge.kind === 'type' ? TYPE_IMPORT_WEIGHT : 1);
  }
  const linked = new Set<string>();
  for (const key of weights.keys()) {
    const [a, b] = key.split('\u0000');
    if (a !== undefined && b !== undefined && a !== b) linked.add(a).add(b);
  }
  for (const folder of folders) {
    for (let up = folder; up !== '';) {
      up = parentOf(up);
      if (folderSet.has(up)) {
        addWeight(folder, up, PARENT_AFFINITY);
        break;
      }
    }
  }
  const graph = new Graph({ type: 'undirected' });
  for (const folder of folders) graph.addNode(folder);
  for (const [key, weight] of [...weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [a, b] = key.split('\u0000') as [string, string];
    graph.addEdge(a, b, { weight });
  }
  const detailed =
    graph.size === 0
      ? { communities: Object.fromEntries(folders.map((f, i) => [f, i])), modularity: 0 }
      : louvain.detailed(graph, {
          getEdgeWeight: 'weight',
          resolution: input.resolution ?? 1,
          rng: seeded(17),
        });
  const rootCache = new Map<string, string>();
  const rootOf = (folder: string): string => {
    let root = rootCache.get(folder);
    if (root === undefined) {
      root =
        input.packageRoots
          .filter((r) => isUnder(folder, r === '.' ? '' : r))
          .sort((a, b) => b.length - a.length)[0] ?? '';
      rootCache.set(folder, root);
    }
    return root;
  };
  const groups = new Map<string, string[]>();
  for (const folder of folders) {
    // Folders without a single import gather by top folder instead of standing alone.
    const community = linked.has(folder)
      ? String(detailed.communities[folder])
      : `loose:${topFolder(folder)}`;
    const key = `${community}\u0000${rootOf(folder)}`;
    push(groups, key, folder);
  }
  const roots = new Set([...groups.keys()].map((key) => key.split('\u0000')[1] ?? ''));
  const merged = mergeSmallest([...groups.values()], weights, Math.max(MAX_CANDIDATES, roots.size), rootOf);
  const byFolder = new Map<string, string[]>();
  for (const file of files) push(byFolder, folderOf(file), file);
  const raw = merged.map((members) => {
    const own = members.flatMap((folder) => byFolder.get(folder) ?? []).sort();
    return { folders: [...members].sort(), files: own, path: homeFolder(own) };
  });
  return { candidates: describeCandidates(raw, input.edges), modularity: detailed.modularity };
}

function topFolder(folder: string): string {
  const parts = folder.split('/');
  return parts[0] === 'src' || parts[0] === 'packages' || parts[0] === 'apps'
    ? parts.slice(0, 2).join('/')
    : (parts[0] ?? '');
}

/**
 * Merges the smallest groups into the neighbour of the same package they share most weight
 * with, until `max` remain or no group has a neighbour in its package.
 */
function mergeSmallest(
  groups: readonly string[][],
  weights: ReadonlyMap<string, number>,
  max: number,
  rootOf: (folder: string) => string,
): string[][] {
  const adjacency = new Map<string, [string, number][]>();
  for (const [key, weight] of weights) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (a === b) continue;
    push(adjacency, a, [b, weight]);
    push(adjacency, b, [a, weight]);
  }
  const members = new Map<number, string[]>(groups.map((g, i) => [i, [...g]]));
  const groupOf = new Map<string, number>();
  for (const [id, folders] of members) for (const folder of folders) groupOf.set(folder, id);
  const stuck = new Set<number>();
  const order = (a: [number, string[]], b: [number, string[]]): number =>
    a[1].length - b[1].length || ((a[1][0] ?? '') < (b[1][0] ?? '') ? -1 : 1);
  while (members.size > max) {
    const candidates = [...members].filter(([id]) => !stuck.has(id)).sort(order);
    const [id, folders] = candidates[0] ?? [];
    if (id === undefined || folders === undefined) break;
    const root = rootOf(folders[0] ?? '');
    const towards = new Map<number, number>();
    for (const folder of folders)
      for (const [other, weight] of adjacency.get(folder) ?? []) {
        const target = groupOf.get(other);
        if (target !== undefined && target !== id) towards.set(target, (towards.get(target) ?? 0) + weight);
      }
    const sameRoot = [...members].filter(([other, f]) => other !== id && rootOf(f[0] ?? '') === root);
    const best = sameRoot.sort(
      ([a, x], [b, y]) => (towards.get(b) ?? 0) - (towards.get(a) ?? 0) || order([a, x], [b, y]),
    )[0];
    if (!best) {
      stuck.add(id);
      continue;
    }
    best[1].push(...folders);
    for (const folder of folders) groupOf.set(folder, best[0]);
    members.delete(id);
  }
  return [...members.values()];
}

/**
 * The folder a candidate is named from: the deepest folder holding more than half of its
 * files (their common folder when that is all of them), `.` when none does.
 */
function homeFolder(files: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const file of files)
    for (let folder = parentOf(file); folder !== ''; folder = parentOf(folder))
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
  let best = '';
  for (const [folder, count] of counts) {
    if (count * 2 <= files.length) continue;
    const deeper = folder.split('/').length - (best === '' ? 0 : best.split('/').length);
    if (deeper > 0 || (deeper === 0 && folder < best)) best = folder;
  }
  return best === '' ? '.' : best;
}

function describeCandidates(
  raw: readonly { folders: string[]; files: string[]; path: string }[],
  edges: readonly ImportEdge[],
): CandidateModule[] {
  const owner = new Map<string, number>();
  raw.forEach((candidate, index) => candidate.files.forEach((file) => owner.set(file, index)));
  const internal = raw.map(() => 0);
  const touching = raw.map(() => 0);
  const surface = raw.map(() => new Map<string, number>());
  for (const edge of edges) {
    if (edge.resolution !== 'internal' || edge.to === null) continue;
    const from = owner.get(edge.from);
    const to = owner.get(edge.to);
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      internal[from] = (internal[from] ?? 0) + 1;
      touching[from] = (touching[from] ?? 0) + 1;
    } else {
      touching[from] = (touching[from] ?? 0) + 1;
      touching[to] = (touching[to] ?? 0) + 1;
      surface[to]?.set(edge.to, (surface[to]?.get(edge.to) ?? 0) + 1);
    }
  }
  const baseNames = raw.map((c) => nameOf(c.path));
  const paths = raw.map((c) => c.path);
  const names = raw.map((c, index) => {
    const base = baseNames[index] ?? c.path;
    if (baseNames.filter((b) => b === base).length === 1) return base;
    // Two candidates in one folder: each is told apart by the subfolder holding most of its files.
    if (paths.filter((p) => p === c.path).length > 1) {
      const sub = mainSubfolder(c.files, c.path);
      return sub === undefined ? base : `${base}/${sub}`;
    }
    return c.path;
  });
  const unique = new Map<string, number>();
  return raw
    .map((candidate, index): CandidateModule => {
      let name = names[index] ?? candidate.path;
      const seen = unique.get(name) ?? 0;
      unique.set(name, seen + 1);
      if (seen > 0) name = `${name}-${seen + 1}`;
      const all = touching[index] ?? 0;
      return {
        name,
        path: candidate.path,
        files: candidate.files,
        folders: candidate.folders,
        publicSurface: [...(surface[index] ?? new Map<string, number>())]
          .map(([file, importers]) => ({ file, importers }))
          .sort((a, b) => b.importers - a.importers || (a.file < b.file ? -1 : 1)),
        cohesion: all === 0 ? 1 : round((internal[index] ?? 0) / all),
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : 1));
}

/** The child folder of `home` holding most of `files` (`undefined` when most sit in `home` itself). */
function mainSubfolder(files: readonly string[], home: string): string | undefined {
  const prefix = home === '.' ? '' : `${home}/`;
  const counts = new Map<string, number>();
  for (const file of files) {
    const rest = file.startsWith(prefix) ? file.slice(prefix.length) : file;
    const slash = rest.indexOf('/');
    const key = slash === -1 ? '' : rest.slice(0, slash);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [best] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0] ?? [''];
  return best === '' ? undefined : best;
}

/** Folder names that say nothing of what is inside: the name comes from the folder above. */
const GENERIC = new Set([
  'src',
  'lib',
  'app',
  'main',
  'java',
  'kotlin',
  'python',
  'source',
  'sources',
  'internal',
  'pkg',
  'server',
  'code',
]);

/** The last folder name of a path that is not a generic one (`apps/cart/src` → `cart`). */
function nameOf(path: string): string {
  if (path === '.') return 'root';
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 0; i--) if (!GENERIC.has(parts[i] ?? '')) return parts[i] ?? path;
  return parts[parts.length - 1] ?? path;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** mulberry32: a small seeded generator, so the same workspace always gets the same cut. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends to the list of `key`, making it when absent. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
