import type { ts } from 'ts-morph';
import { typescript } from '../util/typescript';
import type { ImportKind } from '../model';
import type { ParseDialect } from './ecmascript-language';
import type { Found } from './scan-imports';

function scriptKind(lang: ParseDialect['lang']): ts.ScriptKind {
  const { ScriptKind } = typescript();
  return {
    js: ScriptKind.JS,
    jsx: ScriptKind.JSX,
    ts: ScriptKind.TS,
    tsx: ScriptKind.TSX,
    dts: ScriptKind.TS,
  }[lang];
}

/**
 * Every import form of a source with syntax errors, read with TypeScript's parser, which
 * recovers from errors statement by statement where oxc gives up on the whole file. Used only
 * for broken files (typically one being edited), so an unfinished line does not drop the
 * file's other imports from the graph.
 */
export function tolerantImports(fileName: string, source: string, dialect: ParseDialect): Found[] {
  const ts = typescript();
  const name = dialect.lang === 'dts' ? 'file.d.ts' : fileName;
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false, scriptKind(dialect.lang));
  const found: Found[] = [];
  const add = (node: ts.Node | undefined, kind: ImportKind): void => {
    if (node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
      found.push({ specifier: node.text, offset: node.getStart(file), kind });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyImport(node) ? 'type' : 'static');
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyExport(node) ? 'type' : 'reexport');
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) {
        add(node.moduleReference.expression, node.isTypeOnly ? 'type' : 'require');
      }
    } else if (ts.isImportTypeNode(node)) {
      if (ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, 'type');
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic');
      else if (ts.isIdentifier(callee) && callee.text === 'require') add(node.arguments[0], 'require');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    typescript().isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    typescript().isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}
