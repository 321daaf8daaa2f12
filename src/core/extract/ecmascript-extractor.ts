import { ECMASCRIPT_EXTENSIONS, dialectOf } from './ecmascript-language';
import { LineIndex } from './line-index';
import { scanImports, type TolerantReader } from './scan-imports';
import { scanSymbols } from './scan-symbols';
import type { LanguageExtractor } from './types';

/**
 * JavaScript and TypeScript in all their file flavours, parsed by oxc; files with syntax
 * errors are read by `tolerant` when given.
 */
export function ecmascriptExtractor(tolerant?: TolerantReader): LanguageExtractor {
  return {
    id: 'ecmascript',
    extensions: ECMASCRIPT_EXTENSIONS,
    extract(relPath, text) {
      const lines = new LineIndex(text);
      return scanImports(relPath, text, dialectOf(relPath), (offset) => lines.position(offset), { tolerant });
    },
    extractSymbols(relPath, text) {
      const lines = new LineIndex(text);
      return scanSymbols(relPath, text, dialectOf(relPath), (offset) => lines.position(offset));
    },
  };
}
