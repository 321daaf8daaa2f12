import { naturalSize } from './pan-zoom';

/**
 * How tall a node label is on screen when the drawing is fitted to `viewport` (the zoom of
 * PanZoom.fit times the labels' font size in the drawing), and the editor's font size it should
 * reach. `undefined` when the panel has no size yet (hidden) or nothing is drawn.
 */
export function labelSizeAtFit(
  svg: SVGSVGElement,
  viewport: HTMLElement,
): { readonly labelPx: number; readonly fontPx: number } | undefined {
  const { width, height } = naturalSize(svg);
  const box = viewport.getBoundingClientRect();
  if (width <= 0 || height <= 0 || box.width <= 24 || box.height <= 24) return undefined;
  const zoom = Math.min(1, (box.width - 24) / width, (box.height - 24) / height);
  const sizes = [...svg.querySelectorAll<SVGTextElement>('g.node text')]
    .map((text) => parseFloat(getComputedStyle(text).fontSize))
    .filter((size) => Number.isFinite(size) && size > 0)
    .sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)];
  if (median === undefined) return undefined;
  return { labelPx: median * zoom, fontPx: editorFontPx() };
}

/** The editor's font size from VS Code's theme variables (14 px when not set). */
export function editorFontPx(): number {
  const style = getComputedStyle(document.body);
  const size = parseFloat(style.getPropertyValue('--vscode-editor-font-size'));
  return Number.isFinite(size) && size > 0 ? size : 14;
}
