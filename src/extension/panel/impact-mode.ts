import type { DiagramInput, DiagramModel } from '../../core/diagram';
import {
  cascadeLinks,
  dependencyGraphOf,
  impactMermaid,
  impactOf,
  impactStates,
  isImpactError,
  type DependencyGraph,
  type ImpactResult,
  type ImpactTargetError,
} from '../../core/impact';
import type { ImpactInfo, ImpactState } from '../../shared/impact-protocol';
import type { RenderDiagramMessage } from '../../shared/protocol';

/** Impact answers kept per analysis (its `DiagramInput`), so stepping hops recomputes nothing. */
export class ImpactCache {
  private readonly graphs = new WeakMap<DiagramInput, DependencyGraph>();
  private readonly results = new WeakMap<DiagramInput, Map<string, ImpactResult | ImpactTargetError>>();

  /** The dependency graph of the analysis, built once. */
  graphOf(input: DiagramInput): DependencyGraph {
    let graph = this.graphs.get(input);
    if (!graph) this.graphs.set(input, (graph = dependencyGraphOf(input)));
    return graph;
  }

  impactOf(input: DiagramInput, target: string): ImpactResult | ImpactTargetError {
    let byTarget = this.results.get(input);
    if (!byTarget) this.results.set(input, (byTarget = new Map()));
    const known = byTarget.get(target);
    if (known) return known;
    const result = impactOf(input, target, this.graphOf(input));
    byTarget.set(target, result);
    return result;
  }
}

/**
 * The render message in Impact mode: the same diagram with every node painted by what the
 * target's failure does to it up to the chosen hop, every edge by the kind of dependency the
 * cascade travels along it, and the legend's counts. A target that
 * names nothing leaves the drawing unpainted and says why in the notes.
 */
export function withImpact(
  message: RenderDiagramMessage,
  model: DiagramModel,
  input: DiagramInput,
  impact: ImpactState,
  cache: ImpactCache,
): RenderDiagramMessage {
  const result = cache.impactOf(input, impact.node);
  if (isImpactError(result))
    return { ...message, notes: [`Impact: ${result.message}`, ...message.notes].slice(0, 20) };
  const hop = Math.min(impact.hop ?? result.maxHops, result.maxHops);
  const states = impactStates(model, result, hop);
  const nodes = { failing: 0, fails: 0, degrades: 0, buildTime: 0, unaffected: 0 };
  for (const state of states.values()) {
    if (state.paint === 'build-time') nodes.buildTime++;
    else nodes[state.paint]++;
  }
  const info: ImpactInfo = {
    target: result.target.label.slice(0, 4000),
    hop,
    maxHops: result.maxHops,
    nodes,
    files: {
      fails: result.counts.fails,
      degrades: result.counts.degrades,
      buildTime: result.counts.buildTimeOnly,
      direct: result.counts.direct,
      transitive: result.counts.transitive,
    },
  };
  const links = cascadeLinks(cache.graphOf(input), result, hop);
  return { ...message, mermaid: impactMermaid(model, states, links), impact: info };
}
