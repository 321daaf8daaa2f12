import type { RenderedReport } from '../../shared/protocol';

const RENDER_TIMEOUT_MS = 30_000;

interface PendingRender {
  readonly resolve: (report: RenderedReport | undefined) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The drawings posted to the webview and not yet answered: each has a request id, and resolves
 * with the webview's report (`rendered`), rejects on `renderFailed`, or resolves `undefined`
 * after a timeout or when the panel closes.
 */
export class RenderRequests {
  private nextId = 1;
  private readonly pending = new Map<number, PendingRender>();

  /** A fresh request id. */
  newId(): number {
    return this.nextId++;
  }

  /** Calls `post` and resolves with the answer to `requestId`. */
  waitFor(requestId: number, post: () => void): Promise<RenderedReport | undefined> {
    return new Promise<RenderedReport | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve(undefined);
      }, RENDER_TIMEOUT_MS);
      this.pending.set(requestId, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      post();
    });
  }

  rendered(report: RenderedReport): void {
    this.pending.get(report.requestId)?.resolve(report);
    this.pending.delete(report.requestId);
  }

  failed(requestId: number, error: string): void {
    this.pending.get(requestId)?.reject(new Error(`Mermaid could not draw the diagram: ${error}`));
    this.pending.delete(requestId);
  }

  /** The panel closed: every waiting drawing resolves `undefined`. */
  dropAll(): void {
    for (const pending of this.pending.values()) pending.resolve(undefined);
    this.pending.clear();
  }
}
