import type { Node } from 'web-tree-sitter';
import type { CallSymbol } from '../../model';
import { childOfType, childrenOfType, compactText, stringValue, typeName, walkTree } from './nodes';
import { receiverName } from './jvm-calls';
import { SymbolsDraft } from './symbols-draft';
import type { FoundImport, GrammarReader } from './types';

const MODIFIERS =
  '(?:public|protected|private|internal|file|abstract|sealed|static|partial|readonly|ref|unsafe|new|required)';
/** The first attribute or type declaration at the start of a line: `using` directives come before. */
const FIRST_DECLARATION = new RegExp(
  `^[ \\t]*(?:\\[(?!assembly:|module:)|(?:${MODIFIERS}\\s+)*(?:class|interface|struct|record|enum|delegate)\\s)`,
  'm',
);
const TYPE_DECLARATIONS = [
  'class_declaration',
  'struct_declaration',
  'record_declaration',
  'interface_declaration',
];

/**
 * C#: `using A.B;`, `using static A.B;`, `global using A.B;` and `using X = A.B;` (the
 * specifier is the name used, prefixed by `global ` and `static ` as written; an alias changes
 * only the local name), inside namespace blocks too; the namespaces declared (block and
 * file-scoped); and the classes, records, structs and interfaces with their attributes and
 * base types (a base whose name is `I` + capital is taken for an interface, as .NET names them).
 */
export const csharpReader: GrammarReader = {
  id: 'csharp',
  extensions: ['.cs'],
  headerEnd(text) {
    const match = FIRST_DECLARATION.exec(text);
    return match === null ? undefined : match.index;
  },
  imports(root) {
    const found: FoundImport[] = [];
    const visit = (container: Node): void => {
      for (const node of container.namedChildren) {
        if (node.type === 'using_directive') {
          const names = node.namedChildren.filter((c) => c.type !== 'comment');
          // `using X = A.B;`: the alias is the first identifier, the name the last child.
          const name = names[names.length - 1];
          if (!name) continue;
          const isGlobal = node.children.some((c) => c.type === 'global');
          const isStatic = node.children.some((c) => c.type === 'static');
          const prefix = `${isGlobal ? 'global ' : ''}${isStatic ? 'static ' : ''}`;
          const alias = names.length > 1 && names[0]?.type === 'identifier' ? names[0].text : undefined;
          found.push({
            specifier: prefix + compactText(name),
            offset: name.startIndex,
            ...(alias !== undefined ? { name: alias } : {}),
          });
        } else if (node.type === 'namespace_declaration') {
          const body = childOfType(node, 'declaration_list');
          if (body) visit(body);
        } else if (node.type === 'ERROR') {
          // A header cut inside `namespace X {` leaves the block unclosed.
          visit(node);
        }
      }
    };
    visit(root);
    return found;
  },
  declares(root) {
    const names: string[] = [];
    const visit = (container: Node, outer: string): void => {
      for (const node of container.namedChildren) {
        if (node.type === 'ERROR') {
          // A header cut inside `namespace X {`: the keyword and the name are left in an ERROR.
          const keyword = node.children.findIndex((c) => c.type === 'namespace');
          const name = keyword < 0 ? undefined : node.children[keyword + 1];
          const inner = name && /name|identifier/.test(name.type) ? compactText(name) : undefined;
          if (inner !== undefined) names.push(outer === '' ? inner : `${outer}.${inner}`);
          visit(node, inner === undefined ? outer : outer === '' ? inner : `${outer}.${inner}`);
        }
        if (node.type !== 'namespace_declaration' && node.type !== 'file_scoped_namespace_declaration')
          continue;
        const name = node.childForFieldName('name');
        if (!name) continue;
        const full = outer === '' ? compactText(name) : `${outer}.${compactText(name)}`;
        names.push(full);
        const body = childOfType(node, 'declaration_list');
        if (body) visit(body, full);
      }
    };
    visit(root, '');
    return [...new Set(names)];
  },
  symbols(root, line) {
    const draft = new SymbolsDraft();
    draft.packageName = this.declares(root)[0];
    walkTree(root, (node) => {
      if (TYPE_DECLARATIONS.includes(node.type)) addType(draft, node, line);
      else if (node.type === 'method_declaration') {
        const name = node.childForFieldName('name')?.text ?? '';
        for (const a of attributesOf(node))
          draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name });
      } else if (node.type === 'invocation_expression') {
        const call = csharpCall(node, line);
        if (call) draft.calls.push(call);
      }
    });
    return draft.finish();
  },
};

