import type { ArchitectureAssessment } from '../core/pipeline/detect-architecture';
import type { FileChange, WorkspaceModel } from '../core/model';
import type { ProgressReport } from '../core/ports';
import type { WarmStartReport } from '../core/cache';
import type { TeamSize } from '../core/recommend';

/** What an analysis is started with. */
export interface AnalyzeSettings {
  /** Globs excluded on top of .gitignore, the defaults and archlens.config.json. */
  readonly exclude: readonly string[];
  /** The team-size signal, read with git by the caller (or why it is unknown). */
  readonly team: TeamSize;
  /** Files larger than this many bytes are skipped; `undefined` for the config's or the default. */
  readonly maxFileSize?: number;
}

/** Messages to the analysis worker. */
export type WorkerRequest =
  | { readonly type: 'analyze'; readonly id: number; readonly settings: AnalyzeSettings }
  /** The last analysis kept in the cache, as it was (answered with `preview`). */
  | { readonly type: 'preview'; readonly id: number; readonly settings: AnalyzeSettings }
  | { readonly type: 'update'; readonly id: number; readonly changes: readonly FileChange[] };

/** Messages from the analysis worker. */
export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: ProgressReport }
  | { readonly type: 'result'; readonly id: number; readonly result: ArchitectureAnalysis }
  | { readonly type: 'preview'; readonly id: number; readonly result: ArchitectureAnalysis | null }
  | { readonly type: 'cancelled'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** What the worker is started with. */
export interface WorkerData {
  readonly root: string;
  /** One Int32 slot: set to 1 to cancel the running request. */
  readonly cancel: SharedArrayBuffer;
  /** The folder of the analysis cache (the extension's workspace storage); none: no cache. */
  readonly cacheDir?: string;
  /** The ArchLens version the cache is written for. */
  readonly version?: string;
}

/** The model, what detection says about it, and the recommendations. */
export interface ArchitectureAnalysis extends ArchitectureAssessment {
  readonly model: WorkspaceModel;
  /** What a full analysis took over from the analysis cache (absent on previews and updates). */
  readonly warmStart?: WarmStartReport;
}
