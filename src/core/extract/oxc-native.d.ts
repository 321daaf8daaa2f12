/**
 * oxc-parser's native binding, imported directly so the AST can be read as the JSON text oxc
 * produces (the public `parseSync` only exposes it parsed). Pinned to oxc-parser 0.159.0.
 */
declare module 'oxc-parser/src-js/bindings.js' {
  import type { Comment, EcmaScriptModule, OxcError, ParserOptions } from 'oxc-parser';

  /** Each getter hands over its field and frees the native copy, so each is read once. */
  export interface NativeParseResult {
    /** `{"node": Program, "fixes": [...]}` as JSON. */
    readonly program: string;
    readonly module: EcmaScriptModule;
    readonly comments: Comment[];
    readonly errors: OxcError[];
  }

  export function parseSync(
    filename: string,
    sourceText: string,
    options?: ParserOptions | null,
  ): NativeParseResult;
}
