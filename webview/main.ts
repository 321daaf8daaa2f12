import type {
  NothingToDrawMessage,
  PanelState,
  RenderDiagramMessage,
  ToWebviewMessage,
  ViewId,
} from '../src/shared/protocol';
import { CompareView } from './compare-view';
import { pngDataUrl, svgDocument } from './export-image';
import { ImpactMode } from './impact-mode';
import { onHostMessage, postToHost, savedState, saveState } from './messaging';
import { onClicks } from './node-clicks';
import { PanZoom } from './pan-zoom';
import { labelSizeAtFit } from './readability';
import { renderMermaid } from './render';
import { edgeElements, edgeLabels, nodeElements, outlineNode, setTooltip } from './svg-elements';
import { required, Toolbar } from './toolbar';

const canvas = required<HTMLElement>('canvas');
const viewport = required<HTMLElement>('viewport');
const status = required<HTMLElement>('status');
const notes = required<HTMLElement>('notes');

const restored = savedState();
let panelState: PanelState | undefined = restored?.panel;
let lastRender: RenderDiagramMessage | undefined;
let selectedNode: string | undefined;
let drawnView: ViewId | undefined;
/** After a reload the saved pan and zoom are kept for the first drawing. */
let keepRestoredViewport = restored !== undefined;

const impactMode = new ImpactMode(
  () => selectedNode,
  (text) => (status.textContent = text),
);
const compareView = new CompareView([
  viewport,
  required<HTMLElement>('breadcrumb'),
  required<HTMLElement>('impact-bar'),
  status,
]);

const panZoom = new PanZoom(
  viewport,
  canvas,
  { zoom: restored?.zoom ?? 1, panX: restored?.panX ?? 0, panY: restored?.panY ?? 0 },
  persist,
);

const toolbar = new Toolbar({
  selectView: (view) => {
    if (view !== panelState?.view) postToHost({ type: 'selectView', view });
  },
  setFocusDirection: (direction) => {
    if (direction === 'off') {
      postToHost({ type: 'setFocus', focus: null });
      return;
    }
    const node = selectedNode ?? panelState?.focus?.node;
    if (node === undefined) {
      status.textContent = 'Click a node first, then pick a focus.';
      toolbar.setFocusDirection('off');
      return;
    }
    postToHost({ type: 'setFocus', focus: { node, direction } });
  },
  fit: () => panZoom.fit(),
  zoomBy: (factor) => panZoom.zoomBy(factor),
  copyMermaid: () => postToHost({ type: 'export', format: 'copyMermaid' }),
  saveMarkdown: () => postToHost({ type: 'export', format: 'markdown' }),
  saveSvg: () => {
    const svg = canvas.querySelector('svg');
    if (svg) postToHost({ type: 'export', format: 'svg', data: svgDocument(svg) });
  },
  savePng: () => {
    const svg = canvas.querySelector('svg');
    if (!svg) return;
    pngDataUrl(svg).then(
      (data) => postToHost({ type: 'export', format: 'png', data }),
      (error: unknown) =>
        (status.textContent = `Could not make a PNG: ${error instanceof Error ? error.message : String(error)}`),
    );
  },
  navigate: (step) => postToHost({ type: 'navigate', step }),
});

onHostMessage((message: ToWebviewMessage) => {
  if (message.type !== 'compare') compareView.hide();
  if (message.type === 'notApplicable' || message.type === 'nothingToDraw') impactMode.clear();
  switch (message.type) {
    case 'compare':
      void compareView.show(message);
      break;
    case 'render':
      void draw(message);
      break;
    case 'notApplicable':
      panelState = message.state;
      lastRender = undefined;
      drawnView = undefined;
      toolbar.setViews(message.views, message.state.view);
      toolbar.setBreadcrumb([]);
      canvas.replaceChildren();
      notes.textContent = '';
      status.textContent = message.reason;
      status.classList.add('reason');
      persist();
      break;
    case 'nothingToDraw':
      showNothingToDraw(message);
      break;
  }
});

/** No folder or no analysis: the reason, and the button that helps. */
function showNothingToDraw(message: NothingToDrawMessage): void {
  lastRender = undefined;
  drawnView = undefined;
  toolbar.setBreadcrumb([]);
  canvas.replaceChildren();
  notes.textContent = '';
  status.classList.add('reason');
  const text = document.createElement('p');
  text.textContent = message.reason;
  status.replaceChildren(text);
  const action = message.action;
  if (action) {
    const button = document.createElement('vscode-button');
    button.textContent = action.label;
    button.addEventListener('click', () => postToHost({ type: 'runAction', action: action.id }));
    status.append(button);
  }
}

