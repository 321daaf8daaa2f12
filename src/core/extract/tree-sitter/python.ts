import type { Node } from 'web-tree-sitter';
import { childrenOfType, compactText, stringValue, typeName, walkTree } from './nodes';
import { receiverName } from './jvm-calls';
import { SymbolsDraft } from './symbols-draft';
import type { FoundImport, GrammarReader } from './types';

/**
 * Python: `import a.b` (one import per name), `from m import x, y` (one import per name, with
 * the module as specifier and the name beside it: it may be a submodule), `from . import x`,
 * `from ..m import *`; relative modules keep their dots. Imports anywhere in the file count
 * (inside functions and `try` blocks too): the lines that start an import statement (outside
 * triple-quoted strings), with their parenthesised or backslash-continued rest, are parsed, the
 * rest of the text blanked. Classes with their
 * bases and decorators, top-level functions with their decorators, and calls (`FastAPI()`,
 * `Celery()`, `app.task`).
 */
export const pythonReader: GrammarReader = {
  id: 'python',
  extensions: ['.py', '.pyi'],
  headerEnd() {
    return undefined;
  },
  importSource: importStatements,
  imports(root) {
    const found: FoundImport[] = [];
    walkTree(root, (node) => {
      if (node.type === 'import_statement') {
        for (const item of node.namedChildren) {
          const name = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
          if (name?.type === 'dotted_name')
            found.push({ specifier: compactText(name), offset: name.startIndex });
        }
        return false;
      }
      if (node.type === 'import_from_statement') {
        const module = node.childForFieldName('module_name');
        if (!module) return false;
        const specifier = compactText(module);
        const names = node.childrenForFieldName('name');
        if (names.length === 0) found.push({ specifier, offset: module.startIndex });
        for (const item of names) {
          const name = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
          if (!name) continue;
          found.push({ specifier, offset: name.startIndex, name: compactText(name) });
        }
        return false;
      }
      if (node.type === 'future_import_statement') return false;
      return true;
    });
    return found;
  },
  declares() {
    return [];
  },
  symbols(root, line) {
    const draft = new SymbolsDraft();
    for (const statement of root.namedChildren) {
      const decorators =
        statement.type === 'decorated_definition' ? childrenOfType(statement, 'decorator') : [];
      const definition =
        statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (!definition) continue;
      const name = definition.childForFieldName('name');
      if (!name) continue;
      const decoratorNames = decorators.map(decoratorName);
      for (const [i, d] of decorators.entries())
        draft.annotations.push({ name: decoratorNames[i] ?? '', line: line(d.startIndex), on: name.text });
      if (definition.type === 'class_definition') {
        const bases = definition.childForFieldName('superclasses');
        const baseNames = bases
          ? bases.namedChildren.filter((b) => b.type === 'identifier' || b.type === 'attribute').map(typeName)
          : [];
        const body = definition.childForFieldName('body');
        draft.classes.push({
          name: name.text,
          line: line(name.startIndex),
          exported: !name.text.startsWith('_'),
          abstract: baseNames.some((b) => b === 'ABC' || b === 'abc.ABC'),
          decorators: decoratorNames,
          decoratorArguments: [],
          ...(baseNames[0] !== undefined ? { extends: baseNames[0] } : {}),
          implements: baseNames.slice(1),
          methods: body ? methodNames(body) : [],
        });
      } else if (definition.type === 'function_definition') {
        const params = definition.childForFieldName('parameters');
        draft.functions.push({
          name: name.text,
          line: line(name.startIndex),
          exported: !name.text.startsWith('_'),
          parameters: params
            ? params.namedChildren.map((p) =>
                p.type === 'identifier'
                  ? p.text
                  : (p.childForFieldName('name')?.text ?? compactText(p).split(/[:=]/)[0] ?? ''),
              )
            : [],
          async: definition.children.some((c) => c.type === 'async'),
        });
      }
    }
    walkTree(root, (node) => {
      if (node.type !== 'call') return;
      const callee = node.childForFieldName('function');
      let name: Node | undefined;
      let receiver: string | undefined;
      if (callee?.type === 'identifier') name = callee;
      else if (callee?.type === 'attribute') {
        name = callee.childForFieldName('attribute') ?? undefined;
        receiver = receiverName(callee.childForFieldName('object'));
      }
      if (!name) return;
      const args = node.childForFieldName('arguments');
      const first = args?.namedChildren[0];
      const firstString = first?.type === 'string' ? stringValue(first) : undefined;
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

const IMPORT_START = /^[ \t]*(?:import[ \t]|from[ \t]+[\w.]+[ \t]+import\b)/;
const TRIPLE_QUOTES = /"""|'''/g;

/**
 * The text up to its last import statement with only its import statements left: every other
 * character but line breaks is a space, so offsets and lines are the file's.
 */
function importStatements(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  let inString = false;
  let open = 0;
  let continued = false;
  let kept = 0;
  for (const line of lines) {
    const keep = continued || open > 0 || (!inString && IMPORT_START.test(line));
    if (keep) {
      const body = line.replace(/#[^\r\n]*/, '');
      for (const char of body) open += char === '(' ? 1 : char === ')' ? -1 : 0;
      open = Math.max(0, open);
      continued = /\\\r?\n?$/.test(body);
      out.push(line);
      kept = out.length;
    } else {
      if (line.includes("'''") || line.includes('"""')) {
        if (((line.match(TRIPLE_QUOTES)?.length ?? 0) & 1) === 1) inString = !inString;
      }
      const end = line.endsWith('\r\n') ? 2 : line.endsWith('\n') || line.endsWith('\r') ? 1 : 0;
      out.push(end === 0 ? ' '.repeat(line.length) : ' '.repeat(line.length - end) + line.slice(-end));
    }
  }
  return out.slice(0, kept).join('');
}

/** `shared_task` for `@shared_task(bind=True)`, `task` for `@app.task`. */
function decoratorName(decorator: Node): string {
  let expression = decorator.namedChildren[0];
  if (expression?.type === 'call') expression = expression.childForFieldName('function') ?? expression;
  return expression ? (compactText(expression).split('.').pop() ?? '') : '';
}

function methodNames(body: Node): string[] {
  return body.namedChildren.flatMap((s) => {
    const definition = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    return definition?.type === 'function_definition'
      ? (definition.childForFieldName('name')?.text ?? [])
      : [];
  });
}
