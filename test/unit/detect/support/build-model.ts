import { createDetectContext } from '../../../../src/core/detect';
import type { DetectContext } from '../../../../src/core/detect';
import type {
  ClassSymbol,
  FileSymbols,
  ImportEdge,
  Manifest,
  PackageJsonManifest,
  WorkspaceModel,
} from '../../../../src/core/model';

const BUILTINS = new Set([
  'fs',
  'path',
  'http',
  'https',
  'events',
  'crypto',
  'net',
  'child_process',
  'url',
  'util',
]);

/**
 * A hand-built workspace for unit tests: each file lists what it imports — a relative file of
 * the workspace (`src/a.ts`), a Node built-in (`node:fs`), or a package (`express`).
 */
export function buildModel(
  files: Readonly<Record<string, readonly string[]>>,
  manifests: readonly Manifest[] = [],
): WorkspaceModel {
  const paths = Object.keys(files).sort();
  const known = new Set(paths);
  const edges: ImportEdge[] = [];
  for (const from of paths) {
    (files[from] ?? []).forEach((target, index) => {
      const bare = target.replace(/^node:/, '');
      const base = { from, specifier: target, line: index + 1, column: 1, kind: 'static' as const };
      if (known.has(target)) edges.push({ ...base, to: target, resolution: 'internal' });
      else if (BUILTINS.has(bare)) edges.push({ ...base, to: bare, resolution: 'builtin' });
      else edges.push({ ...base, to: target, resolution: 'external' });
    });
  }
  return {
    version: 1,
    root: '/ws',
    files: paths,
    edges,
    manifests: [...manifests].sort((a, b) => (a.file < b.file ? -1 : 1)),
    warnings: [],
  };
}

/** A package.json manifest with defaults. */
export function packageJson(
  file: string,
  fields: Partial<Omit<PackageJsonManifest, 'kind' | 'file'>> = {},
): PackageJsonManifest {
  return {
    kind: 'package-json',
    file,
    bin: {},
    scripts: {},
    dependencies: {},
    devDependencies: {},
    workspaces: [],
    ...fields,
  };
}

/** An exported class decorated `@Module()` (a NestJS module), as the symbol extractor gives it. */
export function nestModuleClass(name: string, line = 3): ClassSymbol {
  return {
    name,
    line,
    exported: true,
    abstract: false,
    decorators: ['Module'],
    decoratorArguments: [],
    implements: [],
    methods: [],
  };
}

/** Empty symbols with the given parts. */
export function symbols(parts: Partial<FileSymbols>): FileSymbols {
  return { classes: [], interfaces: [], functions: [], calls: [], ...parts };
}

/** Options of {@link contextOf}. */
export interface ContextOptions {
  readonly symbols?: Readonly<Record<string, FileSymbols>>;
  readonly texts?: Readonly<Record<string, string>>;
  readonly authors?: number;
  /** Receives every file whose symbols are asked for. */
  readonly onSymbols?: (file: string) => void;
}

/** A detection context over a hand-built model. */
export function contextOf(model: WorkspaceModel, options: ContextOptions = {}): DetectContext {
  return createDetectContext({
    model,
    symbols: (file) => {
      options.onSymbols?.(file);
      return options.symbols?.[file] ?? symbols({});
    },
    readText: (file) => options.texts?.[file],
    ...(options.authors !== undefined ? { authors: options.authors } : {}),
  });
}