function attributesOf(node: Node): { name: string; node: Node; argument?: string }[] {
  return childrenOfType(node, 'attribute_list').flatMap((list) =>
    childrenOfType(list, 'attribute').flatMap((attribute) => {
      const name = attribute.childForFieldName('name');
      if (!name) return [];
      const simple =
        typeName(name)
          .split('.')
          .pop()
          ?.replace(/Attribute$/, '') ?? '';
      const first = childOfType(attribute, 'attribute_argument_list')?.namedChildren[0]?.namedChildren[0];
      const argument =
        first?.type === 'typeof_expression' ? typeName(first.namedChildren[0] ?? first) : undefined;
      return [{ name: simple, node: attribute, ...(argument !== undefined ? { argument } : {}) }];
    }),
  );
}

function hasModifier(node: Node, word: string): boolean {
  return childrenOfType(node, 'modifier').some((m) => m.text === word);
}

function addType(draft: SymbolsDraft, node: Node, line: (offset: number) => number): void {
  const name = node.childForFieldName('name');
  if (!name) return;
  const attributes = attributesOf(node);
  for (const a of attributes)
    draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name.text });
  const bases = childOfType(node, 'base_list');
  const baseNames = bases
    ? bases.namedChildren.filter((b) => b.type !== 'argument_list' && b.type !== 'comment').map(typeName)
    : [];
  const body = childOfType(node, 'declaration_list');
  const methods = body
    ? childrenOfType(body, 'method_declaration').flatMap((m) => m.childForFieldName('name')?.text ?? [])
    : [];
  const exported = hasModifier(node, 'public');
  if (node.type === 'interface_declaration') {
    draft.interfaces.push({
      name: name.text,
      line: line(name.startIndex),
      exported,
      extends: baseNames,
      members: methods,
    });
    return;
  }
  const isInterfaceName = (base: string): boolean => /^I[A-Z]/.test(base.split('.').pop() ?? '');
  const first = baseNames[0];
  const extendsName =
    first !== undefined && !isInterfaceName(first) && node.type !== 'struct_declaration' ? first : undefined;
  draft.classes.push({
    name: name.text,
    line: line(name.startIndex),
    exported,
    abstract: hasModifier(node, 'abstract'),
    decorators: attributes.map((a) => a.name),
    decoratorArguments: attributes.flatMap((a) => (a.argument === undefined ? [] : [a.argument])),
    ...(extendsName !== undefined ? { extends: extendsName } : {}),
    implements: baseNames.filter((b) => b !== extendsName),
    methods,
  });
}

function csharpCall(node: Node, line: (offset: number) => number): CallSymbol | undefined {
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  let name: Node | undefined;
  let receiver: string | undefined;
  if (callee.type === 'identifier' || callee.type === 'generic_name') name = callee;
  else if (callee.type === 'member_access_expression') {
    name = callee.childForFieldName('name') ?? undefined;
    receiver = receiverName(callee.childForFieldName('expression'));
  }
  if (!name) return undefined;
  const first = node.childForFieldName('arguments')?.namedChildren[0]?.namedChildren[0];
  const firstString = first?.type === 'string_literal' ? stringValue(first) : undefined;
  return {
    name: typeName(name),
    line: line(name.startIndex),
    ...(receiver !== undefined ? { receiver } : {}),
    ...(firstString !== undefined ? { firstStringArgument: firstString } : {}),
  };
}
