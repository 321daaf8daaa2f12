import type { Node } from 'web-tree-sitter';
import type { CallSymbol } from '../../model';
import { childOfType, childrenOfType, compactText, stringValue, typeName, walkTree } from './nodes';
import { receiverName } from './jvm-calls';
import { SymbolsDraft } from './symbols-draft';
import type { FoundImport, GrammarReader } from './types';

const MODIFIERS =
  '(?:public|private|internal|protected|abstract|open|final|sealed|data|enum|annotation|inner|value|inline|expect|actual|suspend|const|override|lateinit|operator|infix|tailrec|external)';
/** The first annotation (not `@file:`) or declaration at the start of a line. */
const FIRST_DECLARATION = new RegExp(
  `^[ \\t]*(?:@(?!file:)[A-Za-z_]|(?:${MODIFIERS}\\s+)*(?:class|interface|object|fun|val|var|typealias)\\b)`,
  'm',
);

/**
 * Kotlin: `import a.B`, `import a.*`, `import a.B as C` (the specifier is the imported name,
 * `.*` included; an alias changes only the local name), the `package`, and classes, interfaces
 * and objects with their annotations and supertypes (a supertype called with `()` is the class
 * extended, the others are interfaces).
 */
export const kotlinReader: GrammarReader = {
  id: 'kotlin',
  extensions: ['.kt', '.kts'],
  headerEnd(text) {
    const match = FIRST_DECLARATION.exec(text);
    return match === null ? undefined : match.index;
  },
  imports(root) {
    const found: FoundImport[] = [];
    for (const node of childrenOfType(root, 'import')) {
      const name = childOfType(node, 'qualified_identifier', 'identifier');
      if (name === undefined) continue;
      const wildcard = node.children.some((c) => c.type === '*');
      found.push({ specifier: `${compactText(name)}${wildcard ? '.*' : ''}`, offset: name.startIndex });
    }
    return found;
  },
  declares(root) {
    const header = childOfType(root, 'package_header');
    const name = header && childOfType(header, 'qualified_identifier', 'identifier');
    return name ? [compactText(name)] : [];
  },
  symbols(root, line) {
    const draft = new SymbolsDraft();
    draft.packageName = this.declares(root)[0];
    walkTree(root, (node) => {
      if (node.type === 'class_declaration' || node.type === 'object_declaration') addType(draft, node, line);
      else if (node.type === 'function_declaration') {
        const name = childOfType(node, 'identifier')?.text ?? '';
        for (const a of annotationsOf(node))
          draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name });
        if (node.parent?.type === 'source_file') {
          draft.functions.push({
            name,
            line: line(childOfType(node, 'identifier')?.startIndex ?? node.startIndex),
            exported: !hasModifier(node, 'private'),
            parameters: parameters(node),
            async: hasModifier(node, 'suspend'),
          });
        }
      } else if (node.type === 'call_expression') {
        const call = kotlinCall(node, line);
        if (call) draft.calls.push(call);
      }
    });
    return draft.finish();
  },
};

function annotationsOf(node: Node): { name: string; node: Node; argument?: string }[] {
  const modifiers = childOfType(node, 'modifiers');
  if (!modifiers) return [];
  return childrenOfType(modifiers, 'annotation').flatMap((annotation) => {
    const invocation = childOfType(annotation, 'constructor_invocation');
    const type = invocation ? childOfType(invocation, 'user_type') : childOfType(annotation, 'user_type');
    if (!type) return [];
    const simple = compactText(type).replace(/<.*$/s, '').split('.').pop() ?? '';
    const firstArgument =
      invocation && childOfType(invocation, 'value_arguments')?.namedChildren[0]?.namedChildren[0];
    const argument =
      firstArgument && (firstArgument.type === 'identifier' || firstArgument.type === 'navigation_expression')
        ? compactText(firstArgument)
        : undefined;
    return [{ name: simple, node: annotation, ...(argument !== undefined ? { argument } : {}) }];
  });
}

function hasModifier(node: Node, word: string): boolean {
  const modifiers = childOfType(node, 'modifiers');
  return modifiers?.namedChildren.some((m) => m.text === word) ?? false;
}

function parameters(node: Node): string[] {
  const list = childOfType(node, 'function_value_parameters');
  return list ? childrenOfType(list, 'parameter').map((p) => childOfType(p, 'identifier')?.text ?? '') : [];
}

function addType(draft: SymbolsDraft, node: Node, line: (offset: number) => number): void {
  const name = childOfType(node, 'identifier');
  if (!name) return;
  const annotations = annotationsOf(node);
  for (const a of annotations)
    draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name.text });
  const specifiers = childOfType(node, 'delegation_specifiers');
  const supertypes = specifiers ? childrenOfType(specifiers, 'delegation_specifier') : [];
  let extendsName: string | undefined;
  const implemented: string[] = [];
  for (const specifier of supertypes) {
    const invocation = childOfType(specifier, 'constructor_invocation');
    const type = invocation
      ? childOfType(invocation, 'user_type')
      : (childOfType(specifier, 'user_type') ?? specifier.namedChildren[0]);
    if (!type) continue;
    if (invocation) extendsName = typeName(type);
    else implemented.push(typeName(type));
  }
  const body = childOfType(node, 'class_body', 'enum_class_body');
  const methods = body
    ? childrenOfType(body, 'function_declaration').flatMap((f) => childOfType(f, 'identifier')?.text ?? [])
    : [];
  const isInterface = node.children.some((c) => c.type === 'interface');
  if (isInterface) {
    draft.interfaces.push({
      name: name.text,
      line: line(name.startIndex),
      exported: !hasModifier(node, 'private'),
      extends: implemented,
      members: methods,
    });
    return;
  }
  draft.classes.push({
    name: name.text,
    line: line(name.startIndex),
    exported: !hasModifier(node, 'private') && !hasModifier(node, 'internal'),
    abstract: hasModifier(node, 'abstract'),
    decorators: annotations.map((a) => a.name),
    decoratorArguments: annotations.flatMap((a) => (a.argument === undefined ? [] : [a.argument])),
    ...(extendsName !== undefined ? { extends: extendsName } : {}),
    implements: implemented,
    methods,
  });
}

function kotlinCall(node: Node, line: (offset: number) => number): CallSymbol | undefined {
  const callee = node.namedChildren[0];
  if (!callee) return undefined;
  let name: Node | undefined;
  let receiver: string | undefined;
  if (callee.type === 'identifier') name = callee;
  else if (callee.type === 'navigation_expression') {
    const parts = callee.namedChildren;
    name = parts[parts.length - 1];
    if (name?.type !== 'identifier') return undefined;
    receiver = receiverName(parts[0]);
  }
  if (!name) return undefined;
  const first = childOfType(node, 'value_arguments')?.namedChildren[0]?.namedChildren[0];
  const firstString = first?.type === 'string_literal' ? stringValue(first) : undefined;
  return {
    name: name.text,
    line: line(name.startIndex),
    ...(receiver !== undefined ? { receiver } : {}),
    ...(firstString !== undefined && !firstString.includes('$') ? { firstStringArgument: firstString } : {}),
  };
}
