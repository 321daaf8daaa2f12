import type { EcmaScriptModule, OxcError } from 'oxc-parser';
import { parseSync as parseNative } from 'oxc-parser/src-js/bindings.js';
import type { ImportKind, Warning } from '../model';
import { walkAst } from './ast-walk';
import type { AstNode } from './ast-walk';
import type { ParseDialect } from './ecmascript-language';
import type { Position } from './line-index';
import { capImports, importParseEnd, TOO_MANY_STATEMENTS } from './import-limit';
import { requireCallsInJson } from './require-calls';
import type { ExtractResult, RawImport } from './types';

/** Reads the imports of a source with syntax errors (TypeScript's forgiving parser). */
export type TolerantReader = (relPath: string, source: string, dialect: ParseDialect) => Found[];

export interface ScanOptions {
  /** `ast` skips the module record and the JSON scan (for tests that check all paths agree). */
  readonly mode?: 'auto' | 'ast';
  /** For files with syntax errors; without it they yield what oxc's module record kept. */
  readonly tolerant?: TolerantReader;
}

/** Maps an offset of the parsed source to a position in the original file. */
export type PlaceOffset = (offset: number) => Position;

/** A found specifier before its position is computed; `offset` is its quote's UTF-16 offset. */
export interface Found {
  readonly specifier: string;
  readonly offset: number;
  readonly kind: ImportKind;
}

const REQUIRE_WORD = /\brequire\b/;
/** `declare module 'x' { import … }`: imports nested in ambient modules are not in the record. */
const AMBIENT_MODULE = /\bdeclare\s+module\b/;
const IMPORT_CALL = /\bimport\s*\(/g;
/** `export {} from 'x'`: a side-effect import the module record does not list. */
const EMPTY_REEXPORT = /\bexport\s+(?:type\s*)?\{\s*\}\s*from\b/;
const IMPORT_TYPE_BRACES = /^import\s+type\s*\{/;
const SINGLE_QUOTED = /^'([^'\\\r\n]*)'$/;
const DOUBLE_QUOTED = /^"([^"\\\r\n]*)"$/;
const PLAIN_TEMPLATE = /^`((?:[^`\\$\r]|\$(?!\{))*)`$/;

/**
 * The imports of one JavaScript or TypeScript source.
 *
 * Fast path: oxc's module record (static imports, exports, dynamic imports), which costs far
 * less than materializing the AST in JS, plus `require('x')` calls found in the AST's JSON
 * text without parsing it. The AST is parsed only when the text may hold what neither lists:
 * `import x = require()`, `import('x')` types,
 * `export {} from`, ambient `declare module` blocks, or a dynamic import whose literal needs
 * decoding. A file with syntax errors is read by TypeScript's more forgiving parser instead.
 */
export function scanImports(
  relPath: string,
  fullSource: string,
  dialect: ParseDialect,
  place: PlaceOffset,
  options: ScanOptions = {},
): ExtractResult {
  const { mode = 'auto', tolerant } = options;
  const end = importParseEnd(fullSource);
  // Past the statement cap the rest of the text is not parsed (see import-limit.ts); the
  // kept prefix has the same offsets, so positions stay right.
  const source = end === undefined ? fullSource : fullSource.slice(0, end);
  let module: EcmaScriptModule;
  let programJson: string;
  let parseErrors: OxcError[];
  try {
    const result = parseNative(relPath, source, {
      lang: dialect.lang,
      sourceType: dialect.sourceType,
      preserveParens: false,
    });
    // Take every field: an untaken one keeps its native memory until a finalizer runs.
    ({ module, program: programJson, errors: parseErrors } = result);
    void result.comments;
  } catch (error) {
    // The parser should never throw, but a native failure must not stop the analysis.
    const message = error instanceof Error ? error.message : String(error);
    return { imports: [], errors: [{ file: relPath, message: `Could not parse: ${message}` }] };
  }
  const errors = parseErrors.map((e) => toWarning(relPath, e, place));
  const cut = end === undefined ? [] : [{ file: relPath, message: TOO_MANY_STATEMENTS }];
  let found: Found[] | undefined;
  if (errors.length > 0 && tolerant !== undefined) found = tolerant(relPath, source, dialect);
  else if (errors.length > 0) found = fromModuleRecord(source, module) ?? [];
  else if (mode === 'auto' && !needsAst(source, module)) {
    found = fromModuleRecord(source, module);
    if (found !== undefined && REQUIRE_WORD.test(source)) {
      const requires = requireCallsInJson(programJson, source);
      found = requires === undefined ? undefined : found.concat(requires);
    }
  }
  found ??= importsFromAst((JSON.parse(programJson) as { node: AstNode }).node);
  found.sort((a, b) => a.offset - b.offset);
  const imports: RawImport[] = found.map((f) => {
    const { line, column } = place(f.offset);
    return { specifier: f.specifier, line, column, kind: f.kind };
  });
  // Syntax errors of a cut text are the cut's, not the file's: only the cut is reported.
  return capImports(relPath, imports, end === undefined ? errors : cut);
}

function needsAst(source: string, record: EcmaScriptModule): boolean {
  if (EMPTY_REEXPORT.test(source) || AMBIENT_MODULE.test(source)) return true;
  const calls = source.match(IMPORT_CALL)?.length ?? 0;
  // More `import(` in the text than dynamic imports: some are types (or comments, or strings).
  return calls > record.dynamicImports.length;
}

/** Imports from the module record, or `undefined` when a dynamic import needs the AST. */
function fromModuleRecord(source: string, record: EcmaScriptModule): Found[] | undefined {
  const found: Found[] = [];
  for (const statement of record.staticImports) {
    const request = statement.moduleRequest;
    const entries = statement.entries;
    const typeOnly =
      entries.length > 0
        ? entries.every((e) => e.isType)
        : IMPORT_TYPE_BRACES.test(source.slice(statement.start, request.start));
    found.push({ specifier: request.value, offset: request.start, kind: typeOnly ? 'type' : 'static' });
  }
  // `import { A } from './a'; export { A }` is listed as an indirect export of './a' whose
  // request is the import's own string: skip those, they are not written re-exports.
  const importRequests = new Set(record.staticImports.map((s) => s.moduleRequest.start));
  for (const statement of record.staticExports) {
    const first = statement.entries[0]?.moduleRequest;
    if (first === null || first === undefined || importRequests.has(first.start)) continue;
    const typeOnly = statement.entries.every((e) => e.isType);
    found.push({ specifier: first.value, offset: first.start, kind: typeOnly ? 'type' : 'reexport' });
  }
  for (const dynamic of record.dynamicImports) {
    const { start, end } = dynamic.moduleRequest;
    const text = source.slice(start, end);
    const value = plainLiteral(text);
    if (value !== undefined) found.push({ specifier: value, offset: start, kind: 'dynamic' });
    // Escapes or parentheses: the AST has the decoded value. Anything else is not a literal.
    else if (text.startsWith('(') || (/^['"`]/.test(text) && text.includes('\\'))) return undefined;
  }
  return found;
}

