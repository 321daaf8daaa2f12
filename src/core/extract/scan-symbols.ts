import { parseSync } from 'oxc-parser';
import type {
  Argument,
  Class,
  ClassElement,
  Declaration,
  Expression,
  ExportDefaultDeclarationKind,
  ParamPattern,
  Program,
  PropertyKey,
  TSInterfaceDeclaration,
  TSSignature,
  VariableDeclaration,
} from 'oxc-parser';
import type { CallSymbol, ClassSymbol, FileSymbols, FunctionSymbol, InterfaceSymbol } from '../model';
import { walkAst } from './ast-walk';
import { objectTopics } from './object-topics';
import type { AstNode } from './ast-walk';
import type { ParseDialect } from './ecmascript-language';
import type { PlaceOffset } from './scan-imports';

/** Mutable while a file is read; frozen into {@link FileSymbols} at the end. */
interface Draft {
  readonly classes: (ClassSymbol & { exported: boolean })[];
  readonly interfaces: (InterfaceSymbol & { exported: boolean })[];
  readonly functions: (FunctionSymbol & { exported: boolean })[];
  /** Names exported by `export { a, b as c }` without `from`. */
  readonly exportedLocals: Set<string>;
}

/** An empty result, for files that could not be read at all. */
export const NO_SYMBOLS: FileSymbols = { classes: [], interfaces: [], functions: [], calls: [] };

/**
 * The top-level declarations and all calls of one JavaScript or TypeScript source. Reads the
 * full AST, so it is meant for the few files detection asks about. Lines are of the
 * declaration's name (or of the call's callee name).
 */
export function scanSymbols(
  relPath: string,
  source: string,
  dialect: ParseDialect,
  place: PlaceOffset,
): FileSymbols {
  try {
    const program = parseSync(relPath, source, {
      lang: dialect.lang,
      sourceType: dialect.sourceType,
      astType: 'ts',
      preserveParens: false,
    }).program;
    return symbolsOf(program, place);
  } catch {
    // A parser or AST surprise must not stop the analysis; detection just sees no symbols.
    return NO_SYMBOLS;
  }
}

function symbolsOf(program: Program, place: PlaceOffset): FileSymbols {
  const line = (offset: number): number => place(offset).line;
  const draft: Draft = { classes: [], interfaces: [], functions: [], exportedLocals: new Set() };
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration':
        if (statement.declaration !== null) addDeclaration(draft, statement.declaration, true, line);
        else if (statement.source === null) {
          for (const specifier of statement.specifiers) {
            if (specifier.local.type === 'Identifier') draft.exportedLocals.add(specifier.local.name);
          }
        }
        break;
      case 'ExportDefaultDeclaration':
        addDefault(draft, statement.declaration, line);
        break;
      default:
        addDeclaration(draft, statement as Declaration, false, line);
    }
  }
  const exported = <T extends { name: string; exported: boolean }>(symbol: T): T =>
    symbol.exported || !draft.exportedLocals.has(symbol.name) ? symbol : { ...symbol, exported: true };
  return {
    classes: draft.classes.map(exported),
    interfaces: draft.interfaces.map(exported),
    functions: draft.functions.map(exported),
    ...collectCalls(program, line),
  };
}

function addDeclaration(
  draft: Draft,
  node: Declaration,
  exported: boolean,
  line: (offset: number) => number,
): void {
  switch (node.type) {
    case 'ClassDeclaration':
      if (node.id !== null)
        draft.classes.push(classSymbol(node, node.id.name, node.id.start, exported, line));
      break;
    case 'TSInterfaceDeclaration':
      draft.interfaces.push(interfaceSymbol(node, exported, line));
      break;
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
      if (node.id !== null) {
        draft.functions.push({
          name: node.id.name,
          line: line(node.id.start),
          exported,
          parameters: parameterNames(node.params),
          async: node.async,
        });
      }
      break;
    case 'VariableDeclaration':
      addVariables(draft, node, exported, line);
      break;
  }
}

