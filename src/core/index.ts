/**
 * The one entry of ArchLens's analysis: scan → extract → resolve → graph (→ detect → rules).
 * Everything here is pure TypeScript; files are reached through the ports in `./ports`.
 */
import { WorkspaceEngine, type EngineOptions } from './graph';
import type { WorkspaceModel } from './model';
import type { FileSystemPort } from './ports';

export type * from './model';
export { PATTERN_IDS } from './model';
export * from './ports';
export { WorkspaceEngine, diffModels, type EngineOptions } from './graph';
export {
  assessArchitecture,
  detectArchitecture,
  type ArchitectureAssessment,
  type DetectOptions,
} from './pipeline/detect-architecture';
export { detectionToText } from './report/detection-text';
export { detectionToMarkdown } from './report/detection-markdown';
export { PATTERN_NAMES } from './report/pattern-names';
export { architectureTree } from './views/architecture-tree';
export type { TreeNode, TreeTarget } from './views/tree-node';
export { groupByFolder } from './views/tree-node';
export { recommendationsTree } from './views/recommendations-tree';
export { measureWorkspaceSignals, recommend } from './recommend';
export type { Recommendation, TeamSize, WorkspaceSignals } from './recommend';

/** Builds the workspace model of `root` from scratch. */
export function analyzeWorkspace(
  fs: FileSystemPort,
  root: string,
  options: EngineOptions = {},
): WorkspaceModel {
  return new WorkspaceEngine(fs, root, options).analyze();
}
export { checkArchitecture, type ArchitectureCheck, type CheckOptions } from './pipeline/check-architecture';
export { ruleBoundaries } from './pipeline/rule-boundaries';
export * from './rules';
