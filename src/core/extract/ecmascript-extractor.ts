import { ECMASCRIPT_EXTENSIONS, dialectOf } from './ecmascript-language';
import { LineIndex } from './line-index';
import { scanImports } from './scan-imports';
import { scanSymbols } from './scan-symbols';
import type { LanguageExtractor } from './types';

/** JavaScript and TypeScript in all their file flavours, parsed by oxc. */
export const ecmascriptExtractor: LanguageExtractor = {
  id: 'ecmascript',
  extensions: ECMASCRIPT_EXTENSIONS,
  extract(relPath, text) {
    const lines = new LineIndex(text);
    return scanImports(relPath, text, dialectOf(relPath), (offset) => lines.position(offset));
  },
  extractSymbols(relPath, text) {
    const lines = new LineIndex(text);
    return scanSymbols(relPath, text, dialectOf(relPath), (offset) => lines.position(offset));
  },
};
