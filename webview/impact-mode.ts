import type { ImpactInfo } from '../src/shared/impact-protocol';
import type { RenderDiagramMessage } from '../src/shared/protocol';
import { addImpactStyles } from './impact-styles';
import { postToHost } from './messaging';
import { nodeElements } from './svg-elements';

const LEGEND: readonly (readonly [keyof ImpactInfo['nodes'], string, string])[] = [
  ['failing', 'failing', 'Failing'],
  ['fails', 'fails', 'Fails with it'],
  ['degrades', 'degrades', 'Degrades'],
  ['buildTime', 'build-time', 'Build time only'],
  ['unaffected', 'unaffected', 'Unaffected'],
];

/** Edge colours (the host's `IMPACT_EDGE_STYLES`): what the dependency carries along the cascade. */
const EDGE_LEGEND: readonly (readonly [string, string])[] = [
  ['sync', 'call or import'],
  ['async', 'through a broker'],
  ['shared-database', 'shared database'],
  ['build-time', 'type import'],
];

/**
 * The diagram's Impact mode in the webview: an *Impact* button in the toolbar (on the selected
 * node), right-click on a node, and, while on, a bar under the toolbar with the legend and its
 * counts and a stepper that shows the cascade one hop at a time. The host paints the drawing.
 */
export class ImpactMode {
  private readonly bar = document.createElement('div');
  private current: RenderDiagramMessage | undefined;

  constructor(
    private readonly selected: () => string | undefined,
    private readonly say: (text: string) => void,
  ) {
    addImpactStyles();
    this.bar.id = 'impact-bar';
    this.bar.dataset['probeText'] = 'impact';
    this.bar.setAttribute('role', 'region');
    this.bar.setAttribute('aria-label', 'Impact');
    document.getElementById('breadcrumb')?.before(this.bar);
    const button = document.createElement('vscode-button');
    button.id = 'impact';
    button.setAttribute('secondary', '');
    button.title = 'What breaks if the selected node fails (or right-click a node)';
    button.textContent = 'Impact';
    button.addEventListener('click', () => this.start(this.selected()));
    document.querySelector('#toolbar .spacer')?.before(button);
  }

  /** Starts Impact mode on a node id; says what to do without one. */
  start(node: string | undefined): void {
    if (node === undefined) {
      this.say('Click a node first, then Impact (or right-click a node).');
      return;
    }
    postToHost({ type: 'setImpact', impact: { node } });
  }

  /** Nothing drawn (a view that does not apply, no folder): no bar. */
  clear(): void {
    this.current = undefined;
    this.bar.classList.remove('shown');
    this.bar.replaceChildren();
  }

  /** After each drawing: the bar for this message, and right-click on every node. */
  update(message: RenderDiagramMessage, svg: SVGSVGElement): void {
    this.current = message;
    const nodes = nodeElements(svg);
    for (const info of message.nodes) {
      nodes.get(info.mermaidId)?.addEventListener('contextmenu', (event) => {
        event.preventDefault();
        this.start(info.id);
      });
    }
    const impact = message.impact;
    this.bar.classList.toggle('shown', impact !== undefined);
    if (!impact) {
      this.bar.replaceChildren();
      return;
    }
    const title = document.createElement('strong');
    title.textContent = `Impact of ${impact.target}`;
    const legend = LEGEND.map(([key, css, label]) => {
      const item = document.createElement('span');
      const swatch = document.createElement('span');
      swatch.className = `swatch ${css}`;
      item.append(swatch, `${label}: ${impact.nodes[key]}`);
      return item;
    });
    const edges = document.createElement('span');
    edges.append('Edges:');
    for (const [css, label] of EDGE_LEGEND) {
      const line = document.createElement('span');
      line.className = `line ${css}`;
      edges.append(' ', line, label);
    }
    const files = document.createElement('span');
    files.textContent = `Files: ${impact.files.fails} fail, ${impact.files.degrades} degrade, ${impact.files.buildTime} build time only (${impact.files.direct} direct, ${impact.files.transitive} transitive)`;
    const hop = document.createElement('span');
    hop.className = 'hop';
    hop.textContent = `Hop ${impact.hop} of ${impact.maxHops}`;
    const step = (label: string, title: string, to: number, enabled: boolean): HTMLElement => {
      const button = document.createElement('vscode-button');
      button.setAttribute('secondary', '');
      button.textContent = label;
      button.title = title;
      if (!enabled) button.setAttribute('disabled', '');
      button.addEventListener('click', () => {
        const state = this.current?.state.impact;
        if (enabled && state) postToHost({ type: 'setImpact', impact: { node: state.node, hop: to } });
      });
      return button;
    };
    const exit = document.createElement('vscode-button');
    exit.textContent = 'Exit Impact';
    exit.setAttribute('secondary', '');
    exit.addEventListener('click', () => postToHost({ type: 'setImpact', impact: null }));
    this.bar.replaceChildren(
      title,
      ...legend,
      edges,
      files,
      step('◀ Hop', 'One hop less', impact.hop - 1, impact.hop > 0),
      hop,
      step('Hop ▶', 'One hop more', impact.hop + 1, impact.hop < impact.maxHops),
      step('All hops', 'The whole cascade', impact.maxHops, impact.hop < impact.maxHops),
      exit,
    );
  }
}
