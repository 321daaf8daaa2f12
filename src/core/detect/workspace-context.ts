import { extractSymbols } from '../extract';
import type { WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import { DEFAULT_MAX_FILE_SIZE, readSourceText } from '../scan';
import { createDetectContext, type DetectContext } from './context';

/**
 * The detection context of an analysed workspace: file text and declarations read on demand
 * through the same size and encoding checks as the scan. Detection and the recommendation
 * signals share one context, so each candidate file is read and parsed once.
 */
export function createWorkspaceDetectContext(
  fs: FileSystemPort,
  model: WorkspaceModel,
  options: { readonly authors?: number; readonly maxFileSize?: number } = {},
): DetectContext {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const readText = (relPath: string): string | undefined => {
    const read = readSourceText(fs, `${model.root}/${relPath}`, relPath, max);
    return 'text' in read ? read.text : undefined;
  };
  return createDetectContext({
    model,
    readText,
    symbols: (relPath) => {
      const text = readText(relPath);
      return text === undefined ? undefined : extractSymbols(relPath, text);
    },
    ...(options.authors === undefined ? {} : { authors: options.authors }),
  });
}
