/**
 * "Extract port from `<Class>`": a core class that imports a concrete adapter gets a port instead.
 * The port interface is written from the adapter's public methods (in the ports folder), the core
 * file's type references to the adapter are switched to the port, and the adapter `implements` it.
 * Existing files change only at the nodes concerned; line endings and the final newline stay.
 */
import type { ts as TS } from 'ts-morph';
import type { ScaffoldContext } from '../context';
import { createFile } from '../context';
import { findDeclared } from '../find';
import { importLines, importsForNames } from '../imports';
import { pascalCase, withoutSuffix } from '../names';
import { fileName, fileNaming } from '../placement';
import { collectNames } from '../port-members';
import { render, renderLine } from '../render';
import {
  applyReplacements,
  importInsertion,
  walk,
  type EditableSource,
  type Replacement,
} from '../text-edit';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { specifier } from '../workspace-files';
import { portsFolder } from './hexagonal';

/** The adapter a core class depends on: the class, its file, and the import naming it in the core file. */
export interface AdapterDependency {
  readonly adapter: string;
  readonly adapterPath: string;
  /** The import declaration of the core file naming the adapter. */
  readonly importNode: TS.ImportDeclaration;
  /** The name the core file knows the adapter by (an alias when imported `as`). */
  readonly localName: string;
}

/** The name of the port to extract: from how the core class names its dependency (`mailer` → `Mailer`). */
export function portNameFor(ctx: ScaffoldContext, core: TS.ClassDeclaration, dep: AdapterDependency): string {
  const { ts } = ctx;
  const taken = (n: string) =>
    n === dep.adapter ||
    findDeclared(ctx, 'interface', n).length > 0 ||
    findDeclared(ctx, 'class', n).length > 0;
  for (const node of walk(ts, core)) {
    if (
      (ts.isParameter(node) || ts.isPropertyDeclaration(node)) &&
      ts.isIdentifier(node.name) &&
      node.type &&
      ts.isTypeReferenceNode(node.type) &&
      ts.isIdentifier(node.type.typeName) &&
      node.type.typeName.text === dep.localName
    ) {
      const named = pascalCase(node.name.text);
      if (named !== '' && !taken(named)) return named;
    }
  }
  const stripped = withoutSuffix(dep.adapter, 'Adapter');
  return stripped !== dep.adapter && !taken(stripped) ? stripped : `${dep.adapter}Port`;
}

