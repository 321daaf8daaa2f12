import type { Node } from 'web-tree-sitter';
import { childOfType, childrenOfType, stringValue, typeName, walkTree } from './nodes';
import { receiverName } from './jvm-calls';
import { SymbolsDraft } from './symbols-draft';
import type { FoundImport, GrammarReader } from './types';

/** The first top-level declaration: Go requires every import before it. */
const FIRST_DECLARATION = /^(?:func|type|var|const)\b/m;

/**
 * Go: every `import "path"` and `import ( … )` spec, aliased (`db "x/db"`), blank (`_`) or dot
 * (`.`) alike (the specifier is the import path), the package name, and structs, interfaces,
 * functions and calls.
 */
export const goReader: GrammarReader = {
  id: 'go',
  extensions: ['.go'],
  headerEnd(text) {
    const match = FIRST_DECLARATION.exec(text);
    return match === null ? undefined : match.index;
  },
  imports(root) {
    const found: FoundImport[] = [];
    for (const declaration of childrenOfType(root, 'import_declaration')) {
      const list = childOfType(declaration, 'import_spec_list');
      for (const spec of childrenOfType(list ?? declaration, 'import_spec')) {
        const path = spec.childForFieldName('path');
        const value = path ? stringValue(path) : undefined;
        if (path && value !== undefined) found.push({ specifier: value, offset: path.startIndex });
      }
    }
    return found;
  },
  declares(root) {
    const clause = childOfType(root, 'package_clause');
    const name = clause && childOfType(clause, 'package_identifier');
    return name ? [name.text] : [];
  },
  symbols(root, line) {
    const draft = new SymbolsDraft();
    draft.packageName = this.declares(root)[0];
    for (const node of root.namedChildren) {
      if (node.type === 'type_declaration') {
        for (const spec of childrenOfType(node, 'type_spec')) addType(draft, spec, line);
      } else if (node.type === 'function_declaration' || node.type === 'method_declaration') {
        const name = node.childForFieldName('name');
        if (!name) continue;
        const params = node.childForFieldName('parameters');
        draft.functions.push({
          name: name.text,
          line: line(name.startIndex),
          exported: /^[A-Z]/.test(name.text),
          parameters: params
            ? childrenOfType(params, 'parameter_declaration').flatMap((p) =>
                childrenOfType(p, 'identifier').map((i) => i.text),
              )
            : [],
          async: false,
        });
      }
    }
    walkTree(root, (node) => {
      if (node.type !== 'call_expression') return;
      const callee = node.childForFieldName('function');
      let name: Node | undefined;
      let receiver: string | undefined;
      if (callee?.type === 'identifier') name = callee;
      else if (callee?.type === 'selector_expression') {
        name = callee.childForFieldName('field') ?? undefined;
        receiver = receiverName(callee.childForFieldName('operand'));
      }
      if (!name) return;
      const first = node.childForFieldName('arguments')?.namedChildren[0];
      const firstString = first?.type === 'interpreted_string_literal' ? stringValue(first) : undefined;
      draft.calls.push({
        name: name.text,
        line: line(name.startIndex),
        ...(receiver !== undefined ? { receiver } : {}),
        ...(firstString !== undefined ? { firstStringArgument: firstString } : {}),
      });
    });
    return draft.finish();
  },
};

function addType(draft: SymbolsDraft, spec: Node, line: (offset: number) => number): void {
  const name = spec.childForFieldName('name');
  const type = spec.childForFieldName('type');
  if (!name || !type) return;
  const exported = /^[A-Z]/.test(name.text);
  if (type.type === 'interface_type') {
    draft.interfaces.push({
      name: name.text,
      line: line(name.startIndex),
      exported,
      extends: childrenOfType(type, 'type_elem').map(typeName),
      members: childrenOfType(type, 'method_elem').flatMap((m) => m.childForFieldName('name')?.text ?? []),
    });
  } else if (type.type === 'struct_type') {
    // Embedded fields are a struct's "bases".
    const fields = childOfType(type, 'field_declaration_list');
    const embedded = fields
      ? childrenOfType(fields, 'field_declaration')
          .filter((f) => f.childForFieldName('name') === null)
          .flatMap((f) => {
            const t = f.childForFieldName('type');
            return t ? [typeName(t).replace(/^\*/, '')] : [];
          })
      : [];
    draft.classes.push({
      name: name.text,
      line: line(name.startIndex),
      exported,
      abstract: false,
      decorators: [],
      decoratorArguments: [],
      implements: embedded,
      methods: [],
    });
  }
}
