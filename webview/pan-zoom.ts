/** Pan and zoom of the drawn SVG: wheel zooms around the pointer, dragging the background pans. */
export interface Viewport {
  zoom: number;
  panX: number;
  panY: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;

export class PanZoom {
  private dragging: { x: number; y: number; panX: number; panY: number } | undefined;
  /** True from a fit until the user zooms or pans: while it holds, a resize of the panel refits. */
  private fitted = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
    private readonly state: Viewport,
    private readonly changed: () => void,
  ) {
    viewport.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.down(event));
    viewport.addEventListener('pointermove', (event) => this.move(event));
    viewport.addEventListener('pointerup', (event) => this.up(event));
    viewport.addEventListener('pointercancel', (event) => this.up(event));
    new ResizeObserver(() => {
      if (this.fitted) this.fit();
    }).observe(viewport);
    this.apply();
  }

  get current(): Viewport {
    return { ...this.state };
  }

  set(next: Viewport): void {
    Object.assign(this.state, next);
    this.apply();
  }

  /** Scales and centres the drawing to fill the viewport (never above 100 %). */
  fit(): void {
    const svg = this.canvas.querySelector('svg');
    if (!svg) return;
    const { width, height } = naturalSize(svg);
    const box = this.viewport.getBoundingClientRect();
    // A panel drawn while hidden (no size yet) fits as soon as it has one.
    this.fitted = true;
    if (width <= 0 || height <= 0 || box.width <= 24 || box.height <= 24) return;
    const zoom = Math.min(1, (box.width - 24) / width, (box.height - 24) / height);
    this.set({ zoom, panX: (box.width - width * zoom) / 2, panY: (box.height - height * zoom) / 2 });
    this.fitted = true;
    this.changed();
  }

  zoomBy(factor: number): void {
    const box = this.viewport.getBoundingClientRect();
    this.zoomAround(factor, box.width / 2, box.height / 2);
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    const box = this.viewport.getBoundingClientRect();
    this.zoomAround(
      Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)),
      event.clientX - box.left,
      event.clientY - box.top,
    );
  }

  private zoomAround(factor: number, x: number, y: number): void {
    this.fitted = false;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.state.zoom * factor));
    const applied = zoom / this.state.zoom;
    this.set({ zoom, panX: x - (x - this.state.panX) * applied, panY: y - (y - this.state.panY) * applied });
    this.changed();
  }

  private down(event: PointerEvent): void {
    if (
      event.button !== 0 ||
      (event.target instanceof Element && event.target.closest('g.node, path[data-edge="true"], .edgeLabel'))
    )
      return;
    this.dragging = { x: event.clientX, y: event.clientY, panX: this.state.panX, panY: this.state.panY };
    this.viewport.setPointerCapture(event.pointerId);
    this.viewport.classList.add('dragging');
  }

  private move(event: PointerEvent): void {
    if (!this.dragging) return;
    if (event.clientX !== this.dragging.x || event.clientY !== this.dragging.y) this.fitted = false;
    this.set({
      zoom: this.state.zoom,
      panX: this.dragging.panX + event.clientX - this.dragging.x,
      panY: this.dragging.panY + event.clientY - this.dragging.y,
    });
  }

  private up(event: PointerEvent): void {
    if (!this.dragging) return;
    this.dragging = undefined;
    if (this.viewport.hasPointerCapture(event.pointerId))
      this.viewport.releasePointerCapture(event.pointerId);
    this.viewport.classList.remove('dragging');
    this.changed();
  }

  private apply(): void {
    this.canvas.style.transform = `translate(${this.state.panX}px, ${this.state.panY}px) scale(${this.state.zoom})`;
  }
}

/** The drawing's size in CSS pixels at 100 %: from its viewBox, Mermaid's `max-width` otherwise. */
export function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const viewBox = svg.viewBox.baseVal;
  if (viewBox && viewBox.width > 0) return { width: viewBox.width, height: viewBox.height };
  const box = svg.getBBox();
  return { width: box.width, height: box.height };
}
