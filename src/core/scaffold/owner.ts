/**
 * The unit that owns a file (the deepest module, or else deployable, whose folder holds it) and
 * the folders of a ring inside it. A scaffold made from a port or a class of one module is placed
 * and registered in that module, never in a sibling that happens to have more files.
 */
import type { ScaffoldWorkspace } from './types';
import { tsFiles } from './workspace-files';

const inside = (file: string, folder: string): boolean => folder === '.' || file.startsWith(`${folder}/`);

/** The folder of the deepest module (else deployable, other than the root) holding `file`. */
export function ownerFolder(ws: ScaffoldWorkspace, file: string): string | undefined {
  const deepest = (paths: readonly string[]) =>
    paths
      .filter((p) => p !== '.' && p !== '' && inside(file, p))
      .sort((a, b) => b.split('/').length - a.split('/').length)[0];
  return (
    deepest(ws.detection.units.modules.map((m) => m.path)) ??
    deepest(ws.detection.units.deployables.map((d) => d.path))
  );
}

/** The folder of the module named `name` (or whose folder is `name`), when detection found it. */
export function moduleFolder(ws: ScaffoldWorkspace, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const found = ws.detection.units.modules.find(
    (m) =>
      m.name.toLowerCase() === wanted ||
      m.path.toLowerCase() === wanted ||
      m.path.toLowerCase().endsWith(`/${wanted}`),
  );
  return found?.path;
}

/** The modules detection found, by name, for a pick list. */
export function moduleChoices(ws: ScaffoldWorkspace): { readonly name: string; readonly path: string }[] {
  return ws.detection.units.modules
    .map((m) => ({ name: m.name, path: m.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The folder inside `owner` whose last segment has one of `names`, holding the most source files;
 * with `under`, one whose path inside the owner also passes through one of those (`application`
 * for commands) wins over the others.
 */
export function ringFolderIn(
  ws: ScaffoldWorkspace,
  owner: string,
  names: readonly string[],
  under: readonly string[] = [],
): string | undefined {
  const counts = new Map<string, number>();
  for (const file of tsFiles(ws)) {
    if (!inside(file, owner)) continue;
    const rest = owner === '.' ? file : file.slice(owner.length + 1);
    const parts = rest.split('/').slice(0, -1);
    for (let i = 0; i < parts.length; i++) {
      if (!names.includes(parts[i] ?? '')) continue;
      const folder = [owner, ...parts.slice(0, i + 1)].filter((p) => p !== '.').join('/');
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
      break;
    }
  }
  const preferred = (folder: string) =>
    under.length > 0 && folder.split('/').some((segment) => under.includes(segment)) ? 0 : 1;
  return [...counts.entries()].sort(
    (a, b) => preferred(a[0]) - preferred(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
}

/**
 * Where sibling units keep a ring, relative to their own folder (`application/commands` in each
 * module): the most common such path, to lay out a unit that has none yet like the others.
 */
export function siblingLayout(
  ws: ScaffoldWorkspace,
  owner: string,
  names: readonly string[],
): string | undefined {
  const counts = new Map<string, number>();
  for (const sibling of ws.detection.units.modules) {
    if (sibling.path === owner) continue;
    const folder = ringFolderIn(ws, sibling.path, names);
    if (folder === undefined) continue;
    const relative = folder.slice(sibling.path.length + 1);
    counts.set(relative, (counts.get(relative) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Whether `file` lies in `owner` (every file does when there is no owner). */
export function inOwner(file: string, owner: string | undefined): boolean {
  return owner === undefined || inside(file, owner);
}
