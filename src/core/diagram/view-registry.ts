import type { DiagramInput, DiagramResult, DiagramState, DiagramViewId } from './diagram-model';
import { readable } from './readable-edges';
import { cqrsView } from './views/cqrs';
import { dependenciesView } from './views/dependencies';
import { eventsView } from './views/events';
import { layersView } from './views/layers';
import { overviewView } from './views/overview';

/** A view of the diagram panel: its id, its name in the picker, and its pure function. */
export interface DiagramView {
  readonly id: DiagramViewId;
  readonly label: string;
  readonly build: (input: DiagramInput, state: DiagramState) => DiagramResult;
}

/** Every view, in the order the picker lists them. */
export const DIAGRAM_VIEWS: readonly DiagramView[] = [
  { id: 'overview', label: 'Overview', build: overviewView },
  { id: 'layers', label: 'Layers', build: layersView },
  { id: 'events', label: 'Events', build: eventsView },
  { id: 'cqrs', label: 'CQRS', build: cqrsView },
  { id: 'deps', label: 'Dependencies', build: dependenciesView },
];

/**
 * Builds one view; the entry the CLI and the panel share. The view fits Mermaid's limits; then
 * only the strongest edges stay (a readable budget, lower for the default state), with a note.
 */
export function buildDiagram(view: DiagramViewId, input: DiagramInput, state: DiagramState): DiagramResult {
  const entry = DIAGRAM_VIEWS.find((v) => v.id === view);
  if (!entry) throw new Error(`unknown diagram view '${view}'`);
  const result = entry.build(input, state);
  return result.kind === 'diagram' ? { kind: 'diagram', model: readable(result.model, state) } : result;
}
