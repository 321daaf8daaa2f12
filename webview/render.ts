import mermaid from 'mermaid';

let initialized = false;

/** Mermaid with its defaults for size limits (never raised) and strict security. */
function ensureMermaid(): void {
  if (initialized) return;
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    flowchart: { htmlLabels: false },
  });
  initialized = true;
}

export interface RenderOutcome {
  readonly svgLength: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

let renderCount = 0;

/** Renders Mermaid text into `container`, replacing what was there. */
export async function renderMermaid(container: HTMLElement, text: string): Promise<RenderOutcome> {
  ensureMermaid();
  const { svg } = await mermaid.render(`archlens-diagram-${renderCount++}`, text);
  container.innerHTML = svg;
  const root = container.querySelector('svg');
  return {
    svgLength: svg.length,
    nodeCount: root?.querySelectorAll('g.node').length ?? 0,
    edgeCount: root?.querySelectorAll('.edgePaths path, path.flowchart-link').length ?? 0,
  };
}
