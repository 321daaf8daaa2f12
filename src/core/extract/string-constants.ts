import type { Expression, Program, Statement } from 'oxc-parser';

/** At most this many constants are kept per file (a generated table of strings stays bounded). */
const MAX_CONSTANTS = 500;

/**
 * The string constants a file declares at its top level, by the name code uses to reach them:
 * `const ORDERS = 'orders'` → `ORDERS`; `const TOPICS = { ORDER_PLACED: 'order.placed' } as const`
 * → `TOPICS.ORDER_PLACED` (one level of nesting more too); `enum Topic { Placed = 'order.placed' }`
 * → `Topic.Placed`. Messaging calls name their channel through these as often as with a literal.
 */
export function stringConstants(program: Program): Record<string, string> {
  const found: Record<string, string> = {};
  let count = 0;
  const put = (name: string, value: string): void => {
    if (count >= MAX_CONSTANTS || value.trim() === '') return;
    found[name] = value;
    count++;
  };
  for (const statement of program.body) {
    const declaration = declared(statement);
    if (declaration === undefined) continue;
    if (declaration.type === 'VariableDeclaration' && declaration.kind === 'const') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier' || declarator.init === null) continue;
        collect(declarator.id.name, declarator.init, put, 2);
      }
    } else if (declaration.type === 'TSEnumDeclaration') {
      for (const member of declaration.body.members) {
        const key =
          member.id.type === 'Identifier'
            ? member.id.name
            : member.id.type === 'Literal'
              ? String(member.id.value)
              : undefined;
        const value =
          member.initializer !== null && member.initializer !== undefined
            ? text(member.initializer)
            : undefined;
        if (key !== undefined && value !== undefined) put(`${declaration.id.name}.${key}`, value);
      }
    }
  }
  return found;
}

type Declared = Extract<Statement, { type: 'VariableDeclaration' | 'TSEnumDeclaration' }>;

function declared(statement: Statement): Declared | undefined {
  const node = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  if (node === null || node === undefined) return undefined;
  return node.type === 'VariableDeclaration' || node.type === 'TSEnumDeclaration' ? node : undefined;
}

function collect(
  name: string,
  init: Expression,
  put: (name: string, value: string) => void,
  depth: number,
): void {
  const value = unwrapped(init);
  const literal = text(value);
  if (literal !== undefined) {
    put(name, literal);
    return;
  }
  if (value.type !== 'ObjectExpression' || depth === 0) return;
  for (const property of value.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key =
      property.key.type === 'Identifier'
        ? property.key.name
        : property.key.type === 'Literal' && typeof property.key.value === 'string'
          ? property.key.value
          : undefined;
    if (key !== undefined) collect(`${name}.${key}`, property.value as Expression, put, depth - 1);
  }
}

function unwrapped(expression: Expression): Expression {
  let current = expression;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'ParenthesizedExpression'
  )
    current = current.expression;
  return current;
}

function text(expression: Expression): string | undefined {
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0)
    return expression.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
