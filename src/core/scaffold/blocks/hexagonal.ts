/** Hexagonal blocks: a port, an adapter implementing a port, a use case depending on ports, and their wiring. */
import type { ScaffoldContext } from '../context';
import { createFile, declares } from '../context';
import { compositionRoot, findDeclared, implementersOf, interfaceLookup } from '../find';
import { importLines, importsForNames } from '../imports';
import { camelCase, pascalCase } from '../names';
import { fileName, fileNaming, folderNamed, layerFolder, sourceRoot } from '../placement';
import { inOwner, ownerFolder, ringFolderIn } from '../owner';
import { readPort } from '../port-members';
import { render, renderLine } from '../render';
import { testFileFor } from '../tests';
import { appendInsertion, applyInsertions, importInsertion, type Insertion } from '../text-edit';
import { ScaffoldError, type ScaffoldFile, type ScaffoldPlan } from '../types';
import { join, specifier, tsFiles } from '../workspace-files';

export function portsFolder(ctx: ScaffoldContext): string {
  return layerFolder(ctx.ws, 'ports') ?? folderNamed(ctx.ws, ['ports']) ?? join(coreFolder(ctx), 'ports');
}

export function coreFolder(ctx: ScaffoldContext): string {
  return folderNamed(ctx.ws, ['core', 'domain']) ?? sourceRoot(ctx.ws);
}

export function adaptersFolder(ctx: ScaffoldContext): string {
  return (
    layerFolder(ctx.ws, 'adapters') ??
    folderNamed(ctx.ws, ['adapters', 'infrastructure', 'infra']) ??
    join(sourceRoot(ctx.ws), 'adapters')
  );
}

function useCasesFolder(ctx: ScaffoldContext): string {
  return (
    layerFolder(ctx.ws, 'application') ??
    folderNamed(ctx.ws, ['use-cases', 'usecases', 'application']) ??
    join(coreFolder(ctx), 'use-cases')
  );
}

function coreFolders(ctx: ScaffoldContext): string[] {
  const layers = ctx.ws.detection.units.layers.filter((l) =>
    ['ports', 'application', 'domain'].includes(l.name),
  );
  const found = layers.flatMap((l) => l.paths);
  return found.length > 0 ? found : [portsFolder(ctx), useCasesFolder(ctx)];
}

/** A port: an interface in the ports folder. */
export function planPort(ctx: ScaffoldContext, rawName: string, folder?: string): ScaffoldPlan {
  const name = pascalCase(rawName);
  const dir = folder ?? portsFolder(ctx);
  if (findDeclared(ctx, 'interface', name).length > 0)
    throw new ScaffoldError(`An interface named ${name} already exists.`);
  const path = join(dir, fileName(fileNaming(ctx.ws, dir), name, 'port'));
  const content = render(
    `
/** What the core needs from the outside world; adapters implement it. */
export interface ${name} {
  // Declare what the core needs, e.g. \`find(id: string): Promise<unknown>;\`
}
`,
    ctx.style,
  );
  return { files: [createFile(ctx, path, content)] };
}

const ADAPTER_FOLDERS = ['adapters', 'infrastructure', 'infra'];

/**
 * Where the adapters of the unit `owner` go: its adapters ring (a detected layer inside it, or a
 * folder by the usual names), else a new one named as the workspace names that ring elsewhere.
 */
function adaptersFolderIn(ctx: ScaffoldContext, owner: string): string {
  const layer = (ctx.ws.detection.units.layers.find((l) => l.name === 'adapters')?.paths ?? [])
    .filter((p) => inOwner(`${p}/x`, owner))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (layer !== undefined) return whereFilesAre(ctx, layer);
  const named = ringFolderIn(ctx.ws, owner, ADAPTER_FOLDERS);
  if (named !== undefined) return whereFilesAre(ctx, named);
  const elsewhere = folderNamed(ctx.ws, ADAPTER_FOLDERS);
  return join(owner, elsewhere?.slice(elsewhere.lastIndexOf('/') + 1) ?? 'adapters');
}

/**
 * `folder`, or the one folder below it that holds all its files (`infrastructure/adapters` when
 * `infrastructure` has no file of its own), so a new file lands beside its siblings.
 */
