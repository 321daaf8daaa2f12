import type { PackageJsonManifest, WorkspaceModel } from '../model';
import type { GraphIndex } from '../units';
import { reach } from '../units/reach';

export { reach };
import { matchesPackage } from '../units/known-packages';
import { baseName, dirOf, isUnder } from '../units/paths';
import {
  DEVELOPMENT_MAIN_FOLDER,
  FRONTEND_SERVER_FILES,
  JVM_SOURCE_ROOT,
  nonProductFolderEnd,
  ROLE_CATALOGUE,
  TOOLING_PATH,
} from './runtime-catalogue';
import { STARTING_SCRIPT } from './script-commands';
import type { EntryPoint, PartRole, SystemPart } from './types';

/** A part with its files, before it is printed. */
export interface PartDetail extends SystemPart {
  readonly fileSet: ReadonlySet<string>;
}

/**
 * Groups entry points by the package (or framework root) they start in, takes every file each
 * group reaches through the import graph (a framework root owns every file under it: its routes
 * are found by convention, not imports), and gives each part a role from what it runs.
 */
export function findParts(
  model: WorkspaceModel,
  graph: GraphIndex,
  entries: readonly EntryPoint[],
): PartDetail[] {
  const packages = model.manifests.filter((m): m is PackageJsonManifest => m.kind === 'package-json');
  const packageFolders = packages.map((p) => dirOf(p.file)).sort((a, b) => b.length - a.length);
  const packageOf = (path: string): string | undefined =>
    packageFolders.find((folder) => isUnder(path, folder));
  const startingPackages = new Set(
    packages
      .filter((p) => Object.keys(p.scripts).some((s) => STARTING_SCRIPT.test(s)))
      .map((p) => dirOf(p.file)),
  );

  // An Aspire app host starts the other parts for a local run; it ships nothing of its own.
  const appHosts = new Set(model.manifests.filter((m) => m.kind === 'aspire').map((m) => dirOf(m.file)));

  const groups = new Map<string, EntryPoint[]>();
  for (const entry of entries) {
    // A framework root is its own part: a fullstack package's front end and server are two parts.
    const key = entry.kind === 'framework-root' ? `root\0${entry.file}` : ownerFolder(entry, packageOf);
    const list = groups.get(key) ?? [];
    list.push(entry);
    groups.set(key, list);
  }

  const parts: PartDetail[] = [];
  for (const [key, group] of groups) {
    const folder = key.startsWith('root\0') ? key.slice(5) : key;
    const reached = new Set<string>();
    for (const entry of group) {
      if (entry.kind === 'framework-root') for (const f of graph.filesUnder(entry.file)) reached.add(f);
      else if (entry.kind === 'language-main')
        for (const f of graph.filesUnder(dirOf(entry.file))) reached.add(f);
      else reach(entry.file, graph, reached);
    }
    const { role, basis } = appHosts.has(folder)
      ? {
          role: 'tooling' as const,
          basis: [`\`${folder}\` is a .NET Aspire app host: it starts the other parts`],
        }
      : roleOf(folder, group, reached, graph, startingPackages.has(packageOf(folder) ?? '.'));
    const name =
      packages.find((p) => dirOf(p.file) === folder)?.name ??
      (folder === '.' ? baseName(model.root) : baseName(folder));
    parts.push({
      name,
      path: folder,
      role,
      basis,
      entryPoints: [...new Set(group.map((e) => e.file))].sort(),
      files: reached.size,
      fileSet: reached,
    });
  }
  return parts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.role < b.role ? -1 : 1));
}

/**
 * The folder a started file's part is named after: its package, else its own folder. Mains of
 * other languages are their own folder's; so are functions outside any package, while the
 * functions of one package (a Next.js app's route handlers on Vercel, a stack's Lambdas) are one part.
 */
function ownerFolder(entry: EntryPoint, packageOf: (path: string) => string | undefined): string {
  if (entry.kind === 'language-main') {
    // A JVM program is its build module: the folder that holds `src/main/java` (Maven, Gradle).
    const jvmRoot = JVM_SOURCE_ROOT.exec(entry.file);
    if (jvmRoot !== null && jvmRoot[1] === 'main')
      return jvmRoot.index === 0 ? '.' : entry.file.slice(0, jvmRoot.index);
    return dirOf(entry.file);
  }
  if (entry.kind === 'function-handler') {
    const owner = packageOf(entry.file);
    return owner !== undefined && owner !== '.' ? owner : dirOf(entry.file);
  }
  return packageOf(entry.file) ?? dirOf(entry.file);
}

function roleOf(
  folder: string,
  group: readonly EntryPoint[],
  files: ReadonlySet<string>,
  graph: GraphIndex,
  packageStarts: boolean,
): { role: PartRole; basis: string[] } {
  if (nonProductFolderEnd(`${folder}/`) !== undefined)
    return { role: 'tests', basis: [`\`${folder}\` holds tests, examples or docs`] };
  if (TOOLING_PATH.test(`${folder}/`))
    return { role: 'tooling', basis: [`\`${folder}\` holds build tooling or scripts`] };
  if (DEVELOPMENT_MAIN_FOLDER.test(folder) && group.every((e) => e.kind === 'language-main'))
    return { role: 'tooling', basis: [`\`${folder}\` generates code or seeds data for development`] };
  const handlers = group.filter((e) => e.kind === 'function-handler');
  if (handlers.length > 0) return { role: 'function', basis: handlers.map((e) => e.message) };

  const imported = new Set<string>();
  for (const file of files)
    for (const edge of graph.externals.get(file) ?? []) if (edge.to !== null) imported.add(edge.to);
  const matched = new Map<PartRole, string[]>();
  const byPackages = (role: PartRole): string[] => {
    let names = matched.get(role);
    if (names === undefined) {
      const entry = ROLE_CATALOGUE.find((r) => r.role === role);
      names =
        entry === undefined
          ? []
          : [...imported].filter((name) => matchesPackage(name, entry.packages)).sort();
      matched.set(role, names);
    }
    return names;
  };
  const frameworkRoot = group.some((e) => e.kind === 'framework-root');
  const started =
    packageStarts ||
    group.some((e) => e.kind === 'bootstrap' || e.kind === 'package-script' || e.kind === 'language-main');

  for (const { role } of ROLE_CATALOGUE) {
    const basis = byPackages(role);
    if (basis.length === 0) continue;
    if (role === 'service') {
      if (frameworkRoot && byPackages('web-frontend').length > 0) continue;
      if (!started) continue;
    }
    if (role === 'worker' && !started) continue;
    return { role, basis: basis.map((name) => `imports \`${name}\``) };
  }
  if (frameworkRoot)
    return {
      role: 'web-frontend',
      basis: group.filter((e) => e.kind === 'framework-root').map((e) => e.message),
    };
  if (group.some((e) => e.kind === 'bootstrap' || e.kind === 'language-main'))
    return { role: 'service', basis: group.map((e) => e.message) };
  // Server routes (Next API routes, route handlers) make a part a service only here, after the
  // packages and the front end had their say; the first one found is named.
  let serverFile: string | undefined;
  for (const f of files)
    if (FRONTEND_SERVER_FILES.test(f)) {
      serverFile = f;
      break;
    }
  if (serverFile !== undefined)
    return { role: 'service', basis: [`server routes such as \`${serverFile}\``] };
  if (group.some((e) => e.kind === 'package-bin'))
    return { role: 'cli', basis: group.filter((e) => e.kind === 'package-bin').map((e) => e.message) };
  if (started) return { role: 'service', basis: group.map((e) => e.message) };
  return { role: 'library', basis: group.map((e) => e.message) };
}
