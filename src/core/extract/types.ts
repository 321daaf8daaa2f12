import type { FileSymbols, ImportKind, Warning } from '../model';

/**
 * One module specifier found in a source file, before resolution.
 *
 * Positions are 1-based. `column` counts UTF-16 code units (as VS Code does) and points at the
 * opening quote (or backtick) of the specifier's string literal, so `import x from './a'`
 * written at the start of line 3 gives `{ line: 3, column: 15 }`.
 */
export interface RawImport {
  /** The specifier's value, escapes decoded: `./a`, `node:fs`, `@scope/pkg/sub`. */
  readonly specifier: string;
  readonly line: number;
  readonly column: number;
  readonly kind: ImportKind;
  /**
   * Python `from m import name`: the name imported from `m` (a submodule or a member of it);
   * `specifier` is then `m`, dots of a relative import included. C# `using X = A.B;`: the alias `X`.
   */
  readonly name?: string;
}

/** What one file yielded: its imports in source order, and any parse errors as warnings. */
export interface ExtractResult {
  readonly imports: readonly RawImport[];
  /** Syntax errors (with positions); the imports found despite them are still returned. */
  readonly errors: readonly Warning[];
  /** The packages or namespaces the file declares (Java, Kotlin, C#, Go), for resolution. */
  readonly declares?: readonly string[];
}

/**
 * The extraction plugin of one language: which files it reads and how it finds their imports
 * and, optionally, their declarations. Register new languages in `registry.ts`.
 */
export interface LanguageExtractor {
  /** A short id: `ecmascript`, `vue`, `svelte`. */
  readonly id: string;
  /** Lower-case file endings it handles, with the dot: `.ts`, `.d.ts`, `.vue`. */
  readonly extensions: readonly string[];
  /** The imports of one file; never throws. `relPath` names the file in warnings. */
  extract(relPath: string, text: string): ExtractResult;
  /** The declarations and calls of one file; never throws. Absent when the language has none. */
  extractSymbols?(relPath: string, text: string): FileSymbols;
}
