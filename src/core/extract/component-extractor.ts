import type {
  CallSymbol,
  ClassSymbol,
  FileSymbols,
  FunctionSymbol,
  InterfaceSymbol,
  Warning,
} from '../model';
import { dialectOfScriptLang } from './ecmascript-language';
import { LineIndex } from './line-index';
import { scanImports, type TolerantReader } from './scan-imports';
import { scanSymbols } from './scan-symbols';
import { findScriptBlocks } from './script-blocks';
import type { ExtractResult, LanguageExtractor, RawImport } from './types';

/**
 * An extractor for single-file components whose code lives in `<script>` blocks (Vue, Svelte).
 * Each block is parsed on its own in the dialect its `lang` names; positions are mapped back
 * to the whole file. `<script src="./x.ts">` counts as a static import of `./x.ts`.
 */
export function componentExtractor(
  id: string,
  extension: string,
  tolerant?: TolerantReader,
): LanguageExtractor {
  return {
    id,
    extensions: [extension],
    extract(relPath, text): ExtractResult {
      const lines = new LineIndex(text);
      const imports: RawImport[] = [];
      const errors: Warning[] = [];
      for (const block of findScriptBlocks(text)) {
        if (block.src !== undefined) {
          imports.push({ specifier: block.src.value, ...lines.position(block.src.offset), kind: 'static' });
        }
        const place = (offset: number) => lines.position(block.contentStart + offset);
        const result = scanImports(relPath, block.content, dialectOfScriptLang(block.lang), place, {
          tolerant,
        });
        imports.push(...result.imports);
        errors.push(...result.errors);
      }
      return { imports, errors };
    },
    extractSymbols(relPath, text): FileSymbols {
      const lines = new LineIndex(text);
      const classes: ClassSymbol[] = [];
      const interfaces: InterfaceSymbol[] = [];
      const functions: FunctionSymbol[] = [];
      const calls: CallSymbol[] = [];
      for (const block of findScriptBlocks(text)) {
        const place = (offset: number) => lines.position(block.contentStart + offset);
        const symbols = scanSymbols(relPath, block.content, dialectOfScriptLang(block.lang), place);
        classes.push(...symbols.classes);
        interfaces.push(...symbols.interfaces);
        functions.push(...symbols.functions);
        calls.push(...symbols.calls);
      }
      return { classes, interfaces, functions, calls };
    },
  };
}
