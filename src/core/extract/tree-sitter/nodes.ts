import type { Node } from 'web-tree-sitter';

/** A node's text without whitespace or comments between its parts: `com . acme` → `com.acme`. */
export function compactText(node: Node): string {
  if (node.childCount === 0) return node.type === 'comment' ? '' : node.text;
  let out = '';
  for (const child of node.children) {
    if (child.type.endsWith('comment') || child.type === 'line_continuation') continue;
    out += compactText(child);
  }
  return out;
}

/** The named children of `node` of one of `types`. */
export function childrenOfType(node: Node, ...types: string[]): Node[] {
  return node.namedChildren.filter((child) => types.includes(child.type));
}

/** The first named child of one of `types`. */
export function childOfType(node: Node, ...types: string[]): Node | undefined {
  return node.namedChildren.find((child) => types.includes(child.type));
}

/** `Handler` for `Handler<Foo>`, `a.b.Handler` for `a.b.Handler<Foo>`: a type's name without arguments. */
export function typeName(node: Node): string {
  return compactText(node)
    .replace(/<[\s\S]*$/, '')
    .replace(/\(.*$/s, '')
    .replace(/\?$/, '');
}

/** Visits every node below `root` (depth first, in source order) without recursion. */
export function walkTree(root: Node, visit: (node: Node) => boolean | void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      const descend = visit(cursor.currentNode) !== false;
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
        if (cursor.currentNode.id === root.id) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The value of a string literal node (quotes removed, simple escapes kept as written). */
export function stringValue(node: Node): string | undefined {
  const text = node.text;
  const match = /^(?:[rRbBuUfF]{0,2})?("""|'''|"|'|`)([\s\S]*)\1$/.exec(text);
  return match?.[2];
}
