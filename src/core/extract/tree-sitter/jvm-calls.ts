import type { Node } from 'web-tree-sitter';
import type { CallSymbol } from '../../model';
import { compactText, stringValue } from './nodes';

/** A Java `method_invocation` as a call: `kafka.send("orders", …)` → `send` on `kafka`, first string `orders`. */
export function jvmCall(node: Node, line: (offset: number) => number): CallSymbol | undefined {
  const name = node.childForFieldName('name');
  if (!name) return undefined;
  const object = node.childForFieldName('object');
  const receiver = receiverName(object);
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  const firstString = first && first.type.includes('string') ? stringValue(first) : undefined;
  return {
    name: name.text,
    line: line(name.startIndex),
    ...(receiver !== undefined ? { receiver } : {}),
    ...(firstString !== undefined ? { firstStringArgument: firstString } : {}),
  };
}

/** `bus` for `bus` and `this.bus`; `undefined` for anything more complex. */
export function receiverName(object: Node | null | undefined): string | undefined {
  if (!object) return undefined;
  const text = compactText(object);
  const match = /^(?:this\.|self\.)?([A-Za-z_$][\w$]*)$/.exec(text);
  return match?.[1];
}
