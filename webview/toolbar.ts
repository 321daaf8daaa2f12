// Only the components the toolbar uses, so the bundle stays lean.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { ViewId } from '../src/shared/protocol';

/** What the toolbar asks for; `main.ts` turns these into messages or viewport changes. */
export interface ToolbarActions {
  selectView(view: ViewId): void;
  setFocusDirection(direction: 'off' | 'dependencies' | 'dependents'): void;
  fit(): void;
  zoomBy(factor: number): void;
  copyMermaid(): void;
  saveMarkdown(): void;
  saveSvg(): void;
  savePng(): void;
  navigate(step: number): void;
}

interface SelectElement extends HTMLElement {
  value: string;
}

const VIEW_IDS: readonly ViewId[] = ['overview', 'layers', 'events', 'cqrs', 'deps'];

/** Wires the toolbar and breadcrumb elements of the page to `actions`. */
export class Toolbar {
  private readonly viewPicker = required<SelectElement>('view-picker');
  private readonly focusPicker = required<SelectElement>('focus-picker');
  private readonly breadcrumb = required<HTMLElement>('breadcrumb');
  private viewsKey = '';

  constructor(private readonly actions: ToolbarActions) {
    this.viewPicker.addEventListener('change', () => {
      const view = VIEW_IDS.find((id) => id === this.viewPicker.value);
      if (view) actions.selectView(view);
    });
    this.focusPicker.addEventListener('change', () => {
      const value = this.focusPicker.value;
      actions.setFocusDirection(value === 'dependencies' || value === 'dependents' ? value : 'off');
    });
    const buttons: readonly (readonly [string, () => void])[] = [
      ['fit', () => actions.fit()],
      ['zoom-in', () => actions.zoomBy(1.25)],
      ['zoom-out', () => actions.zoomBy(0.8)],
      ['copy-mermaid', () => actions.copyMermaid()],
      ['save-markdown', () => actions.saveMarkdown()],
      ['save-svg', () => actions.saveSvg()],
      ['save-png', () => actions.savePng()],
    ];
    for (const [id, run] of buttons) required<HTMLElement>(id).addEventListener('click', run);
  }

  /** Shows the views (options rebuilt only when they change) with `current` selected. */
  setViews(views: readonly { id: ViewId; label: string }[], current: ViewId): void {
    const key = views.map((v) => `${v.id}:${v.label}`).join('|');
    if (key !== this.viewsKey) {
      this.viewPicker.replaceChildren(
        ...views.map((view) => {
          const option = document.createElement('vscode-option');
          option.setAttribute('value', view.id);
          option.textContent = view.label;
          return option;
        }),
      );
      this.viewsKey = key;
    }
    this.viewPicker.value = current;
  }

  setFocusDirection(direction: 'off' | 'dependencies' | 'dependents'): void {
    this.focusPicker.value = direction;
  }

  /** The breadcrumb: every step but the last is a link back up. */
  setBreadcrumb(steps: readonly string[]): void {
    const parts: Node[] = [];
    steps.forEach((label, index) => {
      if (index > 0) parts.push(document.createTextNode(' › '));
      if (index === steps.length - 1) {
        const current = document.createElement('span');
        current.textContent = label;
        current.setAttribute('aria-current', 'page');
        parts.push(current);
      } else {
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = label;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          this.actions.navigate(index);
        });
        parts.push(link);
      }
    });
    this.breadcrumb.replaceChildren(...parts);
  }
}

export function required<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}
