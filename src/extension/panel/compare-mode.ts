import { compareWorkspace, cutDiagram, type Comparison } from '../../core/compare';
import { toMermaid, type DiagramInput } from '../../core/diagram';
import type { CompareCutId, CompareMessage } from '../../shared/impact-protocol';

/** One comparison per analysis (its `DiagramInput`): switching cuts recomputes nothing. */
export class CompareCache {
  private readonly comparisons = new WeakMap<DiagramInput, Comparison>();

  comparisonOf(input: DiagramInput): Comparison {
    let comparison = this.comparisons.get(input);
    if (!comparison) this.comparisons.set(input, (comparison = compareWorkspace(input)));
    return comparison;
  }
}

/** The Compare view's message: today and `cut` drawn as diagrams, and the figures of the three cuts. */
export function compareMessage(
  requestId: number,
  comparison: Comparison,
  cut: CompareCutId,
  workspaceName: string,
): CompareMessage {
  const today = comparison.cuts.find((c) => c.id === 'today');
  const proposed = comparison.cuts.find((c) => c.id === cut);
  const draw = (c: typeof today): { title: string; mermaid: string } =>
    c
      ? { title: `${c.label}: ${c.parts.length} parts`, mermaid: toMermaid(cutDiagram(c)) }
      : { title: '', mermaid: '' };
  return {
    type: 'compare',
    requestId,
    cut,
    title: `Compare: ${workspaceName}`.slice(0, 500),
    today: draw(today),
    proposed: draw(proposed),
    figures: comparison.cuts.map((c) => ({
      label: c.label,
      parts: c.figures.parts,
      crossedEdges: c.figures.crossedEdges,
      crossedTypeEdges: c.figures.crossedTypeEdges,
      cycles: c.figures.cycles.length,
      sharedDatabases: c.figures.sharedDatabases.length,
      sharedCode: c.figures.sharedCode.length,
      moves: c.figures.moves,
      cost: c.figures.cost,
      costDefinition: c.figures.costDefinition.slice(0, 1000),
    })),
    candidates: comparison.candidates.slice(0, 100).map((c) => ({
      name: c.name.slice(0, 500),
      path: c.path.slice(0, 4000),
      files: c.files.length,
      cohesion: c.cohesion,
    })),
    notes: comparison.notes.slice(0, 20).map((n) => n.slice(0, 1000)),
  };
}
