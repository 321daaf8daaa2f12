import type { FileSymbols, WorkspaceModel } from '../model';
import type { GraphIndex } from './graph-index';
import { MODULE_CONTAINERS, SHARED_FOLDERS, ringRoleOf } from './names';
import { isSourceFile } from './languages';
import { baseName, dirOf, isTestFile, isUnder, joinPath } from './paths';
import type { ModuleDetail, ServiceUnit } from './types';

const PUBLIC_FILE =
  /^(?:index|api|public|public-api|facade|contracts?|module)\.[cm]?[jt]sx?$|\.(?:module|api|facade|contract|public)\.[cm]?[jt]sx?$/;
const PUBLIC_FOLDER = new Set(['api', 'public', 'contracts', 'contract', 'events', 'integration-events']);
/** .NET projects that are a module's contract: `Acme.Orders.IntegrationEvents`, `Acme.Orders.Contracts`. */
const PUBLIC_PROJECT = /\.(?:contracts?|integrations?events|publicapi|public)$/i;
const MAX_NEST_MODULE_FILES = 400;
const ROOT_NEST_MODULE = /^(?:app|main|root|application)\.module\.[cm]?[jt]s$/;

/**
 * Finds modules: children of `modules/`-like folders, sibling feature folders of a source root
 * (three or more, none named after a layer), NestJS `@Module` folders and workspace packages;
 * and, for each, its declared public files and the files others actually import.
 */
export function findModules(
  model: WorkspaceModel,
  graph: GraphIndex,
  services: readonly ServiceUnit[],
  symbols: (file: string) => FileSymbols | undefined,
): ModuleDetail[] {
  const candidates = new Map<string, ModuleDetail['kind']>();
  const folders = allFolders(graph);

  for (const folder of folders) {
    if (!MODULE_CONTAINERS.has(baseName(folder).toLowerCase())) continue;
    const children = graph.subfolders(folder);
    // `feature/{commands,repository}` is one feature's layers, not a container of features.
    if (children.filter((c) => ringRoleOf(baseName(c)) !== undefined).length * 2 > children.length) continue;
    for (const child of children) {
      if (SHARED_FOLDERS.has(baseName(child).toLowerCase())) continue;
      if (scripts(graph, child).length > 0) candidates.set(child, 'container');
    }
  }

  const containers = workspaceContainers(model);
  const jvmBases = new Set(jvmBasePackages(graph, folders));
  for (const root of [...sourceRoots(graph, services), ...jvmBases]) {
    const children = graph.subfolders(root).filter((c) => !SHARED_FOLDERS.has(baseName(c).toLowerCase()));
    // A monorepo's `packages/` and `apps/` hold packages of their own, not features of one codebase.
    if (children.some((c) => containers.has(c))) continue;
    const features = children.filter(
      (c) =>
        ringRoleOf(baseName(c)) === undefined &&
        !MODULE_CONTAINERS.has(baseName(c).toLowerCase()) &&
        scripts(graph, c).length >= 2,
    );
    // Below a JVM application package, each direct sub-package is an application module (Spring
    // Modulith's convention), so two make a modular layout; elsewhere it takes three.
    const least = jvmBases.has(root) ? 2 : 3;
    if (features.length >= least && features.length * 2 >= children.length) {
      for (const feature of features) if (!candidates.has(feature)) candidates.set(feature, 'layout');
    }
  }

  const nestFiles = graph.files.filter((f) => /\.module\.[cm]?[jt]s$/.test(f) && !isTestFile(f));
  const rootFolders = new Set(nestFiles.filter((f) => ROOT_NEST_MODULE.test(baseName(f))).map(dirOf));
  if (nestFiles.length <= MAX_NEST_MODULE_FILES) {
    for (const file of nestFiles) {
      const folder = dirOf(file);
      // The root module (`app.module.ts`, given to `NestFactory.create`) and its folder are the application itself.
      if (rootFolders.has(folder)) continue;
      // A layer's folder (`commands/`, `repository/`) holding a provider module is no feature module.
      if (ringRoleOf(baseName(folder)) !== undefined) continue;
      if (candidates.has(folder) || isSourceRoot(folder, graph, services)) continue;
      // A shared kernel's modules (`shared/infrastructure/database`) serve the modules; they are not ones.
      if (folder.split('/').some((segment) => SHARED_FOLDERS.has(segment.toLowerCase()))) continue;
      const found = symbols(file)?.classes.some((c) => c.decorators.includes('Module')) ?? false;
      if (found) candidates.set(folder, 'nest');
    }
  }

  const servicePaths = new Set(services.map((s) => s.path));
  for (const manifest of model.manifests) {
    if (manifest.kind !== 'package-json' || manifest.file === 'package.json') continue;
    const folder = dirOf(manifest.file);
    if (!servicePaths.has(folder) && !candidates.has(folder) && scripts(graph, folder).length > 0)
      candidates.set(folder, 'package');
  }

  const paths = [...candidates.keys()].sort();
  const modules: ModuleDetail[] = [];
  for (const path of paths) {
    const kind = candidates.get(path) ?? 'layout';
    const outer = paths.find(
      (other) => other !== path && isUnder(path, other) && candidates.get(other) !== 'package',
    );
    if (outer !== undefined) continue;
    modules.push(describe(path, kind, graph, services));
  }
  return modules;
}

