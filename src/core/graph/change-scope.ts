import type { ImportEdge, Warning } from '../model';
import { compareStrings } from './edge-order';

/**
 * Whether files appearing at `appeared` or disappearing from `gone` (files or folders, relative)
 * can change where `edge` leads. It can when the edge led nowhere or into what went away, or when
 * a new file is one TypeScript tries for the specifier: it tries `x.ts`, `x.tsx`, `x.d.ts`,
 * `x/index.ts`, … in order, so a new `x.ts` wins over `x/index.ts`, and every candidate is named
 * after the specifier's last segment. Specifiers whose last segment does not name the file they
 * led to (a folder `.`, an exact `paths` alias, a package's `main`) are tried again on any change.
 */
export function mayResolveDifferently(
  edge: ImportEdge,
  appeared: readonly string[],
  gone: readonly string[],
): boolean {
  if (edge.resolution === 'unresolved') return true;
  if (edge.resolution === 'builtin') return false;
  const to = edge.to ?? '';
  for (const path of gone) {
    if (to === path || to.startsWith(path + '/')) return true;
    if (edge.resolution === 'external' && path.split('/').includes('node_modules')) return true;
  }
  if (appeared.length === 0) return false;
  const last = lastSegment(edge.specifier);
  if (edge.resolution === 'internal' && last !== stemOf(to) && last !== folderOf(to)) return true;
  for (const path of appeared) {
    const segments = path.split('/');
    const base = segments[segments.length - 1] ?? '';
    if (last === stemOf(path) || last === base || segments.includes(last)) return true;
    if (edge.resolution === 'external' && segments.includes('node_modules')) return true;
  }
  return false;
}

function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/(\.d)?\.[^.]+$/, '');
}

/** The folder and stem of a path: `src/a/y` for `src/a/y.d.ts`, `src/a/y.tsx`. */
export function stemKey(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1) + stemOf(path);
}

/** The folder of an `index` file, else `undefined`. */
function folderOf(path: string): string | undefined {
  if (stemOf(path) !== 'index') return undefined;
  const segments = path.split('/');
  return segments[segments.length - 2];
}

/** The index of the first edge whose `from` is not before `path` (edges are sorted by `from`). */
export function firstEdgeFrom(edges: readonly ImportEdge[], path: string): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(edges[mid]?.from ?? '', path) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The paths and every folder above them (relative, without the root itself). */
export function withAncestors(paths: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    out.add(path);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = path.slice(0, slash);
      if (out.has(folder)) break;
      out.add(folder);
    }
  }
  return [...out];
}

function lastSegment(specifier: string): string {
  const parts = specifier.split('/');
  return (parts[parts.length - 1] ?? '').replace(/\.(m|c)?(j|t)sx?$/, '');
}

export function dedupe(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify([w.file, w.line, w.column, w.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
