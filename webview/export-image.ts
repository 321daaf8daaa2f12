import { naturalSize } from './pan-zoom';

/** The drawn SVG as a standalone document (namespaced, sized, with its background). */
export function svgDocument(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = naturalSize(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  clone.style.backgroundColor = background();
  clone.style.maxWidth = '';
  return new XMLSerializer().serializeToString(clone);
}

/** The drawn SVG rasterised at `scale` on a canvas: a `data:image/png;base64,` URL. */
export async function pngDataUrl(svg: SVGSVGElement, scale = 2): Promise<string> {
  const { width, height } = naturalSize(svg);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the SVG could not be loaded as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgDocument(svg))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(width * scale));
  canvas.height = Math.max(1, Math.ceil(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = background();
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}

function background(): string {
  return getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff';
}
