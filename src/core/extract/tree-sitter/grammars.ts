import { Language, Parser, type Tree } from 'web-tree-sitter';

/** The global of every JavaScript engine that runs ArchLens (the ES lib types do not declare it). */
declare const WebAssembly: { Module: new (bytes: Uint8Array) => Parameters<typeof Language.loadSync>[0] };

/** The languages read with a tree-sitter grammar. */
export type GrammarId = 'java' | 'kotlin' | 'csharp' | 'go' | 'python';

/** The `.wasm` file of each grammar, as its package ships it (copied to `dist/grammars/`). */
export const GRAMMAR_FILES: Readonly<Record<GrammarId, string>> = {
  java: 'tree-sitter-java.wasm',
  kotlin: 'tree-sitter-kotlin.wasm',
  csharp: 'tree-sitter-c_sharp.wasm',
  go: 'tree-sitter-go.wasm',
  python: 'tree-sitter-python.wasm',
};

/**
 * Where the grammars come from: the bytes of a grammar's `.wasm` file, or `undefined` when it
 * cannot be read. Installed by the host (see `src/node/tree-sitter-runtime.ts`) once the
 * tree-sitter runtime is initialised, which is the one asynchronous step.
 */
export interface GrammarSource {
  wasm(id: GrammarId): Uint8Array | undefined;
}

let source: GrammarSource | undefined;
/** One parser per grammar, made on first use; `null`: the grammar could not be loaded. */
const parsers = new Map<GrammarId, Parser | null>();
const loadErrors = new Map<GrammarId, string>();

/** Makes the grammars of `grammarSource` available; the runtime must be initialised already. */
export function installGrammars(grammarSource: GrammarSource): void {
  source = grammarSource;
  parsers.clear();
  loadErrors.clear();
}

/** Whether grammars were installed on this thread. */
export function grammarsInstalled(): boolean {
  return source !== undefined;
}

/** Which grammars this thread has loaded so far (a grammar is loaded when a file needs it). */
export function loadedGrammars(): GrammarId[] {
  return [...parsers].filter(([, parser]) => parser !== null).map(([id]) => id);
}

/** Why a grammar could not be loaded, when it could not. */
export function grammarLoadError(id: GrammarId): string | undefined {
  return loadErrors.get(id);
}

/**
 * Parses `text` with the grammar of `id`, loading it (synchronously: compiling its WebAssembly)
 * the first time a file of that language is read. `undefined` when no grammars are installed
 * or this one does not load. The caller must `delete()` the tree.
 */
export function parseWith(id: GrammarId, text: string): Tree | undefined {
  const parser = parserFor(id);
  if (parser === undefined) return undefined;
  return parser.parse(text) ?? undefined;
}

function parserFor(id: GrammarId): Parser | undefined {
  const known = parsers.get(id);
  if (known !== undefined) return known ?? undefined;
  if (source === undefined) return undefined;
  try {
    const bytes = source.wasm(id);
    if (bytes === undefined) throw new Error(`${GRAMMAR_FILES[id]} not found`);
    const language = Language.loadSync(new WebAssembly.Module(bytes));
    const parser = new Parser();
    parser.setLanguage(language);
    parsers.set(id, parser);
    return parser;
  } catch (error) {
    parsers.set(id, null);
    loadErrors.set(id, error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
