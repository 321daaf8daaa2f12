import { createWorkspaceDetectContext } from '../detect';
import type { DetectionResult, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { measureSignals } from './measure-signals';
import type { TeamSize } from './types';
import type { WorkspaceSignals } from './workspace-signals';

/**
 * Measures the signals of an analysed workspace over the same detection context as
 * `detectArchitecture` (units and graph, with the same file readers).
 */
export function measureWorkspaceSignals(
  fs: FileSystemPort,
  model: WorkspaceModel,
  detection: DetectionResult,
  team: TeamSize,
  options: { readonly maxFileSize?: number } = {},
): WorkspaceSignals {
  return measureSignals(createWorkspaceDetectContext(fs, model, options), detection, team);
}
