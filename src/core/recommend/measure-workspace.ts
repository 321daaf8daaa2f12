import { createDetectContext } from '../detect';
import type { DetectionResult, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { DEFAULT_MAX_FILE_SIZE, readSourceText } from '../scan';
import { extractSymbols } from '../extract';
import { measureSignals } from './measure-signals';
import type { TeamSize } from './types';
import type { WorkspaceSignals } from './workspace-signals';

/**
 * Measures the signals of an analysed workspace: builds the same detection context as
 * `detectArchitecture` (units and graph, with the same file readers) and measures it.
 */
export function measureWorkspaceSignals(
  fs: FileSystemPort,
  model: WorkspaceModel,
  detection: DetectionResult,
  team: TeamSize,
  options: { readonly maxFileSize?: number } = {},
): WorkspaceSignals {
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
  });
  return measureSignals(context, detection, team);
}
