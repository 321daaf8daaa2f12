import type { RuleId } from '../catalogue';
import type { RuleSeverity } from '../types';

/**
 * Where one end of a boundary lies. Folders and files are written plainly (a peer's format
 * turns them into its own patterns); `pattern` is a path test by name, with its regular
 * expression (case-insensitive when `caseless`) and the globs that say the same.
 */
export type PathSelector =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string }
  | {
      readonly kind: 'pattern';
      /** What the pattern picks out, as a short name: `tests`, `ports`, `query-side`. */
      readonly name: string;
      readonly regex: string;
      readonly caseless: boolean;
      readonly globs: readonly string[];
    }
  /** Files of `folder` that lie in none of the nested folders (a unit inside a unit owns its own files). */
  | { readonly kind: 'owned'; readonly path: string; readonly nested: readonly string[] }
  /** Packages by name (a name, or a scope or prefix ending in `/`) and Node built-ins. */
  | { readonly kind: 'packages'; readonly names: readonly string[]; readonly builtins: readonly string[] };

/** One end of a boundary: any of `include`, none of `exclude`, and every one of `require`. */
export interface BoundarySide {
  readonly include: readonly PathSelector[];
  readonly exclude: readonly PathSelector[];
  /** Each entry must match too (an allowed edge splits a boundary into narrower ones). */
  readonly require: readonly PathSelector[];
}

/** One forbidden kind of import: from any file of `from` to anything of `to`. */
export interface Boundary {
  readonly rule: RuleId;
  readonly severity: RuleSeverity;
  /** What the boundary keeps, for a comment next to it: "the core ring `src/domain` of `src`". */
  readonly comment: string;
  readonly from: BoundarySide;
  readonly to: BoundarySide;
}

/** A rule the export leaves out, and why. */
export interface NotExported {
  readonly rule: RuleId;
  readonly reason: string;
}

/** The rules `archlens check` would apply to a workspace, as boundaries a peer's format can say. */
export interface RuleBoundaries {
  readonly boundaries: readonly Boundary[];
  readonly notExported: readonly NotExported[];
  /** Edges `rules.allow` names, as written, for formats that cannot say them. */
  readonly allowed: readonly { readonly rule?: RuleId; readonly from: string; readonly to: string }[];
}
