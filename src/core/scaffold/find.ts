/** Finding declarations and composition roots in the workspace. */
import type { ts as TS } from 'ts-morph';
import type { ScaffoldContext } from './context';
import { readText, tsFiles, resolveRelative } from './workspace-files';
import type { InterfaceLookup } from './port-members';
import { findInterface } from './port-members';

/** The files declaring `interface|class <name>`, those under `prefer` first. */
export function findDeclared(
  ctx: ScaffoldContext,
  kind: 'interface' | 'class',
  name: string,
  prefer: readonly string[] = [],
): { readonly path: string; readonly node: TS.InterfaceDeclaration | TS.ClassDeclaration }[] {
  const { ts } = ctx;
  const pattern = new RegExp(`\\b${kind}\\s+${name}\\b`);
  const rank = (f: string) => (prefer.some((p) => f.startsWith(`${p}/`)) ? 0 : 1);
  const found: { path: string; node: TS.InterfaceDeclaration | TS.ClassDeclaration }[] = [];
  for (const file of [...tsFiles(ctx.ws)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    const text = readText(ctx.ws, file);
    if (text === undefined || !pattern.test(text)) continue;
    const src = ctx.source(file)?.file;
    const node = src?.statements.find(
      (s): s is TS.InterfaceDeclaration | TS.ClassDeclaration =>
        (ts.isInterfaceDeclaration(s) && kind === 'interface' && s.name.text === name) ||
        (ts.isClassDeclaration(s) && kind === 'class' && s.name?.text === name),
    );
    if (node) found.push({ path: file, node });
  }
  return found;
}

/** Resolves interfaces extended by a port: in the same file, or through a relative import. */
export function interfaceLookup(ctx: ScaffoldContext): InterfaceLookup {
  const { ts } = ctx;
  return (name, from) => {
    const here = findInterface(ts, from, name);
    if (here) return { decl: here, file: from };
    for (const s of from.statements) {
      if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
      const bindings = s.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const el = bindings.elements.find((e) => e.name.text === name);
      if (!el) continue;
      const target = resolveRelative(ctx.ws, from.fileName, s.moduleSpecifier.text);
      const file = target === undefined ? undefined : ctx.source(target)?.file;
      const decl = file && findInterface(ts, file, el.propertyName?.getText(from) ?? name);
      if (file && decl) return { decl, file };
    }
    return undefined;
  };
}

/** Classes implementing an interface name: `class X implements Port` anywhere in the workspace. */
export function implementersOf(
  ctx: ScaffoldContext,
  port: string,
): { readonly path: string; readonly name: string }[] {
  const { ts } = ctx;
  const out: { path: string; name: string }[] = [];
  const pattern = new RegExp(`implements[^{]*\\b${port}\\b`);
  for (const file of tsFiles(ctx.ws)) {
    const text = readText(ctx.ws, file);
    if (text === undefined || !pattern.test(text)) continue;
    for (const s of ctx.source(file)?.file.statements ?? []) {
      if (!ts.isClassDeclaration(s) || !s.name) continue;
      const impl = s.heritageClauses?.some(
        (h) =>
          h.token === ts.SyntaxKind.ImplementsKeyword && h.types.some((t) => t.expression.getText() === port),
      );
      if (impl) out.push({ path: file, name: s.name.text });
    }
  }
  return out;
}

/**
 * The composition root: a file importing both adapter files and core files (ports, use cases),
 * by preference one named like an entry (`main`, `index`, `app`, `server`, `container`); with
 * `owner`, a file of that unit.
 */
export function compositionRoot(
  ctx: ScaffoldContext,
  adapters: string | undefined,
  core: readonly string[],
  owner?: string,
): string | undefined {
  if (adapters === undefined) return undefined;
  const inside = (f: string | null, folder: string) => f !== null && f.startsWith(`${folder}/`);
  const candidates = new Map<string, { a: boolean; c: boolean }>();
  for (const e of ctx.ws.model.edges) {
    if (e.resolution !== 'internal' || inside(e.from, adapters)) continue;
    // With an owner, only its own files wire its adapters.
    if (owner !== undefined && !inside(e.from, owner)) continue;
    if (core.some((c) => inside(e.from, c))) continue;
    const entry = candidates.get(e.from) ?? { a: false, c: false };
    if (inside(e.to, adapters)) entry.a = true;
    if (core.some((c) => inside(e.to, c))) entry.c = true;
    candidates.set(e.from, entry);
  }
  const wires = [...candidates].filter(([, v]) => v.a && v.c).map(([f]) => f);
  const score = (f: string) =>
    /(^|\/)(main|index|app|server|container|composition-root|bootstrap)\.ts$/.test(f) ? 0 : 1;
  return wires.sort(
    (a, b) => score(a) - score(b) || a.split('/').length - b.split('/').length || a.localeCompare(b),
  )[0];
}
