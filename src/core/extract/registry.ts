import { createExtractorSet } from './extractor-set';
import { tolerantImports } from './tolerant-imports';
import type { LanguageExtractor } from './types';

const DEFAULT_SET = createExtractorSet(tolerantImports);

/** Every language ArchLens reads imports from (broken files read with TypeScript's parser). */
export const LANGUAGE_EXTRACTORS: readonly LanguageExtractor[] = DEFAULT_SET.extractors;

/** The extractor for a file, by its name (case-insensitive), or `undefined` for other files. */
export function extractorFor(relPath: string): LanguageExtractor | undefined {
  return DEFAULT_SET.extractorFor(relPath);
}
