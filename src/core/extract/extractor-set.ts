import { componentExtractor } from './component-extractor';
import { ecmascriptExtractor } from './ecmascript-extractor';
import type { TolerantReader } from './scan-imports';
import { GRAMMAR_READERS, treeSitterExtractor } from './tree-sitter/extractor';
import type { LanguageExtractor } from './types';

/** The extractors of every language ArchLens reads, and the lookup by file name. */
export interface ExtractorSet {
  readonly extractors: readonly LanguageExtractor[];
  /** The extractor for a file, by its name (case-insensitive), or `undefined` for other files. */
  extractorFor(relPath: string): LanguageExtractor | undefined;
}

/**
 * Builds the extractors. Add a language by adding its extractor here. `tolerant` reads files
 * with syntax errors; parse helper threads go without it so they never load TypeScript.
 */
export function createExtractorSet(tolerant?: TolerantReader): ExtractorSet {
  const extractors = [
    ecmascriptExtractor(tolerant),
    componentExtractor('vue', '.vue', tolerant),
    componentExtractor('svelte', '.svelte', tolerant),
    ...GRAMMAR_READERS.map(treeSitterExtractor),
  ];
  // Longest extension first so `.d.ts` is matched before `.ts`.
  const byExtension = extractors
    .flatMap((extractor) => extractor.extensions.map((extension) => [extension, extractor] as const))
    .sort((a, b) => b[0].length - a[0].length);
  return {
    extractors,
    extractorFor(relPath) {
      const name = relPath.toLowerCase();
      for (const [extension, extractor] of byExtension) if (name.endsWith(extension)) return extractor;
      return undefined;
    },
  };
}
