import { z } from 'zod';
import { driverTarget } from '../diagram/backing-services';
import { isTestFile, isUnder } from '../units/paths';
import type { AssistantWorkspace } from './assistant-workspace';
import { bounded, code, compareText, limitInput, omittedLine } from './bounds';
import type { Dependent } from './dependents-graph';
import { ToolInputError, type AssistantTool } from './tool-types';
import { didYouMean, workspaceRelative } from './workspace-paths';

const input = z
  .object({
    target: z
      .string()
      .min(1)
      .describe(
        'What may change or fail: a file or folder (relative to the root), a module or service by name or folder, a backing service (`postgres`, a compose service name) or a package.',
      ),
    depth: z
      .number()
      .int()
      .min(1)
      .max(50)
      .optional()
      .describe('How many import steps to follow (default: all, transitively; 1: direct importers only).'),
    includeTests: z.boolean().optional().describe('List test files too (default: counted, not listed).'),
    limit: limitInput,
  })
  .strict();

/** What a target stands for: the files whose importers depend on it. */
interface ResolvedTarget {
  readonly kind: 'file' | 'folder' | 'module' | 'service' | 'backing-service' | 'package';
  readonly name: string;
  readonly files: readonly string[];
  /** For a backing service or a package: the files that import it (depth 1). */
  readonly importers?: readonly string[];
}

/** `dependents`: what depends on a file, module, service or backing service, directly and transitively. */
export const dependentsTool: AssistantTool<typeof input> = {
  name: 'dependents',
  title: 'Dependents and impact',
  description:
    'What depends on a file, folder, module, service, backing service (database, broker, cache) or package, directly and transitively through the resolved imports: the files that would break or need a look if it changed or failed, nearest first with the import each goes through, and the modules and services they belong to. Use it to judge the impact of a change before making it.',
  input,
  run(ws, args) {
    const target = resolveTarget(ws, args.target);
    const graph = ws.dependents;
    const seed = target.importers ?? target.files;
    let all: Dependent[];
    if (target.importers) {
      const direct = target.importers.map((file) => ({ file, depth: 1, via: target.name, typeOnly: false }));
      const further =
        args.depth === 1
          ? []
          : graph.dependentsOf(seed, args.depth === undefined ? undefined : args.depth - 1);
      all = [...direct, ...further.map((d) => ({ ...d, depth: d.depth + 1 }))];
    } else {
      all = graph.dependentsOf(seed, args.depth);
    }
    const tests = all.filter((d) => isTestFile(d.file));
    const listed = args.includeTests ? all : all.filter((d) => !isTestFile(d.file));
    const direct = listed.filter((d) => d.depth === 1);
    const transitive = listed.filter((d) => d.depth > 1);
    const owners = ownersOf(
      ws,
      listed.map((d) => d.file),
    );
    const shownDirect = bounded(direct, args.limit);
    const shownTransitive = bounded(transitive, args.limit);
    const at = (d: Dependent): string =>
      `- ${d.file}${d.depth > 1 ? ` (depth ${d.depth}, via ${d.via})` : d.via !== target.name ? ` (imports ${d.via})` : ''}${d.typeOnly ? ' [types only]' : ''}`;
    const lines = [
      `${describe(target)}: ${direct.length} direct and ${transitive.length} transitive dependent${transitive.length === 1 ? '' : 's'}${tests.length > 0 && !args.includeTests ? `, plus ${tests.length} test file${tests.length === 1 ? '' : 's'}` : ''}.`,
      ...(owners.length > 0
        ? [`Affected modules and services: ${owners.map((o) => `${o.name} (${code(o.path)})`).join(', ')}.`]
        : []),
      ...(direct.length > 0
        ? ['Direct:', ...shownDirect.shown.map(at), ...omittedLine(shownDirect.omitted, 'direct dependents')]
        : []),
      ...(transitive.length > 0
        ? [
            'Transitive:',
            ...shownTransitive.shown.map(at),
            ...omittedLine(shownTransitive.omitted, 'transitive dependents'),
          ]
        : []),
    ];
    const row = (d: Dependent) => ({
      file: d.file,
      depth: d.depth,
      via: d.via,
      ...(d.typeOnly ? { typeOnly: true } : {}),
    });
    return {
      text: lines.join('\n') + '\n',
      data: {
        target: { kind: target.kind, name: target.name, files: target.files.length },
        counts: { direct: direct.length, transitive: transitive.length, tests: tests.length },
        affected: owners,
        direct: shownDirect.shown.map(row),
        transitive: shownTransitive.shown.map(row),
        omitted: { direct: shownDirect.omitted, transitive: shownTransitive.omitted },
      },
    };
  },
};