/** `const handler = async (event) => …`, `const f = function () {}`, `const C = class {}`. */
function addVariables(
  draft: Draft,
  node: VariableDeclaration,
  exported: boolean,
  line: (offset: number) => number,
): void {
  for (const declarator of node.declarations) {
    if (declarator.id.type !== 'Identifier' || declarator.init === null) continue;
    const init = unwrap(declarator.init);
    const { name, start } = declarator.id;
    if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') {
      draft.functions.push({
        name,
        line: line(start),
        exported,
        parameters: parameterNames(init.params),
        async: init.async,
      });
    } else if (init.type === 'ClassExpression') {
      draft.classes.push(classSymbol(init, name, start, exported, line));
    }
  }
}

/** `export default class|function|() => …`; anonymous ones are named `default`. */
function addDefault(
  draft: Draft,
  node: ExportDefaultDeclarationKind,
  line: (offset: number) => number,
): void {
  switch (node.type) {
    case 'ClassDeclaration':
    case 'ClassExpression':
      draft.classes.push(
        classSymbol(node, node.id?.name ?? 'default', node.id?.start ?? node.start, true, line),
      );
      return;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      draft.functions.push({
        name: node.id?.name ?? 'default',
        line: line(node.id?.start ?? node.start),
        exported: true,
        parameters: parameterNames(node.params),
        async: node.async,
      });
      return;
    case 'TSInterfaceDeclaration':
      draft.interfaces.push(interfaceSymbol(node, true, line));
      return;
    case 'Identifier':
      draft.exportedLocals.add(node.name);
      return;
  }
}

function classSymbol(
  node: Class,
  name: string,
  nameStart: number,
  exported: boolean,
  line: (offset: number) => number,
): ClassSymbol & { exported: boolean } {
  const decorators: string[] = [];
  const decoratorArguments: string[] = [];
  for (const decorator of node.decorators) {
    const expression = unwrap(decorator.expression);
    const callee = expression.type === 'CallExpression' ? unwrap(expression.callee) : expression;
    const decoratorName = lastName(callee);
    if (decoratorName !== undefined) decorators.push(decoratorName);
    if (expression.type === 'CallExpression') {
      const first = expression.arguments[0];
      if (first !== undefined && first.type === 'Identifier') decoratorArguments.push(first.name);
    }
  }
  const superClass = node.superClass === null ? undefined : dottedName(unwrap(node.superClass));
  return {
    name,
    line: line(nameStart),
    exported,
    abstract: node.abstract === true,
    decorators,
    decoratorArguments,
    ...(superClass !== undefined ? { extends: superClass } : {}),
    implements: (node.implements ?? []).flatMap((clause) => {
      const implemented =
        clause.expression.type === 'ThisExpression' ? undefined : dottedName(clause.expression);
      return implemented === undefined ? [] : [implemented];
    }),
    methods: node.body.body.flatMap((member) => {
      const method = methodName(member);
      return method === undefined ? [] : [method];
    }),
  };
}

/** Methods, abstract methods and arrow-function properties; not constructors or accessors. */
function methodName(member: ClassElement): string | undefined {
  if (member.type === 'MethodDefinition' || member.type === 'TSAbstractMethodDefinition') {
    return member.kind === 'method' ? keyName(member.key, member.computed) : undefined;
  }
  if (member.type === 'PropertyDefinition' || member.type === 'TSAbstractPropertyDefinition') {
    const value = member.value === null ? undefined : unwrap(member.value);
    if (value?.type === 'ArrowFunctionExpression' || value?.type === 'FunctionExpression') {
      return keyName(member.key, member.computed);
    }
  }
  return undefined;
}

