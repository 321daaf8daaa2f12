import { dirOf } from '../units/paths';
import type { DetectContext } from './context';
import { isInfrastructureModule } from './text-imports';

/** One Go package (a folder): the workspace packages it imports and the first infrastructure import. */
export interface GoPackage {
  readonly folder: string;
  readonly imports: ReadonlySet<string>;
  readonly infrastructure?: { readonly file: string; readonly line: number; readonly module: string };
}

/**
 * The package graph of the Go modules of a workspace, from the import graph: each non-test Go
 * file's imports resolved under the `module` paths of the workspace's `go.mod` files lead to
 * package folders; the first import of infrastructure (a driver, a web framework, a cloud SDK,
 * `net/http`, `database/sql`) is kept per package. Empty when no Go import leads into the
 * workspace (no `go.mod`, or packages that import nothing of each other).
 */
export function goPackages(ctx: DetectContext): Map<string, GoPackage> {
  const goFiles = ctx.graph.sources.filter(
    (f) => f.endsWith('.go') && !/(?:^|\/)(?:mocks?|vendor)\//.test(f),
  );
  const packages = new Map<string, { imports: Set<string>; infrastructure?: GoPackage['infrastructure'] }>();
  let internal = 0;
  for (const file of goFiles) {
    const folder = dirOf(file);
    const entry = packages.get(folder) ?? { imports: new Set<string>() };
    packages.set(folder, entry);
    for (const edge of ctx.graph.out.get(file) ?? []) {
      if (edge.to === null || !edge.to.endsWith('.go')) continue;
      internal++;
      const target = dirOf(edge.to);
      if (target !== folder) entry.imports.add(target);
    }
    for (const edge of ctx.graph.externals.get(file) ?? []) {
      if (entry.infrastructure === undefined && isInfrastructureModule(edge.specifier))
        entry.infrastructure = { file, line: edge.line, module: edge.specifier };
    }
  }
  if (internal === 0) return new Map();
  return new Map(
    [...packages].map(([folder, p]) => [
      folder,
      { folder, imports: p.imports, ...(p.infrastructure ? { infrastructure: p.infrastructure } : {}) },
    ]),
  );
}
