import { visitorKeys } from 'oxc-parser';

/** A node of oxc's ESTree AST, seen generically. */
export interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Calls `visit` on every node under `root` in source order (parents before children). Children
 * are found through oxc's `visitorKeys`, so only real child nodes are walked. Iterative, so
 * deeply nested generated code cannot overflow the stack.
 */
export function walkAst(root: AstNode, visit: (node: AstNode) => void): void {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AstNode;
    visit(node);
    const keys = visitorKeys[node.type];
    if (keys === undefined) continue;
    // Push in reverse so children pop in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k] as string];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item: unknown = child[i];
          if (isNode(item)) stack.push(item);
        }
      } else if (isNode(child)) stack.push(child);
    }
  }
}

function isNode(value: unknown): value is AstNode {
  return (
    value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string'
  );
}
