import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Parser } from 'web-tree-sitter';
import { GRAMMAR_FILES, installGrammars, type GrammarId } from '../core/extract/tree-sitter/grammars';

/** The npm package that ships each `.wasm` file (in development they are read from there). */
const PACKAGES: Readonly<Record<string, string>> = {
  'web-tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-java.wasm': 'tree-sitter-java',
  'tree-sitter-kotlin.wasm': '@tree-sitter-grammars/tree-sitter-kotlin',
  'tree-sitter-c_sharp.wasm': 'tree-sitter-c-sharp',
  'tree-sitter-go.wasm': 'tree-sitter-go',
  'tree-sitter-python.wasm': 'tree-sitter-python',
};

let ready: Promise<void> | undefined;

/**
 * Initialises the tree-sitter runtime on this thread (the one asynchronous step: instantiating
 * its WebAssembly) and installs the grammars, each of which is then compiled synchronously the
 * first time a file of its language is read. Call once per thread before analysing; later calls
 * return the same promise. A runtime that fails to load leaves these languages unread, with a
 * warning for each of their files, and the rest of the analysis goes on.
 */
export function initTreeSitter(from: string = __dirname): Promise<void> {
  ready ??= (async () => {
    const runtime = locateWasm('web-tree-sitter.wasm', from);
    try {
      await Parser.init(runtime === undefined ? {} : { wasmBinary: readFileSync(runtime) });
    } catch (error) {
      if (process.env.ARCHLENS_DEBUG) console.error(error);
      return;
    }
    installGrammars({
      wasm(id: GrammarId) {
        const file = locateWasm(GRAMMAR_FILES[id], from);
        return file === undefined ? undefined : readFileSync(file);
      },
    });
  })();
  return ready;
}

/**
 * A `.wasm` file: `grammars/` beside the bundle (what the build copies into `dist/`), else the
 * package that ships it in the nearest `node_modules` (tests and development builds).
 */
function locateWasm(file: string, from: string): string | undefined {
  const pkg = PACKAGES[file];
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    for (const candidate of [
      path.join(dir, 'grammars', file),
      path.join(dir, 'dist', 'grammars', file),
      ...(pkg === undefined ? [] : [path.join(dir, 'node_modules', pkg, file)]),
    ]) {
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
