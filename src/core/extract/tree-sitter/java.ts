import type { Node } from 'web-tree-sitter';
import { childOfType, childrenOfType, compactText, typeName, walkTree } from './nodes';
import { SymbolsDraft } from './symbols-draft';
import type { FoundImport, GrammarReader } from './types';
import { jvmCall } from './jvm-calls';

const MODIFIERS = '(?:public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)';
/** The first annotation or type declaration at the start of a line: imports come before it. */
const FIRST_DECLARATION = new RegExp(
  `^[ \\t]*(?:@(?!interface\\b)[A-Za-z_]|(?:${MODIFIERS}\\s+)*(?:class|interface|enum|record|@interface)\\s)`,
  'm',
);

const PACKAGE = /^[ \t]*package\s+[\w.\s]+;/m;

/**
 * Java: `import a.B;`, `import a.*;`, `import static a.B.c;` and `import static a.B.*;` (the
 * specifier is what follows `import`, `static ` included), the `package`, and the classes,
 * interfaces, enums and records with their annotations, `extends` and `implements`.
 */
export const javaReader: GrammarReader = {
  id: 'java',
  extensions: ['.java'],
  headerEnd(text) {
    // `package-info.java` annotates the package: declarations are looked for after it.
    const from = PACKAGE.exec(text);
    const start = from === null ? 0 : from.index + from[0].length;
    const match = FIRST_DECLARATION.exec(text.slice(start));
    return match === null ? undefined : start + match.index;
  },
  imports(root) {
    const found: FoundImport[] = [];
    for (const node of childrenOfType(root, 'import_declaration')) {
      const name = childOfType(node, 'scoped_identifier', 'identifier');
      if (name === undefined) continue;
      const isStatic = node.children.some((c) => c.type === 'static');
      const wildcard = node.namedChildren.some((c) => c.type === 'asterisk');
      const specifier = `${isStatic ? 'static ' : ''}${compactText(name)}${wildcard ? '.*' : ''}`;
      found.push({ specifier, offset: name.startIndex });
    }
    return found;
  },
  declares(root) {
    const declaration = childOfType(root, 'package_declaration');
    const name = declaration && childOfType(declaration, 'scoped_identifier', 'identifier');
    return name ? [compactText(name)] : [];
  },
  symbols(root, line) {
    const draft = new SymbolsDraft();
    draft.packageName = this.declares(root)[0];
    walkTree(root, (node) => {
      switch (node.type) {
        case 'class_declaration':
        case 'enum_declaration':
        case 'record_declaration':
          addClass(draft, node, line);
          break;
        case 'interface_declaration':
        case 'annotation_type_declaration':
          addInterface(draft, node, line);
          break;
        case 'method_declaration':
          addMethodAnnotations(draft, node, line);
          break;
        case 'method_invocation': {
          const call = jvmCall(node, line);
          if (call) draft.calls.push(call);
          break;
        }
      }
    });
    return draft.finish();
  },
};

function annotationsOf(node: Node): { name: string; node: Node; argument?: string }[] {
  const modifiers = childOfType(node, 'modifiers');
  if (!modifiers) return [];
  return childrenOfType(modifiers, 'marker_annotation', 'annotation').flatMap((annotation) => {
    const name = annotation.childForFieldName('name');
    if (!name) return [];
    const args = annotation.childForFieldName('arguments');
    const first = args?.namedChildren[0];
    const argument =
      first && (first.type === 'identifier' || first.type === 'field_access')
        ? compactText(first)
        : undefined;
    const simple = compactText(name).split('.').pop() ?? '';
    return [{ name: simple, node: annotation, ...(argument !== undefined ? { argument } : {}) }];
  });
}

function isPublic(node: Node): boolean {
  const modifiers = childOfType(node, 'modifiers');
  return modifiers?.children.some((c) => c.type === 'public') ?? false;
}

function addClass(draft: SymbolsDraft, node: Node, line: (offset: number) => number): void {
  const name = node.childForFieldName('name');
  if (!name) return;
  const annotations = annotationsOf(node);
  for (const a of annotations)
    draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name.text });
  const superclass = childOfType(node, 'superclass');
  const superType = superclass?.namedChildren[0];
  const interfaces = childOfType(node, 'super_interfaces');
  const list = interfaces && childOfType(interfaces, 'type_list');
  const body = node.childForFieldName('body');
  const modifiers = childOfType(node, 'modifiers');
  draft.classes.push({
    name: name.text,
    line: line(name.startIndex),
    exported: isPublic(node),
    abstract: modifiers?.children.some((c) => c.type === 'abstract') ?? false,
    decorators: annotations.map((a) => a.name),
    decoratorArguments: annotations.flatMap((a) => (a.argument === undefined ? [] : [a.argument])),
    ...(superType ? { extends: typeName(superType) } : {}),
    implements: list ? list.namedChildren.map(typeName) : [],
    methods: body
      ? childrenOfType(body, 'method_declaration').flatMap((m) => m.childForFieldName('name')?.text ?? [])
      : [],
  });
}

function addInterface(draft: SymbolsDraft, node: Node, line: (offset: number) => number): void {
  const name = node.childForFieldName('name');
  if (!name) return;
  for (const a of annotationsOf(node))
    draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name.text });
  const extendsClause = childOfType(node, 'extends_interfaces');
  const list = extendsClause && childOfType(extendsClause, 'type_list');
  const body = node.childForFieldName('body');
  draft.interfaces.push({
    name: name.text,
    line: line(name.startIndex),
    exported: isPublic(node),
    extends: list ? list.namedChildren.map(typeName) : [],
    members: body
      ? childrenOfType(body, 'method_declaration', 'constant_declaration').flatMap(
          (m) => m.childForFieldName('name')?.text ?? [],
        )
      : [],
  });
}

function addMethodAnnotations(draft: SymbolsDraft, node: Node, line: (offset: number) => number): void {
  const name = node.childForFieldName('name')?.text ?? '';
  for (const a of annotationsOf(node))
    draft.annotations.push({ name: a.name, line: line(a.node.startIndex), on: name });
}
