/**
 * Finding our nodes and edges in Mermaid's SVG. With `securityLevel: 'strict'` Mermaid's
 * `click` directives are off, so listeners go on the elements; Mermaid names a node's group
 * `<diagram>-flowchart-<id>-<n>` (and sets `data-id` on nodes and edges in recent versions).
 */
export function nodeElements(svg: SVGSVGElement): Map<string, SVGGElement> {
  const found = new Map<string, SVGGElement>();
  for (const element of svg.querySelectorAll<SVGGElement>('g.node')) {
    const id = element.dataset['id'] ?? /flowchart-(n\d+)-\d+$/.exec(element.id)?.[1];
    if (id !== undefined && !found.has(id)) found.set(id, element);
  }
  return found;
}

/** Edge paths by Mermaid edge id (`e3`), from `data-id` or the element id. */
export function edgeElements(svg: SVGSVGElement): Map<string, SVGPathElement> {
  const found = new Map<string, SVGPathElement>();
  for (const element of svg.querySelectorAll<SVGPathElement>(
    'path[data-edge="true"], .edgePaths path, path.flowchart-link',
  )) {
    const id = element.dataset['id'] ?? /(?:^|-)(e\d+)$/.exec(element.id)?.[1];
    if (id !== undefined && /^e\d+$/.test(id) && !found.has(id)) found.set(id, element);
  }
  return found;
}

/** Edge labels in drawing order; Mermaid draws them in edge order. */
export function edgeLabels(svg: SVGSVGElement): SVGGElement[] {
  return [...svg.querySelectorAll<SVGGElement>('g.edgeLabel')];
}

/** Adds (or replaces) the `<title>` tooltip of an SVG element; text only, never markup. */
export function setTooltip(element: SVGElement, text: string): void {
  element.querySelector(':scope > title')?.remove();
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = text;
  element.prepend(title);
}

/**
 * Outlines a node's shapes with `width` px in the focus colour, or takes the outline off. Inline
 * and `!important`: Mermaid's class styles are `!important` under the diagram's id and would win
 * over a style sheet's rule.
 */
export function outlineNode(element: SVGGElement, width: number | undefined): void {
  for (const shape of element.querySelectorAll<SVGElement>(
    ':scope > rect, :scope > path, :scope > polygon, :scope > circle, :scope > g > rect, :scope > g > path',
  )) {
    if (width === undefined) {
      shape.style.removeProperty('stroke');
      shape.style.removeProperty('stroke-width');
    } else {
      shape.style.setProperty('stroke', 'var(--vscode-focusBorder)', 'important');
      shape.style.setProperty('stroke-width', `${width}px`, 'important');
    }
  }
}