/** The value of a string literal or no-substitution template without escapes. */
function plainLiteral(text: string): string | undefined {
  return (SINGLE_QUOTED.exec(text) ?? DOUBLE_QUOTED.exec(text) ?? PLAIN_TEMPLATE.exec(text))?.[1];
}

/** Every import form, read from the full AST. */
function importsFromAst(program: AstNode): Found[] {
  const found: Found[] = [];
  walkAst(program, (node) => {
    const n = node as unknown as Record<string, unknown>;
    switch (node.type) {
      case 'ImportDeclaration': {
        const specifiers = n.specifiers as readonly { type: string; importKind?: string }[];
        const typeOnly =
          n.importKind === 'type' ||
          (specifiers.length > 0 &&
            specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
        push(found, n.source, typeOnly ? 'type' : 'static');
        break;
      }
      case 'ExportNamedDeclaration': {
        if (n.source === null) break;
        const specifiers = n.specifiers as readonly { exportKind?: string }[];
        const typeOnly =
          n.exportKind === 'type' ||
          (specifiers.length > 0 && specifiers.every((s) => s.exportKind === 'type'));
        push(found, n.source, typeOnly ? 'type' : 'reexport');
        break;
      }
      case 'ExportAllDeclaration':
        push(found, n.source, n.exportKind === 'type' ? 'type' : 'reexport');
        break;
      case 'ImportExpression':
        push(found, n.source, 'dynamic');
        break;
      case 'CallExpression': {
        const callee = n.callee as { type: string; name?: string };
        const args = n.arguments as readonly unknown[];
        if (callee.type === 'Identifier' && callee.name === 'require' && args.length > 0) {
          push(found, args[0], 'require');
        }
        break;
      }
      case 'TSImportType':
        push(found, n.source, 'type');
        break;
      case 'TSImportEqualsDeclaration': {
        const reference = n.moduleReference as { type: string; expression?: unknown };
        if (reference.type === 'TSExternalModuleReference') {
          push(found, reference.expression, n.importKind === 'type' ? 'type' : 'require');
        }
        break;
      }
    }
  });
  return found;
}

/** Adds `node` when it is a string literal or a template literal without substitutions. */
function push(found: Found[], node: unknown, kind: ImportKind): void {
  const literal = node as {
    type?: string;
    start: number;
    value?: unknown;
    expressions?: unknown[];
    quasis?: { value: { cooked: string | null } }[];
  } | null;
  if (literal === null || literal === undefined) return;
  if (literal.type === 'Literal' && typeof literal.value === 'string') {
    found.push({ specifier: literal.value, offset: literal.start, kind });
  } else if (literal.type === 'TemplateLiteral' && literal.expressions?.length === 0) {
    const cooked = literal.quasis?.[0]?.value.cooked;
    if (typeof cooked === 'string') found.push({ specifier: cooked, offset: literal.start, kind });
  }
}

function toWarning(relPath: string, error: OxcError, place: PlaceOffset): Warning {
  const label = error.labels[0];
  const message = `Syntax error: ${error.message}`;
  if (label === undefined) return { file: relPath, message };
  const { line, column } = place(label.start);
  return { file: relPath, message, line, column };
}
