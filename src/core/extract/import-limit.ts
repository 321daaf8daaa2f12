import type { Warning } from '../model';
import type { RawImport } from './types';

/** The most imports kept per file; the rest are dropped with one warning. */
export const MAX_IMPORTS_PER_FILE = 10_000;

/**
 * The most `import`/`export` words parsed per file. oxc's module record grows with the square
 * of a file's import statements that bind names (40,000 take 2 s, 100,000 about 25 s), so the
 * text past this many is not parsed at all. Twice the import cap: files with many exports and
 * a few imports are still read whole.
 */
export const MAX_IMPORT_STATEMENTS = 2 * MAX_IMPORTS_PER_FILE;

export const TOO_MANY_IMPORTS = 'too many imports: the first 10,000 are read, the rest are dropped';
export const TOO_MANY_STATEMENTS =
  'too many import/export statements: those after the first 20,000 are not read';

const IMPORT_OR_EXPORT = /\b(?:import|export)\b/g;

/**
 * The offset at which to stop parsing `source` for imports: the start of the line holding the
 * (`MAX_IMPORT_STATEMENTS` + 1)th `import`/`export` word, or `undefined` to parse it all.
 * Linear: one pass of a regular expression without backtracking.
 */
export function importParseEnd(source: string): number | undefined {
  IMPORT_OR_EXPORT.lastIndex = 0;
  let count = 0;
  for (let match = IMPORT_OR_EXPORT.exec(source); match !== null; match = IMPORT_OR_EXPORT.exec(source)) {
    if (++count > MAX_IMPORT_STATEMENTS) {
      const lineStart = source.lastIndexOf('\n', match.index) + 1;
      // Cut at a line start so that statements on lines before are whole; a line of many
      // statements is cut before its word.
      return lineStart > 0 ? lineStart : match.index;
    }
  }
  return undefined;
}

/** Keeps at most {@link MAX_IMPORTS_PER_FILE} imports; one warning for `file` when some go. */
export function capImports(
  file: string,
  imports: readonly RawImport[],
  errors: readonly Warning[],
): { imports: readonly RawImport[]; errors: readonly Warning[] } {
  if (imports.length <= MAX_IMPORTS_PER_FILE) return { imports, errors };
  const rest = errors.filter((e) => e.message !== TOO_MANY_STATEMENTS);
  return {
    imports: imports.slice(0, MAX_IMPORTS_PER_FILE),
    errors: [...rest, { file, message: TOO_MANY_IMPORTS }],
  };
}
