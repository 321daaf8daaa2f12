/**
 * Reads a port (an interface) and writes the members of a class implementing it: every method
 * (overloads and generics kept) and property, those inherited from interfaces it extends too,
 * each body throwing `Not implemented: Port.member`.
 */
import type { ts as TS } from 'ts-morph';
import type { Ts } from './text-edit';

/** An interface found in a file, with what its implementation needs. */
export interface PortShape {
  readonly name: string;
  /** `<T extends X = Y>` as written, or ''. */
  readonly typeParameters: string;
  /** `<T>` to write after the name in `implements`, or ''. */
  readonly typeArguments: string;
  /** Member declarations of the implementing class, in template style (two-space indent, one level). */
  readonly members: readonly string[];
  /** Type names the members mention (to import), each with the file whose scope it belongs to. */
  readonly mentioned: ReadonlyMap<string, TS.SourceFile>;
  /** Members that a class cannot implement (call or construct signatures). */
  readonly problems: readonly string[];
}

/** Resolves an interface name seen in a file to its declaration (possibly in another file). */
export type InterfaceLookup = (
  name: string,
  from: TS.SourceFile,
) => { readonly decl: TS.InterfaceDeclaration; readonly file: TS.SourceFile } | undefined;

/** Finds `interface <name>` among a file's top-level statements. */
export function findInterface(
  ts: Ts,
  file: TS.SourceFile,
  name: string,
): TS.InterfaceDeclaration | undefined {
  return file.statements.find(
    (s): s is TS.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
}

/** The shape of port `decl`; `lookup` finds the interfaces it extends. */
export function readPort(
  ts: Ts,
  decl: TS.InterfaceDeclaration,
  file: TS.SourceFile,
  lookup: InterfaceLookup,
): PortShape {
  const portName = decl.name.text;
  const members: string[] = [];
  const mentioned = new Map<string, TS.SourceFile>();
  const problems: string[] = [];
  const seen = new Set<string>();
  const typeParams = decl.typeParameters ?? [];
  const visit = (
    iface: TS.InterfaceDeclaration,
    src: TS.SourceFile,
    substitute: ReadonlyMap<string, string>,
    depth: number,
  ): void => {
    const byName = new Map<string, TS.TypeElement[]>();
    for (const member of iface.members) {
      if (ts.isCallSignatureDeclaration(member) || ts.isConstructSignatureDeclaration(member)) {
        problems.push(
          `\`${iface.name.text}\` has a call or construct signature, which a class cannot implement`,
        );
        continue;
      }
      const key = ts.isIndexSignatureDeclaration(member)
        ? `[${member.parameters[0]?.getText(src) ?? ''}]`
        : (member.name?.getText(src) ?? '');
      const list = byName.get(key);
      if (list) list.push(member);
      else byName.set(key, [member]);
    }
    for (const [key, group] of byName) {
      if (seen.has(key)) continue;
      seen.add(key);
      members.push(writeMember(ts, group, src, portName, substitute, mentioned));
    }
    for (const clause of iface.heritageClauses ?? []) {
      for (const type of clause.types) {
        const baseName = type.expression.getText(src);
        const found = depth < 10 ? lookup(baseName, src) : undefined;
        if (!found) {
          problems.push(`could not find \`${baseName}\`, which \`${iface.name.text}\` extends`);
          continue;
        }
        const args = (type.typeArguments ?? []).map((a) => replaceNames(a.getText(src), substitute));
        for (const a of type.typeArguments ?? []) collectNames(ts, a, src, mentioned);
        const map = new Map<string, string>();
        (found.decl.typeParameters ?? []).forEach((p, i) => {
          const value =
            args[i] ?? (p.default ? replaceNames(p.default.getText(found.file), substitute) : 'unknown');
          map.set(p.name.text, value);
        });
        visit(found.decl, found.file, map, depth + 1);
      }
    }
  };
  visit(decl, file, new Map(), 0);
  for (const p of typeParams) {
    if (p.constraint) collectNames(ts, p.constraint, file, mentioned);
    if (p.default) collectNames(ts, p.default, file, mentioned);
  }
  for (const p of typeParams) mentioned.delete(p.name.text);
  return {
    name: portName,
    typeParameters: typeParams.length > 0 ? `<${typeParams.map((p) => p.getText(file)).join(', ')}>` : '',
    typeArguments: typeParams.length > 0 ? `<${typeParams.map((p) => p.name.text).join(', ')}>` : '',
    members,
    mentioned,
    problems,
  };
}

function writeMember(
  ts: Ts,
  group: readonly TS.TypeElement[],
  src: TS.SourceFile,
  portName: string,
  substitute: ReadonlyMap<string, string>,
  mentioned: Map<string, TS.SourceFile>,
): string {
  const text = (node: TS.Node | undefined) =>
    node === undefined ? '' : replaceNames(node.getText(src), substitute);
  for (const member of group) collectNames(ts, member, src, mentioned);
  const first = group[0];
  if (first === undefined) return '';
  const name = first.name?.getText(src) ?? '';
  const throwLine = `throw new Error('Not implemented: ${portName}.${name.replace(/['"]/g, '')}');`;
  if (ts.isIndexSignatureDeclaration(first)) return `${text(first).replace(/;$/, '')};`;
  if (ts.isPropertySignature(first)) {
    const type = first.type ? text(first.type) : 'unknown';
    const full = first.questionToken ? `${type} | undefined` : type;
    const getter = [`get ${name}(): ${full} {`, `  ${throwLine}`, '}'];
    const readonly = first.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
    if (readonly) return getter.join('\n');
    return [...getter, '', `set ${name}(_value: ${full}) {`, `  ${throwLine}`, '}'].join('\n');
  }
  if (ts.isGetAccessorDeclaration(first) || ts.isSetAccessorDeclaration(first)) {
    const lines: string[] = [];
    for (const accessor of group) {
      if (ts.isGetAccessorDeclaration(accessor)) {
        lines.push(
          `get ${name}(): ${accessor.type ? text(accessor.type) : 'unknown'} {`,
          `  ${throwLine}`,
          '}',
        );
      } else if (ts.isSetAccessorDeclaration(accessor)) {
        lines.push(
          `set ${name}(${params(ts, accessor.parameters, src, substitute)}) {`,
          `  ${throwLine}`,
          '}',
        );
      }
    }
    return lines.join('\n');
  }
  const methods = group.filter((m): m is TS.MethodSignature => ts.isMethodSignature(m));
  const optional = methods.some((m) => m.questionToken !== undefined) ? '?' : '';
  const signature = (m: TS.MethodSignature) =>
    `${name}${optional}${m.typeParameters ? `<${m.typeParameters.map((p) => text(p)).join(', ')}>` : ''}(${params(ts, m.parameters, src, substitute)}): ${m.type ? text(m.type) : 'void'}`;
  if (methods.length === 1 && methods[0] !== undefined) {
    const m = methods[0];
    const returns = m.type ? text(m.type) : 'void';
    const isAsync = /^Promise\s*</.test(returns);
    return [`${isAsync ? 'async ' : ''}${signature(m)} {`, `  ${throwLine}`, '}'].join('\n');
  }
  // Overloads: each signature as declared, then one implementation compatible with all of them.
  return [
    ...methods.map((m) => `${signature(m)};`),
    `${name}${optional}(..._args: unknown[]): never {`,
    `  ${throwLine}`,
    '}',
  ].join('\n');
}

function params(
  ts: Ts,
  list: TS.NodeArray<TS.ParameterDeclaration>,
  src: TS.SourceFile,
  substitute: ReadonlyMap<string, string>,
): string {
  return list
    .map((p, i) => {
      const rest = p.dotDotDotToken ? '...' : '';
      const base = ts.isIdentifier(p.name) ? p.name.text : `arg${i}`;
      const name = base === 'this' ? 'this' : `_${base.replace(/^_+/, '')}`;
      const type = p.type ? `: ${replaceNames(p.type.getText(src), substitute)}` : '';
      return `${rest}${name}${p.questionToken ? '?' : ''}${type}`;
    })
    .join(', ');
}

/** Replaces whole-word type names (a base interface's type parameters by the arguments given). */
function replaceNames(text: string, substitute: ReadonlyMap<string, string>): string {
  if (substitute.size === 0) return text;
  return text.replace(/[A-Za-z_$][\w$]*/g, (word) => substitute.get(word) ?? word);
}

/** Collects the type names a node mentions (the left-most identifier of each type reference). */
export function collectNames(
  ts: Ts,
  node: TS.Node,
  src: TS.SourceFile,
  out: Map<string, TS.SourceFile>,
): void {
  const add = (name: string) => {
    if (!out.has(name)) out.set(name, src);
  };
  const visit = (n: TS.Node): void => {
    if (ts.isTypeReferenceNode(n)) {
      let name: TS.EntityName = n.typeName;
      while (ts.isQualifiedName(name)) name = name.left;
      add(name.text);
    } else if (ts.isExpressionWithTypeArguments(n) && ts.isIdentifier(n.expression)) {
      add(n.expression.text);
    } else if (ts.isTypeQueryNode(n)) {
      let name: TS.EntityName = n.exprName;
      while (ts.isQualifiedName(name)) name = name.left;
      add(name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
}
