import type { PackageJsonManifest, WorkspaceModel } from '../model';
import type { GraphIndex } from '../units';
import { matchesPackage } from '../units/known-packages';
import { dirOf, isUnder } from '../units/paths';
import { ROLE_CATALOGUE } from './runtime-catalogue';
import type { PartDetail } from './parts';
import type { PartRole } from './types';

/** Tool configuration and test setup by file name: never part of what ships. */
export const TOOLING_FILE =
  /(?:^|\/)(?:[^/]+\.config|\.[a-z-]+rc|jest\.setup|vitest\.setup|setup-?(?:files|tests)?)\.[cm]?[jt]sx?$/i;

/** Roles whose packages mark code as not backend when nothing backend uses it. */
const NOT_BACKEND_ROLES: readonly PartRole[] = ['web-frontend', 'desktop', 'mobile'];
/** Roles whose packages mark code as backend. */
const BACKEND_PACKAGE_ROLES: readonly PartRole[] = ['service', 'worker'];

/** Where an unreached file goes: a folder and the role it is set aside under. */
export interface UnreachedPlacement {
  readonly path: string;
  readonly role: PartRole;
}

/**
 * Places code that no entry point reaches and no backend part keeps:
 * - tool configuration and test setup files (`*.config.ts`, `.prettierrc.js`, `jest.setup.js`);
 * - files inside the folder of a part that is set aside (a CLI's own build scripts go with it);
 * - a package whose files import front-end, desktop or mobile frameworks and no server or worker
 *   package, and that no backend file imports: a UI library of the front ends (a monorepo's
 *   `packages/ui`, a shared component kit), not backend code.
 * Returns `undefined` for a file that stays with the backend.
 */
export function unreachedPlacer(
  model: WorkspaceModel,
  graph: GraphIndex,
  setAsideParts: readonly PartDetail[],
  keptFiles: ReadonlySet<string>,
): (file: string) => UnreachedPlacement | undefined {
  const packageFolders = model.manifests
    .filter((m): m is PackageJsonManifest => m.kind === 'package-json')
    .map((m) => dirOf(m.file))
    .filter((folder) => folder !== '.')
    .sort((a, b) => b.length - a.length);
  const packageOf = (file: string): string | undefined => packageFolders.find((f) => isUnder(file, f));
  const partFolders = setAsideParts
    .filter((p) => p.path !== '.')
    .sort((a, b) => b.path.length - a.path.length);

  const uiPackages = new Map<string, PartRole | undefined>();
  const uiRoleOf = (folder: string): PartRole | undefined => {
    if (uiPackages.has(folder)) return uiPackages.get(folder);
    const role = classifyPackage(folder, graph, keptFiles);
    uiPackages.set(folder, role);
    return role;
  };

  return (file) => {
    if (TOOLING_FILE.test(file)) return { path: dirOf(file), role: 'tooling' };
    const part = partFolders.find((p) => isUnder(file, p.path));
    if (part !== undefined) return { path: part.path, role: part.role };
    const pkg = packageOf(file);
    if (pkg === undefined) return undefined;
    const role = uiRoleOf(pkg);
    return role === undefined ? undefined : { path: pkg, role };
  };
}

/** The UI role of a package by what its files import, when nothing backend imports it. */
function classifyPackage(
  folder: string,
  graph: GraphIndex,
  keptFiles: ReadonlySet<string>,
): PartRole | undefined {
  const imported = new Set<string>();
  for (const file of graph.filesUnder(folder)) {
    for (const edge of graph.in.get(file) ?? [])
      if (keptFiles.has(edge.from) && !isUnder(edge.from, folder)) return undefined;
    for (const edge of graph.externals.get(file) ?? []) if (edge.to !== null) imported.add(edge.to);
  }
  const uses = (role: PartRole): boolean => {
    const packages = ROLE_CATALOGUE.find((r) => r.role === role)?.packages ?? [];
    return [...imported].some((name) => matchesPackage(name, packages));
  };
  if (BACKEND_PACKAGE_ROLES.some(uses)) return undefined;
  return NOT_BACKEND_ROLES.find(uses);
}
