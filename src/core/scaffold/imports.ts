/** Import lines for a new file: the type names it mentions, re-pathed from where they are declared. */
import type { ts as TS } from 'ts-morph';
import type { ScaffoldContext } from './context';
import { resolveRelative, specifier } from './workspace-files';

/** One named import to write. */
export interface NamedImport {
  readonly name: string;
  /** The exported name when imported under another (`import { A as B }`). */
  readonly original?: string;
  readonly from: string;
  readonly typeOnly: boolean;
}

/** Finds where each mentioned name comes from; names that are not imported nor exported are reported. */
export function importsForNames(
  ctx: ScaffoldContext,
  names: ReadonlyMap<string, TS.SourceFile>,
  toFile: string,
  skip: ReadonlySet<string>,
): { imports: NamedImport[]; problems: string[] } {
  const { ts } = ctx;
  const imports: NamedImport[] = [];
  const problems: string[] = [];
  for (const [name, src] of names) {
    if (skip.has(name)) continue;
    const fromFile = src.fileName;
    let done = false;
    for (const s of src.statements) {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
      const spec = s.moduleSpecifier.text;
      const target = spec.startsWith('.') ? resolveRelative(ctx.ws, fromFile, spec) : undefined;
      const from = target === undefined ? spec : specifier(toFile, target, ctx.style.jsExtension);
      const clause = s.importClause;
      const bindings = clause?.namedBindings;
      if (clause?.name?.text === name) {
        imports.push({ name, original: 'default', from, typeOnly: true });
        done = true;
      } else if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) {
        imports.push({ name, original: '*', from, typeOnly: true });
        done = true;
      } else if (bindings && ts.isNamedImports(bindings)) {
        const el = bindings.elements.find((e) => e.name.text === name);
        if (el) {
          imports.push({
            name,
            ...(el.propertyName ? { original: el.propertyName.getText(src) } : {}),
            from,
            typeOnly: true,
          });
          done = true;
        }
      }
      if (done) break;
    }
    if (done) continue;
    const local = src.statements.find((s) => {
      const named = s as TS.Statement & { readonly name?: TS.Node };
      return named.name !== undefined && ts.isIdentifier(named.name) && named.name.text === name;
    });
    if (local === undefined) continue; // a global or a type parameter
    const exported =
      ts.canHaveModifiers(local) &&
      (ts.getModifiers(local) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) problems.push(`\`${name}\` is declared in ${fromFile} but not exported; export it first`);
    else imports.push({ name, from: specifier(toFile, fromFile, ctx.style.jsExtension), typeOnly: true });
  }
  return { imports, problems };
}

/** Import lines in template style, grouped by module, in a stable order. */
export function importLines(imports: readonly NamedImport[]): string[] {
  const byModule = new Map<string, NamedImport[]>();
  for (const i of imports) {
    const list = byModule.get(i.from);
    if (list) list.push(i);
    else byModule.set(i.from, [i]);
  }
  const lines: string[] = [];
  for (const [from, list] of [...byModule].sort(
    (a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]),
  )) {
    const named: string[] = [];
    const allTypes = list.every((i) => i.typeOnly);
    for (const i of list) {
      if (i.original === 'default')
        lines.push(`import ${i.typeOnly ? 'type ' : ''}${i.name} from '${from}';`);
      else if (i.original === '*')
        lines.push(`import ${i.typeOnly ? 'type ' : ''}* as ${i.name} from '${from}';`);
      else {
        const entry = i.original ? `${i.original} as ${i.name}` : i.name;
        named.push(!allTypes && i.typeOnly ? `type ${entry}` : entry);
      }
    }
    if (named.length > 0)
      lines.push(
        `import ${allTypes ? 'type ' : ''}{ ${[...new Set(named)].sort().join(', ')} } from '${from}';`,
      );
  }
  return lines;
}

function order(spec: string): number {
  return spec.startsWith('.') ? 1 : 0;
}
