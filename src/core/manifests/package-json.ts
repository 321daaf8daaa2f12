import type { PackageJsonManifest } from '../model';
import type { ManifestContext } from './context';
import { asString, isRecord, stringMap } from './context';
import { readJson } from './json-reader';
import { dirOf, joinPath } from './paths';
import { readYamlDocuments } from './yaml-reader';

/**
 * Reads a `package.json`. Workspaces come from the array form (npm, Bun), the
 * `{ packages }` form (Yarn, Bun with catalogs) and a sibling `pnpm-workspace.yaml`.
 */
export function parsePackageJson(
  file: string,
  text: string,
  ctx: ManifestContext,
): PackageJsonManifest | undefined {
  const read = readJson(file, text, ctx);
  if (read === undefined) return undefined;
  const json = read.value;
  if (!isRecord(json)) {
    ctx.warn({ file, message: 'Skipped: package.json is not a JSON object.' });
    return undefined;
  }
  const workspaces = [...workspaceGlobs(json['workspaces'])];
  for (const glob of pnpmWorkspaceGlobs(dirOf(file), ctx))
    if (!workspaces.includes(glob)) workspaces.push(glob);
  const name = asString(json['name']);
  const version = asString(json['version']);
  const main = asString(json['main']);
  const isPrivate = json['private'];
  return {
    kind: 'package-json',
    file,
    ...(name !== undefined ? { name } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(typeof isPrivate === 'boolean' ? { private: isPrivate } : {}),
    ...(main !== undefined ? { main } : {}),
    bin: binMap(json['bin'], name),
    scripts: stringMap(json['scripts']),
    dependencies: stringMap(json['dependencies']),
    devDependencies: stringMap(json['devDependencies']),
    workspaces,
  };
}

/** `bin` as a string names one command after the package (without its scope). */
function binMap(bin: unknown, name: string | undefined): Record<string, string> {
  if (typeof bin === 'string') {
    const command = (name ?? '').replace(/^@[^/]+\//, '');
    return command === '' ? {} : { [command]: bin };
  }
  return stringMap(bin);
}

function workspaceGlobs(value: unknown): string[] {
  const list = Array.isArray(value) ? value : isRecord(value) ? value['packages'] : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** `packages` of the `pnpm-workspace.yaml` beside a package.json (warns once if malformed). */
function pnpmWorkspaceGlobs(dir: string, ctx: ManifestContext): string[] {
  const file = joinPath(dir, 'pnpm-workspace.yaml') ?? 'pnpm-workspace.yaml';
  if (!ctx.has(file)) return [];
  return ctx.memo(`pnpm:${file}`, () => {
    const text = ctx.readText(file);
    if (text === undefined) return [];
    const document = readYamlDocuments(file, text, ctx)[0];
    return isRecord(document?.value) ? workspaceGlobs(document.value['packages']) : [];
  });
}