function describe(target: ResolvedTarget): string {
  const what = target.kind === 'backing-service' ? 'backing service' : target.kind;
  const size = target.kind === 'file' || target.importers ? '' : ` (${target.files.length} files)`;
  return `${what[0]?.toUpperCase()}${what.slice(1)} ${code(target.name)}${size}`;
}

function resolveTarget(ws: AssistantWorkspace, raw: string): ResolvedTarget {
  const text = raw.trim();
  const files = ws.model.files;
  const units = ws.context.units;
  const asModule = units.modules.find((m) => m.name === text || m.path === text);
  if (asModule)
    return { kind: 'module', name: asModule.name, files: files.filter((f) => isUnder(f, asModule.path)) };
  const asService = units.services.find((s) => s.name === text || s.path === text);
  if (asService && asService.hasSource)
    return { kind: 'service', name: asService.name, files: files.filter((f) => isUnder(f, asService.path)) };
  const backing = backingImporters(ws, text);
  if (backing) return backing;
  const looksLikePackage = !text.includes('/') || text.startsWith('@');
  if (looksLikePackage && ws.dependents.packages.includes(text))
    return { kind: 'package', name: text, files: [], importers: ws.dependents.filesImportingPackage(text) };
  const path = workspaceRelative(ws.root, text, 'target');
  if (files.includes(path)) return { kind: 'file', name: path, files: [path] };
  const under = path === '.' ? files : files.filter((f) => isUnder(f, path));
  if (under.length > 0) return { kind: 'folder', name: path, files: under };
  const names = [
    ...units.modules.map((m) => m.name),
    ...units.services.map((s) => s.name),
    ...units.backing.map((b) => b.name),
    ...files,
  ];
  throw new ToolInputError(
    `Nothing in the workspace is called \`${text}\`: not a file or folder, module, service, backing service or imported package.${didYouMean(text, names)}`,
  );
}

/** A backing service named by its compose name or its product: the files importing its drivers. */
function backingImporters(ws: AssistantWorkspace, name: string): ResolvedTarget | undefined {
  const lower = name.toLowerCase();
  const declared = ws.context.units.backing.find((b) => b.name.toLowerCase() === lower);
  const product = declared ? productOf(declared.image) : lower;
  const drivers = ws.dependents.packages.filter((pkg) => {
    const target = driverTarget(pkg);
    return target !== undefined && (target.product === product || target.label.toLowerCase() === lower);
  });
  if (!declared && drivers.length === 0) return undefined;
  const importers = [...new Set(drivers.flatMap((pkg) => ws.dependents.filesImportingPackage(pkg)))].sort(
    compareText,
  );
  return { kind: 'backing-service', name: declared?.name ?? name, files: [], importers };
}

/** `postgres:16-alpine` → `postgres`; `bitnami/kafka` → `kafka`. */
function productOf(image: string): string {
  const base = image.split(':')[0] ?? image;
  const last = base.split('/').pop() ?? base;
  return last
    .toLowerCase()
    .replace(/^mongo$/, 'mongodb')
    .replace(/^rabbitmq.*$/, 'rabbitmq');
}

/** The modules and services holding any of the files, deepest first by path. */
function ownersOf(
  ws: AssistantWorkspace,
  files: readonly string[],
): { kind: string; name: string; path: string }[] {
  const units = ws.context.units;
  const found = new Map<string, { kind: string; name: string; path: string }>();
  for (const file of files) {
    for (const m of units.modules)
      if (isUnder(file, m.path))
        found.set(`module:${m.path}`, { kind: 'module', name: m.name, path: m.path });
    for (const s of units.services)
      if (s.hasSource && s.path !== '.' && isUnder(file, s.path))
        found.set(`service:${s.path}`, { kind: 'service', name: s.name, path: s.path });
  }
  return [...found.values()].sort((a, b) => compareText(a.path, b.path) || compareText(a.kind, b.kind));
}
