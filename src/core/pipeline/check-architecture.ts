import { loadConfig } from '../config';
import type { RulesConfig } from '../config/rules-schema';
import { createWorkspaceDetectContext, detectPatterns } from '../detect';
import type { DetectionResult, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { checkRules, type RuleReport } from '../rules';

/** Detection and the boundary rules derived from it. */
export interface ArchitectureCheck {
  readonly detection: DetectionResult;
  readonly rules: RuleReport;
}

export interface CheckOptions {
  readonly authors?: number;
  readonly maxFileSize?: number;
  /** The `rules` of archlens.config.json; read from the workspace root when left out. */
  readonly rules?: RulesConfig;
}

/**
 * Detects the patterns and checks the rules they imply, over one detection context: the rules
 * read the same units (rings, modules, services) and import graph the verdicts rest on.
 */
export function checkArchitecture(
  fs: FileSystemPort,
  model: WorkspaceModel,
  options: CheckOptions = {},
): ArchitectureCheck {
  const ctx = createWorkspaceDetectContext(fs, model, {
    ...(options.authors === undefined ? {} : { authors: options.authors }),
    ...(options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize }),
  });
  const detection = detectPatterns(ctx);
  // Config warnings were already reported with the model's; only the values are needed here.
  const config = options.rules ?? loadConfig(fs, model.root).config.rules ?? {};
  return { detection, rules: checkRules({ ctx, detection, config }) };
}
