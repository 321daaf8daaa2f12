import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { FileSymbols, Warning } from '../../model';
import { LineIndex } from '../line-index';
import { NO_SYMBOLS } from '../scan-symbols';
import type { ExtractResult, LanguageExtractor, RawImport } from '../types';
import { csharpReader } from './csharp';
import { goReader } from './go';
import { grammarLoadError, grammarsInstalled, parseWith } from './grammars';
import { javaReader } from './java';
import { kotlinReader } from './kotlin';
import { pythonReader } from './python';
import type { GrammarReader } from './types';

/** The languages read with tree-sitter grammars. */
export const GRAMMAR_READERS: readonly GrammarReader[] = [
  javaReader,
  kotlinReader,
  csharpReader,
  goReader,
  pythonReader,
];

const BOM = '\uFEFF';

/**
 * The extractor of one tree-sitter language. Imports come from the file's header (the text
 * before its first declaration, where the language keeps them); declarations from the whole
 * file, on demand. A leading byte-order mark is dropped; offsets stay those of the file.
 * Without installed grammars (a host that did not initialise tree-sitter) files yield nothing.
 */
export function treeSitterExtractor(reader: GrammarReader): LanguageExtractor {
  return {
    id: reader.id,
    extensions: reader.extensions,
    extract(relPath, fullText): ExtractResult {
      if (!grammarsInstalled()) return { imports: [], errors: [] };
      const bom = fullText.startsWith(BOM) ? 1 : 0;
      const text = bom === 1 ? fullText.slice(1) : fullText;
      const end = reader.headerEnd(text);
      const header = reader.importSource
        ? reader.importSource(text)
        : end === undefined
          ? text
          : text.slice(0, end);
      const tree = parseWith(reader.id, header);
      if (tree === undefined) return { imports: [], errors: [loadWarning(relPath, reader)] };
      try {
        const lines = new LineIndex(fullText);
        const imports: RawImport[] = reader.imports(tree.rootNode).map((found) => ({
          specifier: found.specifier,
          ...lines.position(found.offset + bom),
          kind: 'static',
          ...(found.name !== undefined ? { name: found.name } : {}),
        }));
        // A cut header ends mid-declaration, which is no error of the file's.
        // (Nor is a text of import statements alone.)
        const errors: Warning[] =
          end === undefined && !reader.importSource && tree.rootNode.hasError
            ? [syntaxWarning(relPath, tree.rootNode, lines, bom)]
            : [];
        const declares = reader.declares(tree.rootNode);
        return { imports, errors, ...(declares.length > 0 ? { declares } : {}) };
      } finally {
        tree.delete();
      }
    },
    extractSymbols(_relPath, fullText): FileSymbols {
      const bom = fullText.startsWith(BOM) ? 1 : 0;
      const text = bom === 1 ? fullText.slice(1) : fullText;
      const tree = grammarsInstalled() ? parseWith(reader.id, text) : undefined;
      if (tree === undefined) return NO_SYMBOLS;
      try {
        const lines = new LineIndex(fullText);
        return reader.symbols(tree.rootNode, (offset) => lines.position(offset + bom).line);
      } catch {
        // A grammar surprise must not stop the analysis; detection just sees no symbols.
        return NO_SYMBOLS;
      } finally {
        tree.delete();
      }
    },
  };
}

function loadWarning(relPath: string, reader: GrammarReader): Warning {
  const why = grammarLoadError(reader.id) ?? 'unknown error';
  return { file: relPath, message: `imports not read: the ${reader.id} grammar did not load (${why})` };
}

function syntaxWarning(relPath: string, root: SyntaxNode, lines: LineIndex, bom: number): Warning {
  let first: SyntaxNode | undefined;
  const cursor = root.walk();
  try {
    const visit = (): void => {
      do {
        const node = cursor.currentNode;
        if (node.isError || node.isMissing) {
          first = node;
          return;
        }
        if (node.hasError && cursor.gotoFirstChild()) {
          visit();
          if (first) return;
          cursor.gotoParent();
        }
      } while (cursor.gotoNextSibling());
    };
    visit();
  } finally {
    cursor.delete();
  }
  const where = first ? lines.position(first.startIndex + bom) : undefined;
  return {
    file: relPath,
    message: 'Syntax error',
    ...(where ? { line: where.line, column: where.column } : {}),
  };
}
