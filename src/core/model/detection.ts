/**
 * What detection says about a workspace: a verdict per pattern with the evidence behind it,
 * and the units (deployables, modules, layers) the verdicts are about.
 * `archlens detect --json` prints exactly this shape.
 */

import type { SystemModel } from './system';

/** The nine pattern ids; `event-sourcing` and `saga` live inside event-driven systems. */
export const PATTERN_IDS = [
  'monolith',
  'modular-monolith',
  'microservices',
  'event-driven',
  'event-sourcing',
  'saga',
  'cqrs',
  'serverless',
  'hexagonal',
] as const;

export type PatternId = (typeof PATTERN_IDS)[number];

export type Verdict = 'yes' | 'partial' | 'no';

/** One fact pointing at a file (and line) that a person can check. */
export interface Evidence {
  /** Relative POSIX path. */
  readonly file: string;
  readonly line?: number;
  /** A sentence a person understands. */
  readonly message: string;
  /** How much this fact moved the score, in [0, 1]. */
  readonly weight: number;
}

export interface PatternResult {
  readonly id: PatternId;
  /** In [0, 1]. */
  readonly score: number;
  readonly verdict: Verdict;
  readonly evidence: readonly Evidence[];
  readonly counterEvidence: readonly Evidence[];
}

export interface Deployable {
  readonly name: string;
  /** Folder relative to the root (`.` for the root). */
  readonly path: string;
  /** `package`, `dockerfile`, `compose-service`, `kubernetes`, `function`, `procfile`, … */
  readonly kind: string;
}

export interface ModuleUnit {
  readonly name: string;
  readonly path: string;
}

export interface LayerUnit {
  /** `domain`, `application`, `ports`, `adapters`, `interfaces`, … */
  readonly name: string;
  readonly paths: readonly string[];
}

export interface Units {
  readonly deployables: readonly Deployable[];
  readonly modules: readonly ModuleUnit[];
  readonly layers: readonly LayerUnit[];
}

export interface DetectionResult {
  readonly version: 1;
  readonly root: string;
  /** The most specific pattern whose verdict is `yes`, or `null`. */
  readonly primary: PatternId | null;
  /** All nine ids, sorted by score (highest first), then id. */
  readonly patterns: readonly PatternResult[];
  readonly units: Units;
  /** Entry points, parts with roles, deployables with their processes, and what was not scored. */
  readonly system: SystemModel;
}
