import type { CompareCutId, CompareMessage } from '../src/shared/impact-protocol';
import { addImpactStyles } from './impact-styles';
import { postToHost } from './messaging';
import { renderMermaid } from './render';

const CUTS: readonly (readonly [CompareCutId, string])[] = [
  ['modular-monolith', 'Modular monolith'],
  ['microservices', 'Microservices'],
];

/**
 * The Compare view: today's cut and a proposed one drawn side by side, and a table of the
 * figures of all three with the cost definitions. Replaces the diagram until closed.
 */
export class CompareView {
  private readonly root = document.createElement('section');
  private shown: CompareMessage | undefined;

  constructor(private readonly hidden: readonly HTMLElement[]) {
    addImpactStyles();
    this.root.id = 'compare-view';
    this.root.dataset['probeText'] = 'compare';
    this.root.setAttribute('aria-label', 'Compare architectures');
    document.getElementById('notes')?.before(this.root);
    const button = document.createElement('vscode-button');
    button.id = 'compare';
    button.setAttribute('secondary', '');
    button.title = 'Compare today’s cut with candidate modules as a modular monolith and as microservices';
    button.textContent = 'Compare';
    button.addEventListener('click', () => postToHost({ type: 'showCompare', cut: 'modular-monolith' }));
    document.querySelector('#toolbar .spacer')?.before(button);
  }

  get isShown(): boolean {
    return this.shown !== undefined;
  }

  async show(message: CompareMessage): Promise<void> {
    this.shown = message;
    for (const element of this.hidden) element.style.display = 'none';
    this.root.classList.add('shown');
    const cuts = document.createElement('div');
    cuts.className = 'cuts';
    const heading = document.createElement('strong');
    heading.textContent = 'Compare today with:';
    cuts.append(heading);
    for (const [id, label] of CUTS) {
      const button = document.createElement('vscode-button');
      button.textContent = label;
      if (id !== message.cut) button.setAttribute('secondary', '');
      button.addEventListener('click', () => postToHost({ type: 'showCompare', cut: id }));
      cuts.append(button);
    }
    const close = document.createElement('vscode-button');
    close.textContent = 'Close Compare';
    close.setAttribute('secondary', '');
    close.addEventListener('click', () => postToHost({ type: 'showCompare', cut: null }));
    cuts.append(close);
    const panes = document.createElement('div');
    panes.className = 'panes';
    const today = pane(message.today.title);
    const proposed = pane(message.proposed.title);
    panes.append(today.element, proposed.element);
    this.root.replaceChildren(cuts, panes, figuresTable(message), definitions(message));
    try {
      const left = await renderMermaid(today.canvas, message.today.mermaid);
      const right = await renderMermaid(proposed.canvas, message.proposed.mermaid);
      if (this.shown !== message) return;
      for (const svg of [left.svg, right.svg]) {
        svg.removeAttribute('height');
        svg.setAttribute('width', '100%');
      }
      postToHost({
        type: 'rendered',
        requestId: message.requestId,
        svgLength: left.svgLength + right.svgLength,
        nodeCount: left.nodeCount + right.nodeCount,
        edgeCount: left.edgeCount + right.edgeCount,
      });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      postToHost({ type: 'renderFailed', requestId: message.requestId, error: text.slice(0, 5000) });
    }
  }

  hide(): void {
    if (!this.shown) return;
    this.shown = undefined;
    this.root.classList.remove('shown');
    this.root.replaceChildren();
    for (const element of this.hidden) element.style.display = '';
  }
}

function pane(title: string): { element: HTMLElement; canvas: HTMLElement } {
  const element = document.createElement('div');
  element.className = 'pane';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const canvas = document.createElement('div');
  element.append(heading, canvas);
  return { element, canvas };
}

function figuresTable(message: CompareMessage): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of [
    'Cut',
    'Parts',
    'Crossed imports',
    'Type-only',
    'Cycles',
    'Shared databases',
    'Shared code',
    'Moves',
    'Cost',
  ]) {
    const cell = document.createElement('th');
    cell.textContent = title;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const row of message.figures) {
    const tr = body.insertRow();
    const values = [
      row.parts,
      row.crossedEdges,
      row.crossedTypeEdges,
      row.cycles,
      row.sharedDatabases,
      row.sharedCode,
      row.moves,
      row.cost,
    ];
    const label = tr.insertCell();
    label.textContent = row.label;
    for (const value of values) {
      const cell = tr.insertCell();
      cell.className = 'number';
      cell.textContent = String(value);
    }
  }
  return table;
}

function definitions(message: CompareMessage): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'definitions';
  for (const row of message.figures) {
    const item = document.createElement('li');
    item.textContent = `${row.label}: ${row.costDefinition}.`;
    list.append(item);
  }
  for (const note of message.notes) {
    const item = document.createElement('li');
    item.textContent = note;
    list.append(item);
  }
  return list;
}
