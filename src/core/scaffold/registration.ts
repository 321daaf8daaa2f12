/**
 * Registering a new class where the workspace registers its siblings, as pure insertions: an
 * element of the array that lists them (a NestJS `imports`/`providers` array, a plain list), or
 * one more call shaped like the last `bus.register(Thing, new ThingHandler())`.
 */
import type { ts as TS } from 'ts-morph';
import type { ScaffoldContext } from './context';
import { renderLine } from './render';
import {
  applyInsertions,
  arrayElementInsertion,
  importInsertion,
  indentAt,
  walk,
  type Insertion,
} from './text-edit';
import type { ScaffoldFile } from './types';
import { readText, specifier, tsFiles } from './workspace-files';
import { mergeAt } from './blocks/hexagonal';
import { inOwner } from './owner';

/** What to import into the registering file. */
export interface ImportSpec {
  readonly name: string;
  readonly from: string;
}

/**
 * The array literal (and its file) with the most identifier elements matching `test`, at least
 * `min`; with `owner`, only in files of that unit; with `hint`, a text every matching identifier
 * contains (`Module`), only in files whose text has it.
 */
export function findListingArray(
  ctx: ScaffoldContext,
  test: (identifier: string) => boolean,
  min = 1,
  owner?: string,
  hint?: string,
): { readonly file: string; readonly array: TS.ArrayLiteralExpression } | undefined {
  const { ts } = ctx;
  let best: { file: string; array: TS.ArrayLiteralExpression; count: number } | undefined;
  for (const file of tsFiles(ctx.ws)) {
    if (!inOwner(file, owner)) continue;
    const text = readText(ctx.ws, file);
    if (text === undefined || !text.includes('[') || (hint !== undefined && !text.includes(hint))) continue;
    if (!mentionsMatching(text, test)) continue;
    const src = ctx.source(file);
    if (!src) continue;
    for (const node of walk(ts, src.file)) {
      if (!ts.isArrayLiteralExpression(node)) continue;
      const count = node.elements.filter((e) => ts.isIdentifier(e) && test(e.text)).length;
      if (count >= min && (best === undefined || count > best.count)) best = { file, array: node, count };
    }
  }
  return best && { file: best.file, array: best.array };
}

/**
 * Whether any identifier-like word of the text passes `test`: a file without one has no array
 * element that does, so it need not be parsed (on a large workspace almost no file is parsed).
 */
function mentionsMatching(text: string, test: (identifier: string) => boolean): boolean {
  const seen = new Set<string>();
  for (const [word] of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
    if (seen.has(word)) continue;
    seen.add(word);
    if (test(word)) return true;
  }
  return false;
}

/** Adds `element` to the array and the imports to its file. */
export function addToArray(
  ctx: ScaffoldContext,
  file: string,
  array: TS.ArrayLiteralExpression,
  element: string,
  imports: readonly ImportSpec[],
): ScaffoldFile | undefined {
  const src = ctx.source(file);
  if (!src) return undefined;
  const insertions: Insertion[] = [arrayElementInsertion(ctx.ts, src, array, element, ctx.style.indent)];
  for (const i of imports) insertions.push(...importOf(ctx, file, i));
  return {
    path: file,
    action: 'edit',
    original: src.text,
    content: applyInsertions(src.text, mergeAt(insertions)),
  };
}

function importOf(ctx: ScaffoldContext, file: string, i: ImportSpec): Insertion[] {
  const src = ctx.source(file);
  if (!src) return [];
  const line = renderLine(
    `import { ${i.name} } from '${specifier(file, i.from, ctx.style.jsExtension)}';`,
    ctx.style,
  );
  const ins = importInsertion(ctx.ts, src, line, i.name);
  return ins ? [ins] : [];
}

/**
 * The last call statement `obj.method(A, new AHandler())` whose first argument passes `test`; a
 * copy of it for the new pair is inserted after it, on its own line with the same indentation.
 * With `owner`, only calls in files of that unit count.
 */
export function addRegistrationCall(
  ctx: ScaffoldContext,
  test: (identifier: string) => boolean,
  first: string,
  second: string,
  imports: readonly ImportSpec[],
  owner?: string,
): ScaffoldFile | undefined {
  const { ts } = ctx;
  let found: { file: string; statement: TS.ExpressionStatement; callee: string } | undefined;
  for (const file of tsFiles(ctx.ws)) {
    if (!inOwner(file, owner)) continue;
    const text = readText(ctx.ws, file);
    if (text === undefined || !/\.\w+\(\s*\w+\s*,\s*new\s/.test(text)) continue;
    const src = ctx.source(file);
    for (const node of src ? walk(ts, src.file) : []) {
      if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) continue;
      const call = node.expression;
      const [a, b] = call.arguments;
      if (!ts.isPropertyAccessExpression(call.expression) || a === undefined || b === undefined) continue;
      if (!ts.isIdentifier(a) || !test(a.text) || !ts.isNewExpression(b)) continue;
      found = { file, statement: node, callee: call.expression.getText() };
    }
  }
  if (!found) return undefined;
  const src = ctx.source(found.file);
  if (!src) return undefined;
  const indent = indentAt(src.text, found.statement.getStart());
  const insertions: Insertion[] = [
    {
      at: found.statement.getEnd(),
      text: `${src.eol}${indent}${renderLine(`${found.callee}(${first}, new ${second}());`, ctx.style)}`,
    },
  ];
  for (const i of imports) insertions.push(...importOf(ctx, found.file, i));
  return {
    path: found.file,
    action: 'edit',
    original: src.text,
    content: applyInsertions(src.text, mergeAt(insertions)),
  };
}

/**
 * The classes of the workspace (of `owner`, when given) decorated with `@<decorator>(`: which
 * `*Handler` classes are command handlers, query handlers or event handlers in a NestJS project.
 */
export function classesDecoratedWith(ctx: ScaffoldContext, decorator: string, owner?: string): Set<string> {
  const { ts } = ctx;
  const found = new Set<string>();
  for (const file of tsFiles(ctx.ws)) {
    if (!inOwner(file, owner)) continue;
    const text = readText(ctx.ws, file);
    if (text === undefined || !text.includes(`@${decorator}(`)) continue;
    for (const s of ctx.source(file)?.file.statements ?? []) {
      if (!ts.isClassDeclaration(s) || !s.name) continue;
      const decorated = (ts.getDecorators(s) ?? []).some(
        (d) =>
          ts.isCallExpression(d.expression) &&
          ts.isIdentifier(d.expression.expression) &&
          d.expression.expression.text === decorator,
      );
      if (decorated) found.add(s.name.text);
    }
  }
  return found;
}