function whereFilesAre(ctx: ScaffoldContext, folder: string): string {
  let current = folder;
  for (;;) {
    const files = tsFiles(ctx.ws).filter((f) => f.startsWith(`${current}/`));
    const rest = files.map((f) => f.slice(current.length + 1));
    if (files.length === 0 || rest.some((r) => !r.includes('/'))) return current;
    const children = new Set(rest.map((r) => r.slice(0, r.indexOf('/'))));
    if (children.size !== 1) return current;
    current = `${current}/${[...children][0] ?? ''}`;
  }
}

/**
 * An adapter implementing every member of a port, wired at the composition root when one is found.
 * With `portPath` (the file declaring the port), it is placed in the adapters ring of the unit
 * that owns that file and wired only in that unit.
 */
export function planAdapter(
  ctx: ScaffoldContext,
  rawName: string,
  portName: string | undefined,
  folder?: string,
  portPath?: string,
): ScaffoldPlan {
  if (portName === undefined)
    throw new ScaffoldError('Say which port the adapter implements (--for <Port>).');
  const ports = findDeclared(ctx, 'interface', portName, portPath ? [portPath] : [portsFolder(ctx)]);
  const port = ports.find((p) => portPath === undefined || p.path === portPath);
  if (port === undefined) throw new ScaffoldError(`No interface named ${portName} in the workspace.`);
  const name = pascalCase(rawName);
  if (findDeclared(ctx, 'class', name).length > 0)
    throw new ScaffoldError(`A class named ${name} already exists.`);
  const src = ctx.source(port.path);
  if (src === undefined || !ctx.ts.isInterfaceDeclaration(port.node))
    throw new ScaffoldError(`Cannot read ${port.path}.`);
  const shape = readPort(ctx.ts, port.node, src.file, interfaceLookup(ctx));
  if (shape.problems.length > 0)
    throw new ScaffoldError(`Cannot implement ${portName}: ${shape.problems.join('; ')}.`);
  const owner = ownerFolder(ctx.ws, port.path);
  const adapters = owner === undefined ? adaptersFolder(ctx) : adaptersFolderIn(ctx, owner);
  const dir = folder ?? adapters;
  const path = join(dir, fileName(fileNaming(ctx.ws, dir), name, 'adapter'));
  const mentioned = new Map(shape.mentioned);
  mentioned.set(portName, src.file);
  const { imports, problems } = importsForNames(ctx, mentioned, path, new Set());
  if (problems.length > 0) throw new ScaffoldError(`Cannot implement ${portName}: ${problems.join('; ')}.`);
  const body = shape.members
    .map((m) =>
      m
        .split('\n')
        .map((l) => (l === '' ? '' : `  ${l}`))
        .join('\n'),
    )
    .join('\n\n');
  const content = render(
    `
${importLines(imports).join('\n')}

export class ${name}${shape.typeParameters} implements ${portName}${shape.typeArguments} {
${body}
}
`,
    ctx.style,
  );
  const files: ScaffoldFile[] = [createFile(ctx, path, content)];
  const messages: string[] = [];
  const root =
    owner === undefined
      ? compositionRoot(ctx, adapters, coreFolders(ctx))
      : compositionRoot(ctx, adapters, ownCore(ctx, owner), owner);
  if (root === undefined)
    messages.push(
      `No composition root found${owner === undefined ? '' : ` in ${owner}`}: wire the adapter where your wiring happens.`,
    );
  else if (shape.typeParameters !== '')
    messages.push(`${name} is generic: wire it in ${root} with the type it serves.`);
  else {
    const edit = wire(
      ctx,
      root,
      [
        { name, from: path, typeOnly: false },
        { name: portName, from: port.path, typeOnly: true },
      ],
      `export const ${camelCase(name)}: ${portName} = new ${name}();`,
      camelCase(name),
    );
    if (typeof edit === 'string') messages.push(edit);
    else {
      files.push(edit);
      messages.push(`Wired ${name} in ${root}.`);
    }
  }
  const test = testFileFor(ctx, path, name);
  if (test) files.push(test);
  return { files, messages };
}

/** The core folders inside a unit; the unit itself when detection names none there. */
function ownCore(ctx: ScaffoldContext, owner: string): string[] {
  const own = coreFolders(ctx).filter((c) => inOwner(`${c}/x`, owner));
  return own.length > 0 ? own : [owner];
}