function describe(
  path: string,
  kind: ModuleDetail['kind'],
  graph: GraphIndex,
  services: readonly ServiceUnit[],
): ModuleDetail {
  const files = scripts(graph, path);
  // A JVM module's API is the types of its base package; its sub-packages are internal (Spring
  // Modulith's convention).
  const jvm = /(?:^|\/)src\/main\/(?:java|kotlin)\//.test(`${path}/`);
  const declaredPublic = files.filter((file) => {
    const rest = file.slice(path.length + 1).split('/');
    if (jvm) return rest.length === 1;
    if (rest.length === 1)
      return (
        PUBLIC_FILE.test(rest[0] ?? '') ||
        new RegExp(`^${escapeRegExp(baseName(path))}\\.[cm]?[jt]sx?$`).test(rest[0] ?? '')
      );
    const folder = rest[0] ?? '';
    return PUBLIC_FOLDER.has(folder.toLowerCase()) || PUBLIC_PROJECT.test(folder);
  });
  const publicFace = files.filter((file) =>
    (graph.in.get(file) ?? []).some((edge) => !isUnder(edge.from, path)),
  );
  let service: string | undefined;
  for (const s of services)
    if (s.hasSource && isUnder(path, s.path) && (service === undefined || s.path.length > service.length))
      service = s.path;
  return {
    name: baseName(path),
    path,
    kind,
    files,
    declaredPublic,
    publicFace,
    ...(service !== undefined ? { service } : {}),
  };
}

/** The folders that npm/yarn/pnpm workspace globs list packages in: `packages` for `packages/*`. */
function workspaceContainers(model: WorkspaceModel): Set<string> {
  const out = new Set<string>();
  for (const manifest of model.manifests) {
    if (manifest.kind !== 'package-json') continue;
    const base = dirOf(manifest.file);
    for (const glob of manifest.workspaces) {
      const fixed = glob.replace(/^\.\//, '').split('/');
      const wildcard = fixed.findIndex((segment) => /[*?{[]/.test(segment));
      const prefix = (wildcard < 0 ? fixed.slice(0, -1) : fixed.slice(0, wildcard)).join('/');
      if (prefix !== '' && !prefix.startsWith('!')) out.add(joinPath(base, prefix));
    }
  }
  return out;
}

/** The source files of a folder in any language, tests left out. */
function scripts(graph: GraphIndex, folder: string): string[] {
  return graph.filesUnder(folder).filter((f) => isSourceFile(f) && !isTestFile(f));
}

/**
 * The application packages of Maven/Gradle source sets: below `src/main/java` (or `kotlin`), the
 * first package that holds code or branches (`com/acme/shop`), whose sub-packages are the
 * application's feature packages.
 */
function jvmBasePackages(graph: GraphIndex, folders: readonly string[]): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    if (!/(?:^|\/)src\/main\/(?:java|kotlin)$/.test(folder)) continue;
    let base = folder;
    for (;;) {
      const children = graph.subfolders(base);
      const only = children[0];
      if (graph.filesIn(base).length > 0 || children.length !== 1 || only === undefined) break;
      base = only;
    }
    if (base !== folder) out.push(base);
  }
  return out;
}

/** Every folder holding files, ancestors included. */
export function allFolders(graph: GraphIndex): string[] {
  const seen = new Set<string>();
  for (const file of graph.files) {
    let folder = dirOf(file);
    while (folder !== '.' && !seen.has(folder)) {
      seen.add(folder);
      folder = dirOf(folder);
    }
  }
  return [...seen].sort();
}

/** The folders where a service's own code starts: `<service>/src` when it exists, else the service folder. */
export function sourceRoots(graph: GraphIndex, services: readonly ServiceUnit[]): string[] {
  const bases = services.filter((s) => s.hasSource).map((s) => s.path);
  if (bases.length === 0) bases.push('.');
  const roots = new Set<string>();
  for (const base of bases) {
    for (const candidate of ['src', 'src/app', 'app', 'lib', 'server', 'src/main']) {
      const folder = joinPath(base, candidate);
      if (graph.filesUnder(folder).length > 0) {
        roots.add(folder);
        break;
      }
    }
    if (![...roots].some((r) => isUnder(r, base))) roots.add(base);
  }
  return [...roots];
}

function isSourceRoot(folder: string, graph: GraphIndex, services: readonly ServiceUnit[]): boolean {
  return sourceRoots(graph, services).includes(folder) || services.some((s) => s.path === folder);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
