import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileChange } from '../core/model';
import type { RuleReport } from '../core/rules';
import { CancelledError, type ProgressReport } from '../core/ports';
import type {
  AnalyzeSettings,
  ArchitectureAnalysis,
  WorkerData,
  WorkerRequest,
  WorkerResponse,
} from './analysis-protocol';

interface Pending {
  readonly resolve: (result: ArchitectureAnalysis | null) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: ProgressReport) => void;
  readonly onRules?: (rules: RuleReport) => void;
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
  /** @param cache the analysis cache's folder and the version it is written for, if any. */
  constructor(
    workerScript: string,
    root: string,
    cache?: { readonly dir: string; readonly version: string },
  ) {
    const data: WorkerData = {
      root,
      cancel: this.cancelFlag.buffer as SharedArrayBuffer,
      ...(cache ? { cacheDir: cache.dir, version: cache.version } : {}),
    };
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
    return this.request({ type: 'analyze', id: this.nextId++, settings }, onProgress).then(definite);
  }

  /** The last analysis kept in the cache, as it was; `null` when there is none to use. */
  preview(settings: AnalyzeSettings): Promise<ArchitectureAnalysis | null> {
    return this.request({ type: 'preview', id: this.nextId++, settings });
  }

  /**
   * Updates the analysis after file changes. `onRules` gets the rules' violations first when the
   * change touched only imports, before the whole result (detection runs again) resolves.
   */
  update(
    changes: readonly FileChange[],
    onRules?: (rules: RuleReport) => void,
  ): Promise<ArchitectureAnalysis> {
    return this.request({ type: 'update', id: this.nextId++, changes }, undefined, onRules).then(definite);
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
    onRules?: (rules: RuleReport) => void,
  ): Promise<ArchitectureAnalysis | null> {
    if (this.disposed) return Promise.reject(new CancelledError());
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, {
        resolve,
        reject,
        ...(onProgress ? { onProgress } : {}),
        ...(onRules ? { onRules } : {}),
      });
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
      case 'rules':
        pending.onRules?.(message.rules);
        return;
      case 'result':
      case 'preview':
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

function definite(result: ArchitectureAnalysis | null): ArchitectureAnalysis {
  if (result === null) throw new Error('The analysis worker answered without a result');
  return result;
}