async function draw(message: RenderDiagramMessage): Promise<void> {
  panelState = message.state;
  lastRender = message;
  toolbar.setViews(message.views, message.state.view);
  toolbar.setBreadcrumb(message.breadcrumb);
  toolbar.setFocusDirection(message.state.focus?.direction ?? 'off');
  status.classList.remove('reason');
  status.textContent = `Drawing ${message.title}…`;
  try {
    const outcome = await renderMermaid(canvas, message.mermaid);
    if (lastRender !== message) return;
    annotate(outcome.svg, message);
    impactMode.update(message, outcome.svg);
    status.textContent = `${message.title}: ${message.nodes.length} nodes, ${message.edges.length} edges. Click a node to open it, double-click to expand it, click an edge to see its imports.`;
    notes.textContent = message.notes.join(' ');
    const fresh = drawnView !== message.state.view || !message.keepViewport;
    drawnView = message.state.view;
    const fitted = fresh && !keepRestoredViewport;
    if (fitted) panZoom.fit();
    keepRestoredViewport = false;
    persist();
    // Measured only on a drawing shown fitted: the host collapses further when labels come out small.
    const size = fitted ? labelSizeAtFit(outcome.svg, viewport) : undefined;
    postToHost({
      type: 'rendered',
      requestId: message.requestId,
      svgLength: outcome.svgLength,
      nodeCount: outcome.nodeCount,
      edgeCount: outcome.edgeCount,
      ...(size ? { labelPx: size.labelPx, fontPx: size.fontPx } : {}),
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    status.textContent = `Could not draw the diagram: ${text}`;
    postToHost({ type: 'renderFailed', requestId: message.requestId, error: text.slice(0, 5000) });
  }
}

/** Tooltips and listeners on the drawn nodes and edges (Mermaid's own `click` is off in strict mode). */
function annotate(svg: SVGSVGElement, message: RenderDiagramMessage): void {
  const nodes = nodeElements(svg);
  for (const info of message.nodes) {
    const element = nodes.get(info.mermaidId);
    if (!element) continue;
    const hints = [info.openable ? 'click to open' : '', info.expandable ? 'double-click to expand' : '']
      .filter(Boolean)
      .join(', ');
    setTooltip(element, hints ? `${info.detail}\n(${hints})` : info.detail);
    element.classList.add('archlens-node');
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', info.label);
    if (info.emphasis) element.classList.add(`focus-${info.emphasis === 'focus' ? 'target' : info.emphasis}`);
    if (info.id === selectedNode) selectElement(element);
    else if (info.emphasis === 'focus') outlineNode(element, FOCUS_OUTLINE);
    onClicks(element, {
      immediate: () => select(svg, info.id, element),
      ...(info.openable ? { single: () => postToHost({ type: 'openNode', nodeId: info.id }) } : {}),
      ...(info.expandable ? { double: () => postToHost({ type: 'expandNode', nodeId: info.id }) } : {}),
    });
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && info.expandable) postToHost({ type: 'expandNode', nodeId: info.id });
      else if (event.key === ' ' && info.openable) postToHost({ type: 'openNode', nodeId: info.id });
    });
  }
  const edges = edgeElements(svg);
  const labels = edgeLabels(svg);
  message.edges.forEach((info, index) => {
    const targets: SVGElement[] = [];
    const path = edges.get(info.mermaidId);
    if (path) targets.push(path);
    const label = labels[index];
    if (label && label.textContent?.trim()) targets.push(label);
    for (const target of targets) {
      setTooltip(target, `${info.detail}\n(click to list the imports)`);
      target.classList.add('archlens-edge');
      // Red in the drawing (Mermaid's linkStyle); the class names it for styles and tests.
      if (info.violations) target.classList.add('archlens-violation');
      target.addEventListener('click', () => postToHost({ type: 'showEdge', edgeId: info.id }));
    }
  });
}

const SELECTED_OUTLINE = 3;
const FOCUS_OUTLINE = 4;

function select(svg: SVGSVGElement, id: string, element: SVGGElement): void {
  for (const other of svg.querySelectorAll<SVGGElement>('g.node.selected')) {
    other.classList.remove('selected');
    outlineNode(other, other.classList.contains('focus-target') ? FOCUS_OUTLINE : undefined);
  }
  selectElement(element);
  selectedNode = id;
}

function selectElement(element: SVGGElement): void {
  element.classList.add('selected');
  outlineNode(element, element.classList.contains('focus-target') ? FOCUS_OUTLINE : SELECTED_OUTLINE);
}

function persist(): void {
  if (!panelState) return;
  saveState({ panel: panelState, ...panZoom.current });
}

// Re-render in the new theme when VS Code switches it (it changes the body's classes).
new MutationObserver(() => {
  if (lastRender) void draw({ ...lastRender, keepViewport: true });
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

postToHost({ type: 'ready' });
