import * as vscode from 'vscode';
import type { DiagramModel } from '../../core/diagram';
import { edgeLocationItems } from './edge-locations';
import { revealOrOpen } from './workspace-paths';

/** A quick pick of the imports (or calls) behind an edge; the chosen one opens at its line. */
export async function pickEdgeLocation(
  model: DiagramModel,
  edgeId: string,
  root: string,
  column: vscode.ViewColumn,
): Promise<void> {
  const edge = model.edges.find((e) => e.id === edgeId);
  if (!edge) return;
  const labelOf = (id: string): string => model.nodes.find((n) => n.id === id)?.label ?? id;
  const items = edgeLocationItems(edge);
  const more = edge.count > edge.locations.length ? ` (first ${edge.locations.length} of ${edge.count})` : '';
  const broken = edge.violations?.length ?? 0;
  const rules =
    broken > 0 ? ` — ${broken} breaking ${broken === 1 ? 'a boundary rule' : 'boundary rules'}` : '';
  const picked = await vscode.window.showQuickPick(items, {
    title: `${labelOf(edge.from)} → ${labelOf(edge.to)}: ${edge.count}${more}${rules}`,
    placeHolder: 'Open the line behind this edge',
    matchOnDescription: true,
  });
  if (picked?.location) await revealOrOpen(root, picked.location.file, picked.location.line, column);
}
