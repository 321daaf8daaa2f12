import { componentExtractor } from './component-extractor';
import { ecmascriptExtractor } from './ecmascript-extractor';
import type { LanguageExtractor } from './types';

/** Every language ArchLens reads imports from. Add a language by adding its extractor here. */
export const LANGUAGE_EXTRACTORS: readonly LanguageExtractor[] = [
  ecmascriptExtractor,
  componentExtractor('vue', '.vue'),
  componentExtractor('svelte', '.svelte'),
];

/** Extensions to extractors, longest extension first so `.d.ts` is matched before `.ts`. */
const BY_EXTENSION: readonly (readonly [string, LanguageExtractor])[] = LANGUAGE_EXTRACTORS.flatMap(
  (extractor) => extractor.extensions.map((extension) => [extension, extractor] as const),
).sort((a, b) => b[0].length - a[0].length);

/** The extractor for a file, by its name (case-insensitive), or `undefined` for other files. */
export function extractorFor(relPath: string): LanguageExtractor | undefined {
  const name = relPath.toLowerCase();
  for (const [extension, extractor] of BY_EXTENSION) {
    if (name.endsWith(extension)) return extractor;
  }
  return undefined;
}
