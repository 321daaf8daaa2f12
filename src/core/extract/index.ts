/**
 * The extract stage: what each source file imports (cheaply, for every file) and what it
 * declares and calls (on demand, for the files detection asks about).
 */
import type { FileSymbols } from '../model';
import { extractorFor } from './registry';
import { NO_SYMBOLS } from './scan-symbols';
import type { ExtractResult } from './types';

export type { ExtractResult, LanguageExtractor, RawImport } from './types';
export { LANGUAGE_EXTRACTORS, extractorFor } from './registry';
export { extractFile, type FileExtraction, type FileToExtract } from './extract-file';
export { createExtractorSet, type ExtractorSet } from './extractor-set';

/**
 * The imports of one file, in source order. Never throws: syntax errors become warnings and
 * what could be read is still returned. Files of no known language yield nothing.
 */
export function extractImports(relPath: string, text: string): ExtractResult {
  return extractorFor(relPath)?.extract(relPath, text) ?? { imports: [], errors: [] };
}

/** The top-level classes, interfaces and functions and all calls of one file. Never throws. */
export function extractSymbols(relPath: string, text: string): FileSymbols {
  return extractorFor(relPath)?.extractSymbols?.(relPath, text) ?? NO_SYMBOLS;
}
