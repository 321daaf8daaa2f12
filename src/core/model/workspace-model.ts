import type { Manifest } from './manifest';

/**
 * The one model of a workspace that every view reads: its files, the import edges between them
 * as TypeScript resolves them, its manifests, and what could not be read. Serializable as JSON;
 * `archlens graph --json` prints it.
 */
export interface WorkspaceModel {
  /** The format version; bumped on any incompatible change. */
  readonly version: 1;
  /** The absolute POSIX path of the workspace root. */
  readonly root: string;
  /** Source files, POSIX paths relative to `root`, sorted. */
  readonly files: readonly string[];
  /** Import edges, sorted by `from`, then line, then column. */
  readonly edges: readonly ImportEdge[];
  /** Parsed manifests, sorted by file. */
  readonly manifests: readonly Manifest[];
  /** Things that were skipped or could not be read, each with its file. */
  readonly warnings: readonly Warning[];
}

/** How an import is written. */
export type ImportKind = 'static' | 'type' | 'dynamic' | 'require' | 'reexport';

/** Where an import leads. */
export type Resolution = 'internal' | 'external' | 'builtin' | 'unresolved';

/** One import of one file. */
export interface ImportEdge {
  /** The importing file, relative to the root. */
  readonly from: string;
  /**
   * For `internal`: the imported file relative to the root; for `external`: the package name;
   * for `builtin`: the module name without `node:`; for `unresolved`: `null`.
   */
  readonly to: string | null;
  /** The module specifier as written. */
  readonly specifier: string;
  /** 1-based line of the specifier. */
  readonly line: number;
  /** 1-based column of the specifier. */
  readonly column: number;
  readonly kind: ImportKind;
  readonly resolution: Resolution;
  /** `workspace` when a workspace package was resolved to its source because nothing is installed. */
  readonly via?: 'workspace';
  /** Why an edge is `unresolved`. */
  readonly reason?: string;
}

/** Something skipped or malformed; analysis went on without it. */
export interface Warning {
  /** The file (or folder) concerned, relative to the root; `.` for the workspace itself. */
  readonly file: string;
  readonly message: string;
  /** 1-based position, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** One change seen by a watcher, fed to `update`. Paths relative to the root. */
export type FileChange =
  | { readonly type: 'created' | 'changed' | 'deleted'; readonly path: string }
  | { readonly type: 'renamed'; readonly from: string; readonly path: string };

/** What an incremental update changed in the model. */
export interface ModelDelta {
  readonly addedFiles: readonly string[];
  readonly removedFiles: readonly string[];
  readonly addedEdges: readonly ImportEdge[];
  readonly removedEdges: readonly ImportEdge[];
  readonly manifestsChanged: boolean;
}
