import { parse as parseYaml } from 'yaml';
import type { Warning } from '../model/workspace-model';
// The scan's linear-time globs: a workspace's own patterns cannot make the match backtrack.
import { compileGlob } from '../scan/glob';
import { blankCommentsAndTrailingCommas } from '../manifests/json-reader';

const baseName = (rel: string): string => rel.slice(rel.lastIndexOf('/') + 1);

/** One package of an npm/yarn/Bun `workspaces` or pnpm `pnpm-workspace.yaml` workspace. */
export interface WorkspacePackage {
  readonly name: string;
  /** Folder relative to the root (`''` for the root itself). */
  readonly dir: string;
  /** Its parsed package.json. */
  readonly manifest: Readonly<Record<string, unknown>>;
}

/**
 * Finds the workspace packages declared by the root package.json (`workspaces`, array or
 * `{ packages }`), `pnpm-workspace.yaml` (`packages`), Rush's `rush.json` (`projects[].projectFolder`)
 * and `lerna.json` (`packages`), among the package.json files of the
 * scanned file list. Globs support `*`, `**` and `!` negation, as the package managers do.
 */
export function findWorkspacePackages(
  files: readonly string[],
  read: (rel: string) => string | undefined,
  warnings: Warning[],
): Map<string, WorkspacePackage> {
  const patterns: string[] = [];
  const rootManifest = readJson('package.json', read, warnings);
  const declared = rootManifest?.['workspaces'];
  if (Array.isArray(declared)) patterns.push(...declared.filter(isString));
  else if (isRecord(declared) && Array.isArray(declared['packages'])) {
    patterns.push(...declared['packages'].filter(isString));
  }
  const pnpm = read('pnpm-workspace.yaml');
  if (pnpm !== undefined) {
    try {
      const parsed: unknown = parseYaml(pnpm);
      if (isRecord(parsed) && Array.isArray(parsed['packages']))
        patterns.push(...parsed['packages'].filter(isString));
    } catch (error) {
      warnings.push({ file: 'pnpm-workspace.yaml', message: `Cannot parse: ${String(error)}` });
    }
  }
  // Rush lists each project's folder; Lerna lists globs like the package managers.
  const rush = readJson('rush.json', read, warnings, { comments: true });
  if (rush !== undefined && Array.isArray(rush['projects'])) {
    for (const project of rush['projects']) {
      const folder = isRecord(project) ? project['projectFolder'] : undefined;
      if (isString(folder)) patterns.push(folder.replace(/^\.\//, '').replace(/\/$/, ''));
    }
  }
  const lerna = readJson('lerna.json', read, warnings, { comments: false });
  if (lerna !== undefined && Array.isArray(lerna['packages']))
    patterns.push(...lerna['packages'].filter(isString));
  const packages = new Map<string, WorkspacePackage>();
  if (patterns.length === 0) return packages;
  const include = patterns.filter((p) => !p.startsWith('!')).map(compileGlob);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => compileGlob(p.slice(1)));
  for (const file of files) {
    if (file !== 'package.json' && !file.endsWith('/package.json')) continue;
    if (file.includes('node_modules/')) continue;
    const dir = file === 'package.json' ? '' : file.slice(0, -'/package.json'.length);
    if (!include.some((r) => r.test(dir)) || exclude.some((r) => r.test(dir))) continue;
    const manifest = readJson(file, read, warnings);
    const name = manifest?.['name'];
    if (manifest && typeof name === 'string' && !packages.has(name))
      packages.set(name, { name, dir, manifest });
  }
  return packages;
}

function readJson(
  rel: string,
  read: (rel: string) => string | undefined,
  warnings: Warning[],
  options: { readonly comments: boolean } = { comments: false },
): Record<string, unknown> | undefined {
  const text = read(rel);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(options.comments ? blankCommentsAndTrailingCommas(text) : text);
    return isRecord(value) ? value : undefined;
  } catch (error) {
    warnings.push({ file: rel, message: `Cannot parse ${baseName(rel)}: ${String(error)}` });
    return undefined;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
