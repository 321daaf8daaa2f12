import type { DetectionResult, FileChange, WorkspaceModel } from '../core/model';
import type { ProgressReport } from '../core/ports';

/** Messages to the analysis worker. */
export type WorkerRequest =
  | {
      readonly type: 'analyze';
      readonly id: number;
      readonly exclude: readonly string[];
      readonly authors?: number;
    }
  | { readonly type: 'update'; readonly id: number; readonly changes: readonly FileChange[] };

/** Messages from the analysis worker. */
export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: ProgressReport }
  | { readonly type: 'result'; readonly id: number; readonly result: ArchitectureAnalysis }
  | { readonly type: 'cancelled'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** What the worker is started with. */
export interface WorkerData {
  readonly root: string;
  /** One Int32 slot: set to 1 to cancel the running request. */
  readonly cancel: SharedArrayBuffer;
}

/** The model and what detection says about it. */
export interface ArchitectureAnalysis {
  readonly model: WorkspaceModel;
  readonly detection: DetectionResult;
}
