import { loadConfig } from '../config';
import { createWorkspaceDetectContext, detectPatterns } from '../detect';
import type { WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { deriveBoundaries, type RuleBoundaries } from '../rules/export';
import type { CheckOptions } from './check-architecture';

/**
 * The rules `checkArchitecture` would apply, as boundaries between paths for a peer's rule
 * file: the same detection context, verdicts and `rules` config.
 */
export function ruleBoundaries(
  fs: FileSystemPort,
  model: WorkspaceModel,
  options: CheckOptions = {},
): RuleBoundaries {
  const ctx = createWorkspaceDetectContext(fs, model, {
    ...(options.authors === undefined ? {} : { authors: options.authors }),
    ...(options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize }),
  });
  const detection = detectPatterns(ctx);
  const config = options.rules ?? loadConfig(fs, model.root).config.rules ?? {};
  return deriveBoundaries({ ctx, detection, config });
}
