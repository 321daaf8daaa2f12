import { closestName } from '../config/closest-name';
import { driverTarget } from '../diagram/backing-services';
import { externalApiTarget } from '../diagram/external-apis';
import { isUnder } from '../diagram/file-tree';
import type { FileSymbols, Units } from '../model';
import type { DependencyGraph } from './impact-graph';
import type { ImpactTarget, ImpactTargetError } from './types';

export interface TargetInput {
  readonly graph: DependencyGraph;
  readonly units: Units;
  readonly symbols?: (relPath: string) => FileSymbols | undefined;
}

/** A resolved target and, for a function, the name its direct dependents call. */
export interface ResolvedTarget {
  readonly target: ImpactTarget;
  readonly calledName?: string;
  /** Backing service ids the target stands for (a backing service target). */
  readonly backingIds: readonly string[];
}

/**
 * What a target string names, tried in this order: a diagram node id (`file:`, `dir:`,
 * `unit:`, `service:`, `backing:`, `fn:<file>#<name>`), `<file>#<function>`, a file, a
 * unit's folder, another folder, a module's or deployable's name, and a backing service
 * (its compose service name, product, label or driver package: `postgres`, `pg`, `kafka`), or
 * an external API (its product or client package: `stripe`, `s3`, `@aws-sdk/client-s3`).
 */
export function resolveImpactTarget(input: TargetInput, raw: string): ResolvedTarget | ImpactTargetError {
  const text = raw
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (text === '') return unknown(raw, input);
  const { graph } = input;
  const files = new Set(graph.files);
  const fn = /^(?:fn:)?(.+)#([A-Za-z_$][\w$]*)$/.exec(text);
  if (fn) return functionTarget(input, fn[1] ?? '', fn[2] ?? '', raw);
  const prefixed = /^(file|dir|unit|units|service|backing):(.*)$/.exec(text);
  if (prefixed) {
    const [, prefix, rest = ''] = prefixed;
    if (prefix === 'backing')
      return backingTarget(input, text) ?? backingTarget(input, rest) ?? unknown(raw, input);
    if (prefix === 'file') return files.has(rest) ? fileTarget(rest) : unknown(raw, input);
    return unitOrFolder(input, rest === '' ? '.' : rest) ?? unknown(raw, input);
  }
  if (files.has(text)) return fileTarget(text);
  return (
    unitOrFolder(input, text) ?? unitByName(input, text) ?? backingTarget(input, text) ?? unknown(raw, input)
  );
}

function fileTarget(file: string): ResolvedTarget {
  return {
    target: { kind: 'file', id: `file:${file}`, label: file, path: file, files: [file] },
    backingIds: [],
  };
}

/** A unit's folder (module or deployable) or any folder holding source files. */
function unitOrFolder(input: TargetInput, path: string): ResolvedTarget | undefined {
  const folder = path === '.' ? '' : path;
  const under = input.graph.files.filter((file) => isUnder(file, folder));
  if (under.length === 0) return undefined;
  const module = input.units.modules.find((m) => m.path === path);
  const deployable = input.units.deployables.find((d) => d.path === path);
  if (module)
    return {
      target: {
        kind: 'module',
        id: `unit:${module.path}`,
        label: module.name,
        path: module.path,
        files: under,
      },
      backingIds: [],
    };
  if (deployable)
    return {
      target: {
        kind: 'service',
        id: `unit:${deployable.path}`,
        label: deployable.name,
        path: deployable.path,
        files: under,
      },
      backingIds: [],
    };
  return { target: { kind: 'folder', id: `dir:${folder}`, label: path, path, files: under }, backingIds: [] };
}

function unitByName(input: TargetInput, name: string): ResolvedTarget | undefined {
  const module = input.units.modules.find((m) => m.name === name);
  const deployable = input.units.deployables.find((d) => d.name === name);
  const path = module?.path ?? deployable?.path;
  return path === undefined ? undefined : unitOrFolder(input, path);
}

function backingTarget(input: TargetInput, name: string): ResolvedTarget | undefined {
  const wanted = name.toLowerCase();
  const driver = driverTarget(name) ?? externalApiTarget(name);
  const ids = [...input.graph.backing.values()]
    .filter(
      (node) =>
        node.id.toLowerCase() === wanted ||
        node.service?.toLowerCase() === wanted ||
        node.product === wanted ||
        node.label.toLowerCase() === wanted ||
        (driver !== undefined && node.product === driver.product),
    )
    .map((node) => node.id)
    .sort();
  const first = ids[0] === undefined ? undefined : input.graph.backing.get(ids[0]);
  if (!first) return undefined;
  return {
    target: {
      kind: 'backing',
      id: ids.length === 1 ? first.id : `backing:${first.product}`,
      label:
        ids.length === 1 ? first.label : ids.map((id) => input.graph.backing.get(id)?.label ?? id).join(', '),
      ...(first.file !== undefined ? { path: first.file } : {}),
      backingKind: first.kind,
      files: [],
    },
    backingIds: ids,
  };
}

function functionTarget(
  input: TargetInput,
  file: string,
  name: string,
  raw: string,
): ResolvedTarget | ImpactTargetError {
  if (!input.graph.files.includes(file)) return unknown(raw, input);
  const declared = input.symbols?.(file)?.functions.find((f) => f.name === name);
  if (!declared) {
    const names = input.symbols?.(file)?.functions.map((f) => `${file}#${f.name}`) ?? [];
    return {
      kind: 'unknown-target',
      message: `${file} declares no function ${name}`,
      suggestions: names.slice(0, 10),
    };
  }
  return {
    target: {
      kind: 'function',
      id: `fn:${file}#${name}`,
      label: `${name}() in ${file}`,
      path: file,
      files: [file],
    },
    calledName: name,
    backingIds: [],
  };
}

function unknown(raw: string, input: TargetInput): ImpactTargetError {
  const names = [
    ...input.units.modules.map((m) => m.name),
    ...input.units.deployables.map((d) => d.name),
    ...[...input.graph.backing.values()].map((b) => b.service ?? b.product),
  ];
  const close = closestName(raw.trim(), names);
  return {
    kind: 'unknown-target',
    message: `'${raw}' names no file, folder, module, service, function (<file>#<name>), backing service or external API of the workspace${close === undefined ? '' : `; did you mean '${close}'?`}`,
    suggestions: close === undefined ? [] : [close],
  };
}
