import type { Node } from 'web-tree-sitter';
import type { FileSymbols } from '../../model';
import type { GrammarId } from './grammars';

/** One import found in a syntax tree; `offset` is the UTF-16 offset of its name. */
export interface FoundImport {
  /** As written after `import`/`using` (see {@link RawImport.specifier} per language). */
  readonly specifier: string;
  readonly offset: number;
  /** Python `from m import name`: the imported name; C# `using X = A.B;`: the alias. */
  readonly name?: string;
}

/** What one language's grammar is asked: where imports end, the imports, the declarations. */
export interface GrammarReader {
  readonly id: GrammarId;
  readonly extensions: readonly string[];
  /**
   * The offset of the first type or function declaration, before which every import of the
   * language stands (the header parsed for imports), or `undefined` to parse the whole text.
   */
  headerEnd(text: string): number | undefined;
  /**
   * For languages whose imports may stand anywhere (Python): the text with everything but its
   * import statements blanked (same length and line breaks, so offsets stay the file's).
   */
  importSource?(text: string): string;
  imports(root: Node): FoundImport[];
  /** The packages or namespaces the file declares (Java/Kotlin `package`, C# `namespace`, Go `package`). */
  declares(root: Node): string[];
  /** Declared types with their annotations and base types, calls, and the package. */
  symbols(root: Node, line: (offset: number) => number): FileSymbols;
}
