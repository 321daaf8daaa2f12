import {
  DIAGRAM_VIEWS,
  edgeMermaidId,
  mermaidNodeIds,
  toMermaid,
  type DiagramModel,
} from '../../core/diagram';
import type { NotApplicableMessage, PanelState, RenderDiagramMessage } from '../../shared/protocol';
import type { z } from 'zod';

/** The views for the picker. */
export const VIEW_CHOICES = DIAGRAM_VIEWS.map((view) => ({ id: view.id, label: view.label }));

/**
 * The render message for a diagram model: its Mermaid text, and for each node and edge the
 * Mermaid id, the model id and the tooltip. Paths and locations stay on the host. Pure.
 */
export function renderMessage(
  requestId: number,
  model: DiagramModel,
  state: PanelState,
  workspaceName: string,
  keepViewport: boolean,
): RenderDiagramMessage {
  const ids = mermaidNodeIds(model);
  const labelOf = new Map(model.nodes.map((node) => [node.id, node.label]));
  return {
    type: 'render',
    requestId,
    mermaid: toMermaid(model),
    title: `${model.title}: ${workspaceName}`.slice(0, 500),
    state,
    views: VIEW_CHOICES,
    breadcrumb: model.breadcrumb.map((step) => step.label.slice(0, 500)),
    nodes: model.nodes.map((node) => ({
      mermaidId: ids.get(node.id) ?? '',
      id: node.id,
      label: node.label.slice(0, 4000),
      detail: node.detail.slice(0, 10_000),
      expandable: node.expandable,
      openable: node.path !== undefined,
      ...(node.emphasis ? { emphasis: node.emphasis } : {}),
    })),
    edges: model.edges.map((edge, index) => {
      const what =
        model.view === 'deps' || model.view === 'overview' || model.view === 'layers' ? 'import' : 'link';
      const head = `${edge.count} ${what}${edge.count === 1 ? '' : 's'}: ${labelOf.get(edge.from) ?? edge.from} → ${labelOf.get(edge.to) ?? edge.to}`;
      const broken = edge.violations ?? [];
      const outward = edge.style === 'outward' ? '\nPoints outward: breaks the dependency rule.' : '';
      const rules =
        broken.length > 0
          ? `\n${broken.length} import${broken.length === 1 ? '' : 's'} break${broken.length === 1 ? 's' : ''} boundary rules:` +
            broken
              .slice(0, 5)
              .map((v) => `\n  ${v.file}:${v.line}  ${v.text}  [${v.rule}]`)
              .join('')
          : '';
      const sample =
        broken.length > 0
          ? ''
          : edge.locations
              .slice(0, 5)
              .map((l) => `\n  ${l.file}:${l.line}  ${l.text}`)
              .join('');
      return {
        mermaidId: edgeMermaidId(index),
        id: edge.id,
        detail: (head + outward + rules + sample).slice(0, 10_000),
        ...(broken.length > 0 ? { violations: broken.length } : {}),
      };
    }),
    notes: model.notes.slice(0, 20).map((note) => note.slice(0, 1000)),
    keepViewport,
  };
}

/** The message for a view that does not apply. */
export function notApplicableMessage(
  requestId: number,
  state: PanelState,
  reason: string,
): z.infer<typeof NotApplicableMessage> {
  return { type: 'notApplicable', requestId, state, views: VIEW_CHOICES, reason: reason.slice(0, 2000) };
}
