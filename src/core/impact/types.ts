/**
 * What breaks if a part of the workspace fails: the files that depend on it, directly or
 * transitively, and how. `archlens impact --json` prints {@link ImpactResult}.
 */

/**
 * How a dependent reaches what it depends on:
 * - `sync`: an import or call in the same process (it fails with it);
 * - `async`: a message through a broker (it degrades: messages wait);
 * - `shared-database`: it uses the same database as the failing part (it may fail or read
 *   corrupted data);
 * - `build-time`: type imports only (no runtime impact).
 */
export type ImpactRelation = 'sync' | 'async' | 'shared-database' | 'build-time';

/** What happens to a dependent when the target fails. */
export type ImpactEffect = 'fails' | 'degrades' | 'none';

export const IMPACT_RELATIONS: readonly ImpactRelation[] = ['sync', 'async', 'shared-database', 'build-time'];

/** What the impact is asked about. */
export type ImpactTargetKind = 'file' | 'folder' | 'module' | 'service' | 'function' | 'backing';

export interface ImpactTarget {
  readonly kind: ImpactTargetKind;
  /** `file:src/a.ts`, `dir:src/orders`, `unit:src/modules/orders`, `fn:src/a.ts#charge`, `backing:postgres`. */
  readonly id: string;
  readonly label: string;
  /** The folder or file, relative to the root, when it has one. */
  readonly path?: string;
  /** For a backing service: a database, cache, broker or external API (all of one kind when several). */
  readonly backingKind?: 'database' | 'cache' | 'broker' | 'external-api';
  /** The source files that fail (for a backing service, none: it is outside the code). */
  readonly files: readonly string[];
}

/** Where in the source a dependent depends on the next node towards the target. */
export interface ImpactVia {
  /** The dependent file (or the one reached before it). */
  readonly file: string;
  readonly line: number;
  /** What is written there: the import specifier, the topic, the driver package. */
  readonly text: string;
  /** What it depends on: a file, `topic:<name>`, or a backing service id. */
  readonly on: string;
}

/** One file that the target's failure reaches. */
export interface ImpactDependent {
  readonly file: string;
  /** The unit (module, deployable) the file belongs to, when any. */
  readonly unit?: string;
  readonly relation: ImpactRelation;
  readonly effect: ImpactEffect;
  /** Links from the target: 1 for a direct dependent. */
  readonly hops: number;
  readonly via: ImpactVia;
}

/** The dependents of one unit (module, deployable or top folder), for a summary. */
export interface ImpactUnit {
  readonly unit: string;
  readonly path: string;
  /** The worst effect on any of its files. */
  readonly effect: ImpactEffect;
  /** The fewest hops to any of its files. */
  readonly hops: number;
  readonly files: number;
  readonly relations: readonly ImpactRelation[];
}

export interface ImpactCounts {
  readonly dependents: number;
  readonly direct: number;
  readonly transitive: number;
  readonly fails: number;
  readonly degrades: number;
  readonly buildTimeOnly: number;
  readonly byRelation: Readonly<Record<ImpactRelation, number>>;
}

export interface ImpactResult {
  readonly version: 1;
  readonly root: string;
  readonly target: ImpactTarget;
  /** The backing services (databases, caches, brokers) the target uses. */
  readonly uses: readonly string[];
  /** Sorted by hops, then effect (fails first), then file. */
  readonly dependents: readonly ImpactDependent[];
  readonly units: readonly ImpactUnit[];
  readonly counts: ImpactCounts;
  /** The largest `hops` of any dependent (0 when nothing depends on the target). */
  readonly maxHops: number;
}

/** A target that names nothing in the workspace, with the closest names to offer. */
export interface ImpactTargetError {
  readonly kind: 'unknown-target';
  readonly message: string;
  readonly suggestions: readonly string[];
}
