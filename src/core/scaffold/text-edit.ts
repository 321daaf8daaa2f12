/**
 * Edits of existing files as insertions only: the place is found on the syntax tree, the new
 * text is spliced in with the file's own line ending, and every other byte stays as it was.
 */
import type { ts as TS } from 'ts-morph';

export type Ts = typeof TS;

/** A parsed source text with what its edits need. */
export interface EditableSource {
  readonly text: string;
  readonly eol: '\n' | '\r\n';
  readonly file: TS.SourceFile;
}

/** One insertion at an offset of the original text. */
export interface Insertion {
  readonly at: number;
  readonly text: string;
}

export function parseSource(ts: Ts, fileName: string, text: string): EditableSource {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return { text, eol: text.includes('\r\n') ? '\r\n' : '\n', file };
}

/** Applies insertions (offsets into the original text). */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  let out = text;
  for (const ins of [...insertions].sort((a, b) => b.at - a.at))
    out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return out;
}

/** The insertion adding an import line after the last import (or at the top), unless the name is already imported. */
export function importInsertion(
  ts: Ts,
  src: EditableSource,
  line: string,
  name: string,
): Insertion | undefined {
  let last: TS.ImportDeclaration | undefined;
  for (const statement of src.file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    last = statement;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === name))
      return undefined;
    if (statement.importClause?.name?.text === name) return undefined;
  }
  if (last) return { at: last.getEnd(), text: src.eol + line };
  return { at: 0, text: line + src.eol + (src.text.length > 0 ? src.eol : '') };
}

/** The insertion appending a statement at the end of the file, keeping whether it ended with a newline. */
export function appendInsertion(src: EditableSource, statement: string): Insertion {
  const endsWithNewline = src.text.endsWith('\n');
  return endsWithNewline
    ? { at: src.text.length, text: statement + src.eol }
    : { at: src.text.length, text: src.eol + statement };
}

/** Indentation (leading blanks) of the line holding an offset. */
export function indentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** The insertion adding an element at the end of an array literal, in its layout (one per line or inline). */
export function arrayElementInsertion(
  ts: Ts,
  src: EditableSource,
  array: TS.ArrayLiteralExpression,
  element: string,
  indentUnit: string,
): Insertion {
  const elements = array.elements;
  const last = elements[elements.length - 1];
  if (last === undefined) return { at: array.getEnd() - 1, text: element };
  const line = (pos: number) => src.file.getLineAndCharacterOfPosition(pos).line;
  const multiline = line(last.getStart()) !== line(array.getStart());
  const trailingComma = elements.hasTrailingComma;
  if (!multiline) return { at: last.getEnd(), text: `, ${element}` };
  const indent = indentAt(src.text, last.getStart()) || indentAt(src.text, array.getStart()) + indentUnit;
  if (trailingComma) {
    const comma = src.text.indexOf(',', last.getEnd());
    return { at: comma + 1, text: `${src.eol}${indent}${element},` };
  }
  void ts;
  return { at: last.getEnd(), text: `,${src.eol}${indent}${element}` };
}

/** Every node of a file, depth first. */
export function* walk(ts: Ts, node: TS.Node): Generator<TS.Node> {
  yield node;
  const children: TS.Node[] = [];
  ts.forEachChild(node, (child) => {
    children.push(child);
  });
  for (const child of children) yield* walk(ts, child);
}

/** The array of property `key` in the first argument of decorator `decorator` (`@Module({ imports: [...] })`). */
export function decoratorArray(
  ts: Ts,
  src: EditableSource,
  decorator: string,
  key: string,
): TS.ArrayLiteralExpression | undefined {
  for (const node of walk(ts, src.file)) {
    if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) continue;
    const callee = node.expression.expression;
    if (!ts.isIdentifier(callee) || callee.text !== decorator) continue;
    const arg = node.expression.arguments[0];
    if (arg === undefined || !ts.isObjectLiteralExpression(arg)) continue;
    for (const prop of arg.properties) {
      if (
        ts.isPropertyAssignment(prop) &&
        prop.name.getText(src.file) === key &&
        ts.isArrayLiteralExpression(prop.initializer)
      ) {
        return prop.initializer;
      }
    }
  }
  return undefined;
}

/** One replacement of `[start, end)` of the original text (an insertion when the range is empty). */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping replacements (offsets into the original text); every other byte stays. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}
