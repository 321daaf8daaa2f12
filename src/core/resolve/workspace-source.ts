import type { WorkspacePackage } from './workspace-packages';
import { isRecord } from './workspace-packages';

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const outputDirs = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'es', 'types', 'typings', 'module']);
const conditionOrder = ['source', 'types', 'typings', 'import', 'module', 'node', 'require', 'default'];

/**
 * The source file (relative to the root) a workspace package's import leads to when nothing is
 * installed, found the way a person reads the package: its `exports` entry for the subpath
 * (any condition, `types`/`import` first), else `types`/`typings`/`module`/`main`, with build
 * output mapped back to source (`dist/x.js`, `lib/x.d.ts` → `src/x.ts`), else `src/index.ts`.
 */
export function workspaceSourceFile(
  pkg: WorkspacePackage,
  subpath: string,
  has: (rel: string) => boolean,
): string | undefined {
  const prefix = pkg.dir === '' ? '' : pkg.dir + '/';
  const found = (targets: readonly string[]): string | undefined => {
    for (const target of targets) {
      for (const candidate of sourceCandidates(target))
        if (has(prefix + candidate)) return prefix + candidate;
    }
    return undefined;
  };
  const manifest = pkg.manifest;
  const exportsField = manifest['exports'];
  const key = subpath === '' ? '.' : subpath;
  if (exportsField !== undefined && exportsField !== null) {
    const viaExports = found(exportTargets(exportsField, key));
    if (viaExports) return viaExports;
  }
  if (subpath === '') {
    const fields = ['types', 'typings', 'module', 'main'].map((f) => manifest[f]).filter(isString);
    return found([...fields, 'src/index', 'index']);
  }
  return found([subpath.slice(2), 'src/' + subpath.slice(2)]);
}

/** The targets of an `exports` field for a subpath key (`.` or `./x`), best condition first. */
function exportTargets(exportsField: unknown, key: string): string[] {
  const isSubpathMap = isRecord(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return key === '.' ? leaves(exportsField) : [];
  const map = exportsField as Record<string, unknown>;
  if (key in map) return leaves(map[key]);
  let best: { target: unknown; star: string; length: number } | undefined;
  for (const [pattern, target] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const head = pattern.slice(0, star);
    const tail = pattern.slice(star + 1);
    if (!key.startsWith(head) || !key.endsWith(tail) || key.length < head.length + tail.length) continue;
    if (!best || head.length > best.length) {
      best = { target, star: key.slice(head.length, key.length - tail.length), length: head.length };
    }
  }
  if (!best) return [];
  const star = best.star;
  return leaves(best.target).map((t) => t.split('*').join(star));
}

function leaves(target: unknown): string[] {
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap(leaves);
  if (!isRecord(target)) return [];
  const keys = Object.keys(target).sort((a, b) => rank(a) - rank(b));
  return keys.flatMap((k) => leaves(target[k]));
}

function rank(condition: string): number {
  const at = conditionOrder.indexOf(condition);
  return at < 0 ? conditionOrder.length : at;
}

/** Source files a build-output path may come from, most likely first. */
function sourceCandidates(target: string): string[] {
  const clean = target.replace(/^\.\//, '');
  const base = clean.replace(/\.d\.[mc]?ts$|\.[mc]?[jt]sx?$/, '');
  const segments = base.split('/');
  let skip = 0;
  while (skip < segments.length - 1 && outputDirs.has(segments[skip] ?? '')) skip++;
  const bases = new Set<string>();
  if (skip > 0) bases.add(['src', ...segments.slice(skip)].join('/'));
  bases.add(base);
  if (skip === 0 && segments[0] !== 'src') bases.add('src/' + base);
  const out: string[] = [];
  for (const b of bases) {
    for (const ext of sourceExtensions) out.push(b + ext);
    for (const ext of sourceExtensions) out.push(b + '/index' + ext);
  }
  if (/\.[mc]?[jt]sx?$/.test(clean) && !/\.d\.[mc]?ts$/.test(clean)) out.push(clean);
  return out;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
