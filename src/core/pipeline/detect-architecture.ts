import { createDetectContext, detectPatterns } from '../detect';
import { extractSymbols } from '../extract';
import type { DetectionResult, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { DEFAULT_MAX_FILE_SIZE, readSourceText } from '../scan';

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
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const readText = (relPath: string): string | undefined => {
    const read = readSourceText(fs, `${model.root}/${relPath}`, relPath, max);
    return 'text' in read ? read.text : undefined;
  };
  const context = createDetectContext({
    model,
    readText,
    symbols: (relPath) => {
      const text = readText(relPath);
      return text === undefined ? undefined : extractSymbols(relPath, text);
    },
    ...(options.authors === undefined ? {} : { authors: options.authors }),
  });
  return detectPatterns(context);
}
