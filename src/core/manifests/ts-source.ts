import { ts } from 'ts-morph';
import { joinPath } from './paths';

/** Parses TS/JS source into a syntax tree (nothing is type-checked, resolved or run). */
export function parseSource(file: string, text: string): ts.SourceFile {
  const kind = /\.tsx$/i.test(file)
    ? ts.ScriptKind.TSX
    : /\.jsx$/i.test(file)
      ? ts.ScriptKind.JSX
      : /\.[cm]?js$/i.test(file)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** 1-based line of a node's first token. */
export function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** What a local name is bound to by an import or a `require`. */
export interface ImportBinding {
  readonly module: string;
  /** The exported name, `*` for a namespace, `default` for a default import. */
  readonly imported: string;
}

/** Local names bound by `import` declarations and top-level `require` calls. */
export function importBindings(source: ts.SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause === undefined) continue;
      if (clause.name !== undefined) bindings.set(clause.name.text, { module, imported: 'default' });
      const named = clause.namedBindings;
      if (named === undefined) continue;
      if (ts.isNamespaceImport(named)) bindings.set(named.name.text, { module, imported: '*' });
      else
        for (const element of named.elements) {
          bindings.set(element.name.text, {
            module,
            imported: (element.propertyName ?? element.name).getText(source),
          });
        }
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference)
    ) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression))
        bindings.set(statement.name.text, { module: expression.text, imported: '*' });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const module = requiredModule(declaration.initializer);
        if (module === undefined) continue;
        if (ts.isIdentifier(declaration.name)) bindings.set(declaration.name.text, { module, imported: '*' });
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name)) continue;
            const imported = element.propertyName?.getText(source) ?? element.name.text;
            bindings.set(element.name.text, { module, imported });
          }
        }
      }
    }
  }
  return bindings;
}

function requiredModule(expression: ts.Expression | undefined): string | undefined {
  if (expression === undefined || !ts.isCallExpression(expression)) return undefined;
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== 'require') return undefined;
  const argument = expression.arguments[0];
  return argument !== undefined && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

/** The name of a property (identifier, string or numeric literal), if static. */
export function propertyName(name: ts.PropertyName, source: ts.SourceFile): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return undefined;
  return ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)
    ? name.expression.text
    : name.getText(source);
}

/** A property of an object literal by name: its initializer (or the identifier of a shorthand). */
export function property(
  object: ts.ObjectLiteralExpression,
  name: string,
  source: ts.SourceFile,
): ts.Expression | undefined {
  for (const element of object.properties) {
    if (ts.isPropertyAssignment(element) && propertyName(element.name, source) === name)
      return element.initializer;
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === name) return element.name;
  }
  return undefined;
}

/** Strips `as`, `satisfies`, parentheses and `!` around an expression. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** What a static string evaluation may use: the file's folder and the folder `process.cwd()` stands for. */
export interface StringScope {
  /** Folder of the source file, relative to the workspace root (`__dirname`). */
  readonly dir: string;
  /** Folder `process.cwd()` and relative asset paths mean (the app root), relative to the workspace root. */
  readonly cwd: string;
}

/** A value computed without running anything: a string, or a path marked as workspace-relative. */
export type StaticValue =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'path'; readonly path: string };

/**
 * Evaluates string literals, templates, `+`, `__dirname`, `process.cwd()` and
 * `path.join`/`path.resolve` statically. A call with `__dirname` as its only argument to an
 * unknown helper (`handlerPath(__dirname)`) stands for that folder relative to `cwd`.
 * Anything else is `undefined`.
 */
export function staticValue(expression: ts.Expression, scope: StringScope): StaticValue | undefined {
  const node = unwrap(expression);
  if (ts.isStringLiteralLike(node)) return { kind: 'text', text: node.text };
  if (ts.isIdentifier(node) && node.text === '__dirname') return { kind: 'path', path: scope.dir };
  if (ts.isTemplateExpression(node)) {
    let out: StaticValue = { kind: 'text', text: node.head.text };
    for (const span of node.templateSpans) {
      const value = staticValue(span.expression, scope);
      if (value === undefined) return undefined;
      out = concat(concat(out, value), { kind: 'text', text: span.literal.text });
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = staticValue(node.left, scope);
    const right = staticValue(node.right, scope);
    return left === undefined || right === undefined ? undefined : concat(left, right);
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression.getText();
    if (callee === 'process.cwd') return { kind: 'path', path: scope.cwd };
    if (/^(?:path\.)?(?:join|resolve)$|^path\.posix\.(?:join|resolve)$/.test(callee)) {
      const parts = node.arguments.map((argument) => staticValue(argument, scope));
      if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
      const [first, ...rest] = parts as StaticValue[];
      if (first === undefined) return undefined;
      const base =
        first.kind === 'path'
          ? first.path
          : callee.endsWith('resolve')
            ? joinPath(scope.cwd, first.text)
            : first.text;
      if (base === undefined) return undefined;
      const joined = joinPath(base, ...rest.map((part) => (part.kind === 'path' ? part.path : part.text)));
      if (joined === undefined) return undefined;
      return first.kind === 'path' || callee.endsWith('resolve')
        ? { kind: 'path', path: joined }
        : { kind: 'text', text: joined };
    }
    const only = node.arguments.length === 1 ? node.arguments[0] : undefined;
    if (only !== undefined && ts.isIdentifier(only) && only.text === '__dirname') {
      return { kind: 'text', text: relativeTo(scope.cwd, scope.dir) };
    }
  }
  return undefined;
}

function concat(left: StaticValue, right: StaticValue): StaticValue {
  if (left.kind === 'text' && left.text === '') return right;
  if (right.kind === 'path') return { kind: 'text', text: `${textOf(left)}${right.path}` };
  return left.kind === 'path'
    ? { kind: 'path', path: `${left.path}${right.text}` }
    : { kind: 'text', text: left.text + right.text };
}

function textOf(value: StaticValue): string {
  return value.kind === 'text' ? value.text : value.path;
}

/** A workspace path for a static value: `path` as is, `text` relative to `base`. */
export function pathOf(value: StaticValue | undefined, base: string): string | undefined {
  if (value === undefined) return undefined;
  return value.kind === 'path' ? joinPath(value.path) : joinPath(base, value.text);
}

/** A static value as plain text (a path stays workspace-relative). */
export function textOfValue(value: StaticValue | undefined): string | undefined {
  return value === undefined ? undefined : textOf(value);
}

/** `to` relative to `from` (both workspace-relative folders), `.` when equal. */
export function relativeTo(from: string, to: string): string {
  const a = from === '.' ? [] : from.split('/');
  const b = to === '.' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const result = [...up, ...b.slice(common)].join('/');
  return result === '' ? '.' : result;
}

/** Every node of a tree, depth first. */
export function forEachNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  walk(root);
}

/** How later code names what a node creates: `const fn = new …` → `fn`; `this.fn = …` → `this.fn`. */
export function referenceTo(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return `this.${parent.name.text}`;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return parent.left.getText();
  return undefined;
}