function interfaceSymbol(
  node: TSInterfaceDeclaration,
  exported: boolean,
  line: (offset: number) => number,
): InterfaceSymbol & { exported: boolean } {
  return {
    name: node.id.name,
    line: line(node.id.start),
    exported,
    extends: node.extends.flatMap((heritage) => {
      const name = dottedName(heritage.expression);
      return name === undefined ? [] : [name];
    }),
    members: node.body.body.flatMap((member: TSSignature) => {
      if (member.type !== 'TSPropertySignature' && member.type !== 'TSMethodSignature') return [];
      const name = keyName(member.key, member.computed);
      return name === undefined ? [] : [name];
    }),
  };
}

/** Calls, and `new X(…)` of a class (a job queue's `new Worker('uploads', …)`) apart from them. */
function collectCalls(
  program: Program,
  line: (offset: number) => number,
): { calls: CallSymbol[]; constructed?: CallSymbol[] } {
  const calls: CallSymbol[] = [];
  const constructed: CallSymbol[] = [];
  walkAst(program as unknown as AstNode, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return;
    const into = node.type === 'NewExpression' ? constructed : calls;
    const call = node as unknown as { callee: Expression; arguments: Argument[] };
    const callee = unwrap(call.callee);
    let name: string | undefined;
    let nameStart = callee.start;
    let receiver: string | undefined;
    if (callee.type === 'Identifier') name = callee.name;
    else if (callee.type === 'MemberExpression' && !callee.computed) {
      name = callee.property.name;
      nameStart = callee.property.start;
      const object = unwrap(callee.object);
      if (object.type === 'Identifier') receiver = object.name;
      else if (
        object.type === 'MemberExpression' &&
        !object.computed &&
        unwrap(object.object).type === 'ThisExpression' &&
        object.property.type === 'Identifier'
      ) {
        receiver = object.property.name;
      }
    }
    if (name === undefined) return;
    const first = call.arguments[0];
    const firstString =
      first === undefined || first.type === 'SpreadElement' ? undefined : stringValue(first);
    const topics = first === undefined || first.type === 'SpreadElement' ? [] : objectTopics(first);
    into.push({
      name,
      line: line(nameStart),
      ...(receiver !== undefined ? { receiver } : {}),
      ...(firstString !== undefined ? { firstStringArgument: firstString } : {}),
      ...(topics.length > 0 ? { objectTopics: topics } : {}),
    });
  });
  return constructed.length > 0 ? { calls, constructed } : { calls };
}

function parameterNames(params: readonly ParamPattern[]): string[] {
  return params.map((param) => {
    const pattern = param.type === 'TSParameterProperty' ? param.parameter : param;
    let target = pattern.type === 'RestElement' ? pattern.argument : pattern;
    if (target.type === 'AssignmentPattern') target = target.left;
    if (target.type === 'Identifier') return target.name;
    return target.type === 'ObjectPattern' ? '{}' : '[]';
  });
}

/** Strips `x as T`, `x!`, `x satisfies T` and `<T>x`, which do not change what is named. */
function unwrap(expression: Expression): Expression {
  let current = expression;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ParenthesizedExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** `Foo` for `Foo`, `a.b.Foo` for `a.b.Foo`; `undefined` for anything else. */
function dottedName(expression: Expression): string | undefined {
  if (expression.type === 'Identifier') return expression.name;
  if (
    expression.type === 'MemberExpression' &&
    !expression.computed &&
    expression.property.type === 'Identifier'
  ) {
    const object = dottedName(unwrap(expression.object));
    return object === undefined ? undefined : `${object}.${expression.property.name}`;
  }
  return undefined;
}

/** The last name of a (dotted) reference: `Injectable` for `nest.Injectable`. */
function lastName(expression: Expression): string | undefined {
  if (expression.type === 'Identifier') return expression.name;
  if (
    expression.type === 'MemberExpression' &&
    !expression.computed &&
    expression.property.type === 'Identifier'
  ) {
    return expression.property.name;
  }
  return undefined;
}

function keyName(key: PropertyKey, computed: boolean): string | undefined {
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (!computed && key.type === 'Identifier') return key.name;
  return stringValue(key);
}

function stringValue(expression: Expression): string | undefined {
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) {
    return expression.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}