/** A use case class taking the given ports in its constructor, wired when adapters for all of them are. */
export function planUseCase(
  ctx: ScaffoldContext,
  rawName: string,
  portList: string | undefined,
  folder?: string,
): ScaffoldPlan {
  const name = pascalCase(rawName);
  if (findDeclared(ctx, 'class', name).length > 0)
    throw new ScaffoldError(`A class named ${name} already exists.`);
  const portNames = (portList ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const dir = folder ?? useCasesFolder(ctx);
  const path = join(dir, fileName(fileNaming(ctx.ws, dir), name, 'use-case'));
  const ports = portNames.map((p) => {
    const found = findDeclared(ctx, 'interface', p, [portsFolder(ctx)])[0];
    if (found === undefined) throw new ScaffoldError(`No interface named ${p} in the workspace.`);
    return { name: p, path: found.path };
  });
  const imports = ports.map(
    (p) => `import type { ${p.name} } from '${specifier(path, p.path, ctx.style.jsExtension)}';`,
  );
  const params = ports.map((p) => `    readonly ${camelCase(p.name)}: ${p.name},`);
  const ctor = ports.length === 0 ? '' : `  constructor(\n${params.join('\n')}\n  ) {}\n\n`;
  const content = render(
    `
${imports.join('\n')}${imports.length > 0 ? '\n\n' : ''}export class ${name} {
${ctor}  async execute(): Promise<void> {
    throw new Error('Not implemented: ${name}.execute');
  }
}
`,
    ctx.style,
  );
  const files: ScaffoldFile[] = [createFile(ctx, path, content)];
  const messages: string[] = [];
  const root = compositionRoot(ctx, adaptersFolder(ctx), coreFolders(ctx));
  if (root !== undefined) {
    const args = ports.map((p) => adapterVariable(ctx, root, p.name));
    const missing = ports.filter((_, i) => args[i] === undefined).map((p) => p.name);
    if (missing.length > 0)
      messages.push(`Not wired: ${root} has no adapter instance for ${missing.join(', ')}.`);
    else {
      const edit = wire(
        ctx,
        root,
        [{ name, from: path, typeOnly: false }],
        `export const ${camelCase(name)} = new ${name}(${args.join(', ')});`,
        camelCase(name),
      );
      if (typeof edit === 'string') messages.push(edit);
      else {
        files.push(edit);
        messages.push(`Wired ${name} in ${root}.`);
      }
    }
  } else messages.push('No composition root found: construct the use case where your wiring happens.');
  const test = testFileFor(ctx, path, name);
  if (test) files.push(test);
  return { files, messages };
}

/** A top-level variable of the root holding an instance of an adapter of `port` (or typed as the port). */
function adapterVariable(ctx: ScaffoldContext, root: string, port: string): string | undefined {
  const { ts } = ctx;
  const classes = new Set(implementersOf(ctx, port).map((c) => c.name));
  for (const s of ctx.source(root)?.file.statements ?? []) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      if (d.type && d.type.getText() === port) return d.name.text;
      const init = d.initializer;
      if (
        init &&
        ts.isNewExpression(init) &&
        ts.isIdentifier(init.expression) &&
        classes.has(init.expression.text)
      )
        return d.name.text;
    }
  }
  return undefined;
}

/** Imports and one statement added to a file as pure insertions; a message instead when the name is taken. */
export function wire(
  ctx: ScaffoldContext,
  file: string,
  imports: readonly { readonly name: string; readonly from: string; readonly typeOnly: boolean }[],
  statement: string,
  declared: string,
): ScaffoldFile | string {
  const src = ctx.source(file);
  if (src === undefined) return `Cannot read ${file}.`;
  if (declares(ctx, src.file, declared)) return `Not wired: ${file} already declares ${declared}.`;
  const insertions: Insertion[] = [];
  for (const i of imports) {
    const line = renderLine(
      `import ${i.typeOnly ? 'type ' : ''}{ ${i.name} } from '${specifier(file, i.from, ctx.style.jsExtension)}';`,
      ctx.style,
    );
    const ins = importInsertion(ctx.ts, src, line, i.name);
    if (ins) insertions.push(ins);
  }
  insertions.push(appendInsertion(src, renderLine(statement, ctx.style)));
  return {
    path: file,
    action: 'edit',
    original: src.text,
    content: applyInsertions(src.text, mergeAt(insertions)),
  };
}

/** Insertions at the same offset are kept in the order given. */
export function mergeAt(insertions: readonly Insertion[]): Insertion[] {
  const byAt = new Map<number, string>();
  for (const i of insertions) byAt.set(i.at, (byAt.get(i.at) ?? '') + i.text);
  return [...byAt].map(([at, text]) => ({ at, text }));
}
