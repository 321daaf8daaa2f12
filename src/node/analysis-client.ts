import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileChange } from '../core/model';
import { CancelledError, type ProgressReport } from '../core/ports';
import type {
  AnalyzeSettings,
  ArchitectureAnalysis,
  WorkerData,
  WorkerRequest,
  WorkerResponse,
} from './analysis-protocol';

interface Pending {
  readonly resolve: (result: ArchitectureAnalysis) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: ProgressReport) => void;
}

/**
 * Talks to one analysis worker for one workspace folder. Requests run one at a time in the
 * worker; `cancel()` stops the running one at its next checkpoint.
 */
export class AnalysisClient {
  private readonly worker: Worker;
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;

  /** @param workerScript the bundled worker (`dist/analysis-worker.js`). */
  constructor(workerScript: string, root: string) {
    const data: WorkerData = { root, cancel: this.cancelFlag.buffer as SharedArrayBuffer };
    this.worker = new Worker(path.resolve(workerScript), { workerData: data });
    this.worker.on('message', (message: WorkerResponse) => this.receive(message));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) =>
      this.failAll(new Error(`The analysis worker stopped (exit code ${code})`)),
    );
  }

  analyze(
    settings: AnalyzeSettings,
    onProgress?: (p: ProgressReport) => void,
  ): Promise<ArchitectureAnalysis> {
    return this.request({ type: 'analyze', id: this.nextId++, settings }, onProgress);
  }

  update(changes: readonly FileChange[]): Promise<ArchitectureAnalysis> {
    return this.request({ type: 'update', id: this.nextId++, changes });
  }

  cancel(): void {
    Atomics.store(this.cancelFlag, 0, 1);
  }

  /** Stops the worker; requests still running end as cancelled, not as failures. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.failAll(new CancelledError());
    void this.worker.terminate();
  }

  private request(
    message: WorkerRequest,
    onProgress?: (p: ProgressReport) => void,
  ): Promise<ArchitectureAnalysis> {
    if (this.disposed) return Promise.reject(new CancelledError());
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage(message);
    });
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.onProgress?.(message.progress);
        return;
      case 'result':
        pending.resolve(message.result);
        break;
      case 'cancelled':
        pending.reject(new CancelledError());
        break;
      case 'error':
        pending.reject(new Error(message.message));
        break;
    }
    this.pending.delete(message.id);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
