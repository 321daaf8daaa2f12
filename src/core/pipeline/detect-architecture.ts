import { loadConfig } from '../config';
import { createWorkspaceDetectContext, detectPatterns } from '../detect';
import { checkRules, type RuleReport } from '../rules';
import type { DetectionResult, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import type { RuleState } from './recheck-rules';
import {
  measureSignals,
  recommend,
  type Recommendation,
  type TeamSize,
  type WorkspaceSignals,
} from '../recommend';

/** What detection may know beyond the files: facts from git, when it could be read. */
export interface DetectOptions {
  /** Distinct commit authors in the last 12 months; absent when unknown. */
  readonly authors?: number;
  readonly maxFileSize?: number;
}

/**
 * Runs the detectors over a model. Detectors read declarations (`symbols`) and text only for
 * the few candidate files they ask about, through the same size and encoding checks as the scan.
 */
export function detectArchitecture(
  fs: FileSystemPort,
  model: WorkspaceModel,
  options: DetectOptions = {},
): DetectionResult {
  return detectPatterns(createWorkspaceDetectContext(fs, model, options));
}

/** Detection, the signals measured for recommendations, the recommendations, and the boundary rules. */
export interface ArchitectureAssessment {
  readonly detection: DetectionResult;
  readonly signals: WorkspaceSignals;
  readonly recommendations: readonly Recommendation[];
  /** The violations of the rules derived from detection (archlens.config.json's `rules` applied). */
  readonly rules: RuleReport;
}

/** Detects the patterns and recommends from measured signals, over one shared context. */
export function assessArchitecture(
  fs: FileSystemPort,
  model: WorkspaceModel,
  options: { readonly team: TeamSize; readonly maxFileSize?: number },
): ArchitectureAssessment {
  return assessWithRuleState(fs, model, options).assessment;
}

/** {@link assessArchitecture}, and what its rules ran on (for `recheckRules` after the next update). */
export function assessWithRuleState(
  fs: FileSystemPort,
  model: WorkspaceModel,
  options: { readonly team: TeamSize; readonly maxFileSize?: number },
): { readonly assessment: ArchitectureAssessment; readonly ruleState: RuleState } {
  const context = createWorkspaceDetectContext(fs, model, {
    ...(options.team.known ? { authors: options.team.authors } : {}),
    ...(options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize }),
  });
  const detection = detectPatterns(context);
  const signals = measureSignals(context, detection, options.team);
  const config = loadConfig(fs, model.root).config.rules ?? {};
  return {
    assessment: {
      detection,
      signals,
      recommendations: recommend(signals, detection),
      rules: checkRules({ ctx: context, detection, config }),
    },
    ruleState: { ctx: context, detection, config },
  };
}