/** The plan: create the port, switch the core file to it, make the adapter implement it. */
export function planExtractPort(
  ctx: ScaffoldContext,
  corePath: string,
  core: TS.ClassDeclaration,
  dep: AdapterDependency,
): ScaffoldPlan {
  const { ts } = ctx;
  const coreSrc = ctx.source(corePath);
  const adapterSrc = ctx.source(dep.adapterPath);
  const adapter = findDeclared(ctx, 'class', dep.adapter, [dep.adapterPath]).find(
    (d) => d.path === dep.adapterPath,
  )?.node;
  if (!coreSrc || !adapterSrc || !adapter || !ts.isClassDeclaration(adapter))
    throw new ScaffoldError(`Cannot read ${dep.adapter} in ${dep.adapterPath}.`);
  const portName = portNameFor(ctx, core, dep);
  const dir = portsFolder(ctx);
  const portPath = `${dir}/${fileName(fileNaming(ctx.ws, dir), portName, 'port')}`;

  const methods = publicMethods(ts, adapter);
  if (methods.length === 0)
    throw new ScaffoldError(`${dep.adapter} has no public methods to extract into a port.`);
  const messages: string[] = [];
  const mentioned = new Map<string, TS.SourceFile>();
  const members = methods.map((m) => {
    collectNames(ts, m, adapterSrc.file, mentioned);
    if (!m.type)
      messages.push(
        `${dep.adapter}.${m.name.getText(adapterSrc.file)} has no return type: the port says \`unknown\`; write the type in.`,
      );
    return signature(ts, m, adapterSrc.file);
  });
  const typeParams = adapter.typeParameters ?? [];
  for (const p of typeParams) collectNames(ts, p, adapterSrc.file, mentioned);
  for (const p of typeParams) mentioned.delete(p.name.text);
  mentioned.delete(dep.adapter);
  const { imports, problems } = importsForNames(ctx, mentioned, portPath, new Set());
  if (problems.length > 0)
    throw new ScaffoldError(`Cannot extract a port from ${dep.adapter}: ${problems.join('; ')}.`);
  const typeParamText =
    typeParams.length > 0 ? `<${typeParams.map((p) => p.getText(adapterSrc.file)).join(', ')}>` : '';
  const typeArgText = typeParams.length > 0 ? `<${typeParams.map((p) => p.name.text).join(', ')}>` : '';
  const head = importLines(imports);
  const portText = render(
    `
${head.join('\n')}${head.length > 0 ? '\n\n' : ''}/** What the core needs from the outside world; ${dep.adapter} implements it. */
export interface ${portName}${typeParamText} {
${members.map((m) => `  ${m}`).join('\n')}
}
`,
    ctx.style,
  );
  const files: ScaffoldFile[] = [createFile(ctx, portPath, portText)];
  files.push(switchCoreToPort(ctx, corePath, coreSrc, dep, portName, portPath, messages));
  files.push(implementPort(ctx, dep.adapterPath, adapterSrc, adapter, portName, typeArgText, portPath));
  messages.unshift(`Extracted ${portName} from ${dep.adapter}; the core now depends on the port.`);
  return { files, messages };
}

/** Public instance methods: not private/protected/static, not `#private`; overloads as declared. */
function publicMethods(ts: typeof TS, cls: TS.ClassDeclaration): TS.MethodDeclaration[] {
  const hidden = new Set([
    ts.SyntaxKind.PrivateKeyword,
    ts.SyntaxKind.ProtectedKeyword,
    ts.SyntaxKind.StaticKeyword,
  ]);
  const all = cls.members.filter(
    (m): m is TS.MethodDeclaration =>
      ts.isMethodDeclaration(m) &&
      !ts.isPrivateIdentifier(m.name) &&
      !(ts.getModifiers(m) ?? []).some((mod) => hidden.has(mod.kind)),
  );
  // With overloads, the signatures without a body are the public face; the implementation is not.
  const overloaded = new Set(all.filter((m) => m.body === undefined).map((m) => m.name.getText()));
  return all.filter((m) => !overloaded.has(m.name.getText()) || m.body === undefined);
}

/** A method signature for the interface, from a class method (modifiers, defaults and bodies dropped). */
function signature(ts: typeof TS, m: TS.MethodDeclaration, src: TS.SourceFile): string {
  const name = m.name.getText(src);
  const typeParams = m.typeParameters ? `<${m.typeParameters.map((p) => p.getText(src)).join(', ')}>` : '';
  const params = m.parameters
    .map((p) => {
      const rest = p.dotDotDotToken ? '...' : '';
      const optional = p.questionToken || p.initializer ? '?' : '';
      const type = p.type ? p.type.getText(src) : 'unknown';
      return `${rest}${p.name.getText(src)}${optional}: ${type}`;
    })
    .join(', ');
  const isAsync = (ts.getModifiers(m) ?? []).some((mod) => mod.kind === ts.SyntaxKind.AsyncKeyword);
  const returns = m.type ? m.type.getText(src) : isAsync ? 'Promise<unknown>' : 'unknown';
  return `${name}${m.questionToken ? '?' : ''}${typeParams}(${params}): ${returns};`;
}

