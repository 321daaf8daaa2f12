import type { Warning } from '../model';
import type { TextRead } from '../scan/read-text';
import { dirOf, joinPath } from './paths';

/** What the manifests stage reads: the scanned files and a way to read one. */
export interface ManifestInput {
  /** Every scanned file, relative POSIX paths. */
  readonly files: readonly string[];
  /**
   * The text of a file, or `undefined` when it cannot be read; or, from `readManifestText`,
   * the text or why it was skipped (the reason becomes one warning for the file).
   */
  readText(relPath: string): string | TextRead | undefined;
  /**
   * For source files (CDK stacks, Azure v4 apps): whether this one may declare functions. The
   * engine already read every source file once and knows; without it, every source is read.
   */
  mayDeclareFunctions?(relPath: string): boolean;
}

/** What every per-kind parser gets: the file list, reads, and a place for warnings. */
export interface ManifestContext {
  readonly files: readonly string[];
  has(relPath: string): boolean;
  readText(relPath: string): string | undefined;
  warn(warning: Warning): void;
  /** Warnings so far, in the order they were given. */
  readonly warnings: readonly Warning[];
  /** Computes a value once per key for the whole run (sibling files read by several parsers). */
  memo<T>(key: string, compute: () => T): T;
}

/** Creates the context of one `parseManifests` run. */
export function createManifestContext(input: ManifestInput): ManifestContext {
  const fileSet = new Set(input.files);
  const warnings: Warning[] = [];
  const cache = new Map<string, unknown>();
  return {
    files: input.files,
    has: (relPath) => fileSet.has(relPath),
    readText: (relPath) => {
      let read: string | TextRead | undefined;
      try {
        read = input.readText(relPath);
      } catch {
        return undefined;
      }
      if (read === undefined || typeof read === 'string') return read;
      if ('text' in read) return read.text;
      // Several readers may ask for the same file; the stage's warnings are deduplicated.
      warnings.push(read.warning);
      return undefined;
    },
    warn: (warning) => warnings.push(warning),
    warnings,
    memo<T>(key: string, compute: () => T): T {
      if (cache.has(key)) return cache.get(key) as T;
      const value = compute();
      cache.set(key, value);
      return value;
    },
  };
}

/** Source extensions a handler module name may stand for, in order of preference. */
export const HANDLER_EXTENSIONS = [
  '.ts',
  '.mts',
  '.cts',
  '.tsx',
  '.js',
  '.mjs',
  '.cjs',
  '.jsx',
  '.py',
] as const;

/**
 * The workspace file a module path without extension names (`src/handlers/order` →
 * `src/handlers/order.ts`), trying the path as written first, then each handler extension,
 * then an `index` file in that folder.
 */
export function findSourceFile(ctx: ManifestContext, modulePath: string | undefined): string | undefined {
  if (modulePath === undefined) return undefined;
  const normalized = joinPath(modulePath);
  if (normalized === undefined) return undefined;
  if (/\.[cm]?[jt]sx?$|\.py$/.test(normalized) && ctx.has(normalized)) return normalized;
  for (const ext of HANDLER_EXTENSIONS) if (ctx.has(normalized + ext)) return normalized + ext;
  for (const ext of HANDLER_EXTENSIONS) {
    const index = joinPath(normalized, `index${ext}`);
    if (index !== undefined && ctx.has(index)) return index;
  }
  return undefined;
}

/**
 * The source file of a `module.function` handler (`src/handlers/order.create`), relative to
 * `baseDir`: the text before the last dot names the module.
 */
export function handlerSourceFile(
  ctx: ManifestContext,
  baseDir: string,
  handler: string,
): string | undefined {
  const slash = handler.lastIndexOf('/');
  const dot = handler.lastIndexOf('.');
  const modulePart = dot > slash ? handler.slice(0, dot) : handler;
  return findSourceFile(ctx, joinPath(baseDir, modulePart));
}

/** Narrowing helpers for values read from JSON/YAML/TOML. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A scalar as text (numbers and booleans too), for values like ports and environment. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A string → string map from an object, keeping only scalar values. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (key === '__proto__') continue;
    const text = scalarText(entry);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/**
 * The nearest folder from `file`'s own upwards that holds `marker` (`cdk.json`, `Pulumi.yaml`):
 * where a tool runs from and relative asset paths start; the file's folder when none does.
 */
export function nearestFolderWith(file: string, marker: string, ctx: ManifestContext): string {
  let dir = dirOf(file);
  for (;;) {
    if (ctx.has(joinPath(dir, marker) ?? marker)) return dir;
    if (dir === '.') return dirOf(file);
    dir = dirOf(dir);
  }
}
