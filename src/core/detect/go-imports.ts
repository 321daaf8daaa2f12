import { dirOf, isTestFile, joinPath } from '../units/paths';
import type { DetectContext } from './context';
import { isInfrastructureModule } from './text-imports';

/** Most Go files whose import blocks one detection reads. */
const MAX_GO_FILES = 400;

/** One Go package (a folder): the workspace packages it imports and the first infrastructure import. */
export interface GoPackage {
  readonly folder: string;
  readonly imports: ReadonlySet<string>;
  readonly infrastructure?: { readonly file: string; readonly line: number; readonly module: string };
}

/**
 * The package graph of the Go modules of a workspace, read as text: `module` in each `go.mod`,
 * then the quoted paths of every `import` block; imports under a module path resolve to the
 * folder below that `go.mod`. Only import declarations are read, nothing is compiled.
 */
export function goPackages(ctx: DetectContext): Map<string, GoPackage> {
  const modules: { path: string; folder: string }[] = [];
  const goFiles = ctx.graph.sources.filter(
    (f) => f.endsWith('.go') && !isTestFile(f) && !/(?:^|\/)(?:mocks?|vendor)\//.test(f),
  );
  // `go.mod` is not a source: probe the folders holding Go files and their parents.
  const folders = new Set<string>(['.']);
  for (const file of goFiles) {
    for (let folder = dirOf(file); folder !== '.' && folders.size < 300; folder = dirOf(folder)) {
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  for (const folder of folders) {
    const file = folder === '.' ? 'go.mod' : `${folder}/go.mod`;
    const path = /^\s*module\s+(\S+)/m.exec(ctx.readText(file) ?? '')?.[1];
    if (path !== undefined) modules.push({ path, folder });
  }
  const packages = new Map<string, { imports: Set<string>; infrastructure?: GoPackage['infrastructure'] }>();
  if (modules.length === 0) return new Map();
  modules.sort((a, b) => b.path.length - a.path.length);
  for (const file of goFiles.slice(0, MAX_GO_FILES)) {
    const folder = dirOf(file);
    const entry = packages.get(folder) ?? { imports: new Set<string>() };
    packages.set(folder, entry);
    for (const { module, line } of goImports(ctx.readText(file) ?? '')) {
      const owner = modules.find((m) => module === m.path || module.startsWith(m.path + '/'));
      if (owner) {
        const target = joinPath(owner.folder, module.slice(owner.path.length + 1) || '.');
        if (target !== folder) entry.imports.add(target);
      } else if (entry.infrastructure === undefined && isInfrastructureModule(module)) {
        entry.infrastructure = { file, line, module };
      }
    }
  }
  return new Map(
    [...packages].map(([folder, p]) => [
      folder,
      { folder, imports: p.imports, ...(p.infrastructure ? { infrastructure: p.infrastructure } : {}) },
    ]),
  );
}

/** The quoted import paths of a Go source (`import "x"` and `import ( … )` blocks), with 1-based lines. */
export function goImports(text: string): { module: string; line: number }[] {
  const out: { module: string; line: number }[] = [];
  const lines = text.split('\n');
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (inBlock) {
      if (line.startsWith(')')) {
        inBlock = false;
        continue;
      }
      const m = /^(?:[\w.]+\s+)?"([^"]+)"/.exec(line);
      if (m?.[1]) out.push({ module: m[1], line: i + 1 });
      continue;
    }
    if (/^import\s*\($/.test(line)) inBlock = true;
    else {
      const m = /^import\s+(?:[\w.]+\s+)?"([^"]+)"/.exec(line);
      if (m?.[1]) out.push({ module: m[1], line: i + 1 });
      // Imports come before any declaration.
      else if (/^(?:func|type|var|const)\b/.test(line)) break;
    }
  }
  return out;
}