/** The core file with every type reference to the adapter naming the port, and its import switched. */
function switchCoreToPort(
  ctx: ScaffoldContext,
  corePath: string,
  src: EditableSource,
  dep: AdapterDependency,
  portName: string,
  portPath: string,
  messages: string[],
): ScaffoldFile {
  const { ts } = ctx;
  const edits: Replacement[] = [];
  let valueUses = 0;
  for (const node of walk(ts, src.file)) {
    if (!ts.isIdentifier(node) || node.text !== dep.localName) continue;
    const parent = node.parent;
    if (ts.isImportSpecifier(parent) || ts.isImportClause(parent)) continue;
    if (ts.isTypeReferenceNode(parent) && parent.typeName === node)
      edits.push({ start: node.getStart(src.file), end: node.getEnd(), text: portName });
    else valueUses++;
  }
  const importLine = renderLine(
    `import type { ${portName} } from '${specifier(corePath, portPath, ctx.style.jsExtension)}';`,
    ctx.style,
  );
  const importNode = dep.importNode;
  const bindings = importNode.importClause?.namedBindings;
  const onlyName =
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length === 1 &&
    importNode.importClause?.name === undefined;
  if (valueUses === 0 && onlyName) {
    // The adapter was only a type here: its import becomes the port's.
    const start = importNode.getStart(src.file);
    edits.push({ start, end: importNode.getEnd(), text: importLine });
  } else {
    if (valueUses === 0 && bindings && ts.isNamedImports(bindings)) {
      const el = bindings.elements.find((e) => e.name.text === dep.localName);
      if (el) edits.push(removalOfElement(src, bindings, el));
    } else if (valueUses > 0)
      messages.push(
        `${corePath} still uses ${dep.adapter} as a value: construct it at the composition root and pass it in.`,
      );
    const ins = importInsertion(ts, src, importLine, portName);
    if (ins) edits.push({ start: ins.at, end: ins.at, text: ins.text });
  }
  return { path: corePath, action: 'edit', original: src.text, content: applyReplacements(src.text, edits) };
}

/** Removes one element of `{ A, B }` with its comma. */
function removalOfElement(
  src: EditableSource,
  bindings: TS.NamedImports,
  el: TS.ImportSpecifier,
): Replacement {
  const i = bindings.elements.indexOf(el);
  const next = bindings.elements[i + 1];
  const prev = bindings.elements[i - 1];
  if (next) return { start: el.getStart(src.file), end: next.getStart(src.file), text: '' };
  if (prev) return { start: prev.getEnd(), end: el.getEnd(), text: '' };
  return { start: el.getStart(src.file), end: el.getEnd(), text: '' };
}

/** The adapter file with `implements Port` added to the class and the port imported. */
function implementPort(
  ctx: ScaffoldContext,
  adapterPath: string,
  src: EditableSource,
  adapter: TS.ClassDeclaration,
  portName: string,
  typeArgs: string,
  portPath: string,
): ScaffoldFile {
  const { ts } = ctx;
  const edits: Replacement[] = [];
  const implementsClause = adapter.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ImplementsKeyword);
  const extendsClause = adapter.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const last = implementsClause?.types[implementsClause.types.length - 1];
  if (last) edits.push({ start: last.getEnd(), end: last.getEnd(), text: `, ${portName}${typeArgs}` });
  else {
    const after = extendsClause ?? adapter.typeParameters ?? adapter.name;
    if (!after) throw new ScaffoldError('Cannot extract a port from an anonymous class.');
    // `typeParameters` is a list: its end is before the closing `>`.
    const at = after === adapter.typeParameters ? src.text.indexOf('>', after.end) + 1 : after.end;
    edits.push({ start: at, end: at, text: ` implements ${portName}${typeArgs}` });
  }
  const line = renderLine(
    `import type { ${portName} } from '${specifier(adapterPath, portPath, ctx.style.jsExtension)}';`,
    ctx.style,
  );
  const ins = importInsertion(ts, src, line, portName);
  if (ins) edits.push({ start: ins.at, end: ins.at, text: ins.text });
  return {
    path: adapterPath,
    action: 'edit',
    original: src.text,
    content: applyReplacements(src.text, edits),
  };
}
