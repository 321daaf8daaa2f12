import elkLayouts from '@mermaid-js/layout-elk';
import mermaid from 'mermaid';

/** The Mermaid theme that matches VS Code's: from the body classes VS Code sets. */
export function currentTheme(): 'default' | 'dark' | 'neutral' {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'neutral';
  if (classes.contains('vscode-dark') || classes.contains('vscode-high-contrast')) return 'dark';
  return 'default';
}

let configuredTheme: string | undefined;
let layoutsRegistered = false;

/** Mermaid with its default size limits (never raised), strict security and the VS Code theme. */
function configure(): void {
  if (!layoutsRegistered) {
    mermaid.registerLayoutLoaders(elkLayouts);
    layoutsRegistered = true;
  }
  const theme = currentTheme();
  if (configuredTheme === theme) return;
  const font = getComputedStyle(document.body).getPropertyValue('--vscode-font-family').trim();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme,
    // Mermaid 12 lays out with ELK unless told otherwise; ELK costs ~0.6 s more than dagre on a
    // 40-node overview. The diagram text asks for ELK itself when the graph is large or has
    // groups (`layout: elk` front-matter, see `usesElk` in src/core/diagram/to-mermaid.ts).
    layout: 'dagre',
    htmlLabels: false,
    // Mermaid wraps SVG labels at 200 px, splitting names without spaces mid-word
    // (`inventory.com` / `mands`). Labels are cut at 60 characters (MAX_LABEL_LENGTH in
    // src/core/diagram/to-mermaid.ts), which take up to ~520 px: 600 keeps every one on a line.
    flowchart: { htmlLabels: false, wrappingWidth: 600 },
    ...(font ? { fontFamily: font } : {}),
  });
  configuredTheme = theme;
}

export interface RenderOutcome {
  readonly svg: SVGSVGElement;
  readonly svgLength: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

let renderCount = 0;
let room: HTMLElement | undefined;

/**
 * Where Mermaid builds the SVG before it is returned: by default a new element on the page,
 * which the browser restyles, lays out and paints between Mermaid's steps. Here a hidden
 * element whose style and layout are contained, so measuring a label touches nothing else and
 * nothing is painted.
 */
function drawingRoom(): HTMLElement {
  if (!room) {
    room = document.createElement('div');
    room.id = 'mermaid-drawing-room';
    room.setAttribute('aria-hidden', 'true');
    room.style.cssText =
      'position:absolute;left:-100000px;top:0;width:4000px;height:4000px;visibility:hidden;contain:strict;overflow:hidden;';
    document.body.appendChild(room);
  }
  return room;
}

/** Renders Mermaid text into `container`, replacing what was there. Throws Mermaid's error. */
export async function renderMermaid(container: HTMLElement, text: string): Promise<RenderOutcome> {
  configure();
  const { svg } = await mermaid.render(`archlens-diagram-${renderCount++}`, text, drawingRoom());
  container.innerHTML = svg;
  const root = container.querySelector('svg');
  if (!root) throw new Error('Mermaid returned no SVG');
  // Mermaid sizes the SVG to its container; pan and zoom need it at its natural size.
  const viewBox = root.viewBox.baseVal;
  if (viewBox && viewBox.width > 0) {
    root.setAttribute('width', String(Math.ceil(viewBox.width)));
    root.setAttribute('height', String(Math.ceil(viewBox.height)));
    root.style.maxWidth = 'none';
  }
  return {
    svg: root,
    svgLength: svg.length,
    nodeCount: root.querySelectorAll('g.node').length,
    edgeCount: root.querySelectorAll('path[data-edge="true"], .edgePaths path, path.flowchart-link').length,
  };
}
