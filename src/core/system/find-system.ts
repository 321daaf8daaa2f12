import type { WorkspaceModel } from '../model';
import type { GraphIndex } from '../units';
import { findEntryPoints } from './entry-points';
import { findParts, reach, type PartDetail } from './parts';
import { unreachedPlacer } from './unreached-code';
import { FRONTEND_SERVER_FILES, nonProductFolderEnd, TOOLING_PATH } from './runtime-catalogue';
import { BACKEND_ROLES, type PartRole, type SetAside, type SystemModel } from './types';

/** The system without its deployables and would-be services (those come from the units of the backend code). */
export type SystemShape = Omit<SystemModel, 'deployables' | 'notServices'>;

/** The system, and the model of the code that backend patterns are judged on. */
export interface SystemSplit {
  readonly system: SystemShape;
  /** The model less the set-aside files (and their imports); the same object when nothing is set aside. */
  readonly backendModel: WorkspaceModel;
}

/** What each role is called in reports. */
export const ROLE_NAMES: Readonly<Record<PartRole, string>> = {
  service: 'service',
  worker: 'worker',
  function: 'function',
  'web-frontend': 'web front end',
  mobile: 'mobile app',
  desktop: 'desktop app',
  cli: 'command-line tool',
  library: 'library',
  tooling: 'build tooling and scripts',
  tests: 'tests, examples and docs',
};

/**
 * Finds entry points and parts, and sets aside the code that is not backend: files only front
 * ends, mobile and desktop apps reach, tests, examples, docs and tooling. When the workspace has
 * a backend part, command-line tools and libraries are set aside too; when it has none, their
 * code is what the code-level patterns (hexagonal, modular monolith) are judged on, so a tool's
 * own shape is still shown.
 */
export function splitSystem(
  model: WorkspaceModel,
  graph: GraphIndex,
  readText: (file: string) => string | undefined,
): SystemSplit {
  const entryPoints = findEntryPoints(model, graph, readText);
  const parts = findParts(model, graph, entryPoints);
  const hasBackend = parts.some((p) => BACKEND_ROLES.has(p.role));
  const kept = (role: PartRole): boolean =>
    BACKEND_ROLES.has(role) || (!hasBackend && (role === 'cli' || role === 'library' || role === 'desktop'));

  const keptFiles = new Set<string>();
  for (const part of parts) if (kept(part.role)) for (const f of part.fileSet) keptFiles.add(f);
  // Server routes inside a front-end app (and what they import) are backend code. One set for
  // every route: a walk stops where an earlier one went, so the union costs one pass of the graph
  // (a fresh set per route walked the same shared code once per route: seconds on a large app).
  const reachedFromRoutes = new Set<string>();
  for (const part of parts)
    if (part.role === 'web-frontend')
      for (const f of part.fileSet) if (FRONTEND_SERVER_FILES.test(f)) reach(f, graph, reachedFromRoutes);
  for (const r of reachedFromRoutes) keptFiles.add(r);

  // Keyed by folder and role: a package's config files (tooling) and its code (a front end) are two entries.
  const asideBy = new Map<string, { path: string; role: PartRole; files: Set<string> }>();
  const setAsideFile = (file: string, path: string, role: PartRole): void => {
    const key = `${path}\0${role}`;
    const entry = asideBy.get(key) ?? { path, role, files: new Set<string>() };
    entry.files.add(file);
    asideBy.set(key, entry);
  };
  const inSomePart = new Set<string>();
  for (const part of parts) {
    for (const file of part.fileSet) inSomePart.add(file);
    if (kept(part.role)) continue;
    for (const file of part.fileSet) if (!keptFiles.has(file)) setAsideFile(file, part.path, part.role);
  }
  const placeUnreached = unreachedPlacer(
    model,
    graph,
    parts.filter((p) => !kept(p.role)),
    keptFiles,
  );
  for (const file of model.files) {
    if (keptFiles.has(file) || inSomePart.has(file)) continue;
    const testsEnd = nonProductFolderEnd(file);
    if (testsEnd !== undefined) {
      setAsideFile(file, file.slice(0, testsEnd), 'tests');
      continue;
    }
    const tooling = TOOLING_PATH.exec(file);
    if (tooling !== null) {
      setAsideFile(file, file.slice(0, tooling.index + tooling[0].length - 1), 'tooling');
      continue;
    }
    if (!hasBackend) continue;
    const placed = placeUnreached(file);
    if (placed !== undefined) setAsideFile(file, placed.path, placed.role);
  }

  const setAside: SetAside[] = [...asideBy.values()]
    .map(({ path, role, files }) => ({
      path,
      role,
      files: files.size,
      message: `\`${path}\` — ${ROLE_NAMES[role]} (${files.size} file${files.size === 1 ? '' : 's'}): not scored`,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.role < b.role ? -1 : 1));
  const aside = new Set<string>();
  for (const { files } of asideBy.values()) for (const f of files) aside.add(f);

  return {
    system: { entryPoints, parts: parts.map(printable), setAside },
    backendModel: aside.size === 0 ? model : withoutFiles(model, aside),
  };
}

function printable({ fileSet: _files, ...part }: PartDetail): Omit<PartDetail, 'fileSet'> {
  return part;
}

function withoutFiles(model: WorkspaceModel, aside: ReadonlySet<string>): WorkspaceModel {
  return {
    ...model,
    files: model.files.filter((f) => !aside.has(f)),
    edges: model.edges.filter((e) => !aside.has(e.from)),
  };
}
