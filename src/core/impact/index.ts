/**
 * Impact: what breaks if a file, folder, module, service, function or backing service fails.
 * One pure function over the workspace model; the CLI, the diagram and AI tools share it.
 */
import type { DetectionResult, FileSymbols, WorkspaceModel } from '../model';
import { unitsFromModel } from '../diagram/fallback-units';
import { computeImpact } from './compute-impact';
import { buildDependencyGraph, type DependencyGraph } from './impact-graph';
import { resolveImpactTarget } from './impact-target';
import type { ImpactResult, ImpactTargetError } from './types';

export type * from './types';
export { IMPACT_RELATIONS } from './types';
export {
  buildDependencyGraph,
  databaseUserGroups,
  type DependencyGraph,
  type DependencyLink,
} from './impact-graph';
export { impactToText } from './impact-text';
export {
  impactStates,
  impactMermaid,
  impactEdgeKinds,
  IMPACT_EDGE_STYLES,
  type ImpactNodeState,
  type ImpactPaint,
} from './impact-diagram';
export { cascadeLinks, type CascadeLink, type CarriedDependency } from './cascade-links';

export interface ImpactInput {
  readonly model: WorkspaceModel;
  /** Units from detection; without it, units read from the model alone. */
  readonly detection?: DetectionResult;
  /** Declarations and calls of a file, read on demand: topics of publish/subscribe calls, callers of a function. */
  readonly symbols?: (relPath: string) => FileSymbols | undefined;
}

/**
 * The impact of `target` failing (see `resolveImpactTarget` for what a target may be), or
 * why the target names nothing. Pass `graph` to reuse one dependency graph for many targets.
 */
export function impactOf(
  input: ImpactInput,
  target: string,
  graph: DependencyGraph = dependencyGraphOf(input),
): ImpactResult | ImpactTargetError {
  const units = input.detection?.units ?? unitsFromModel(input.model);
  const resolved = resolveImpactTarget(
    { graph, units, ...(input.symbols ? { symbols: input.symbols } : {}) },
    target,
  );
  if ('suggestions' in resolved) return resolved;
  return computeImpact(input.model.root, graph, resolved, input.symbols);
}

/** The dependency graph impact walks, built once per model. */
export function dependencyGraphOf(input: ImpactInput): DependencyGraph {
  return buildDependencyGraph({
    model: input.model,
    units: input.detection?.units ?? unitsFromModel(input.model),
    ...(input.detection ? { detection: input.detection } : {}),
    ...(input.symbols ? { symbols: input.symbols } : {}),
  });
}

export function isImpactError(value: ImpactResult | ImpactTargetError): value is ImpactTargetError {
  return (value as ImpactTargetError).kind === 'unknown-target';
}
