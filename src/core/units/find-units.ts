import type { FileSymbols, LayerUnit, WorkspaceModel } from '../model';
import { findDeployables } from './deployables';
import type { GraphIndex } from './graph-index';
import { detectLanguages } from './languages';
import { allFolders, findModules, sourceRoots } from './modules';
import { HEXAGON_NAMES, ringRoleOf } from './names';
import { baseName } from './paths';
import { findHexagons } from './rings';
import { identifyServices, type NonBackendPart } from './service-identity';
import type { RingRole, UnitAnalysis } from './types';

/** Languages whose imports the engine resolves to files (the others are seen by folders only). */
const IMPORTS_RESOLVED = new Set(['typescript', 'javascript', 'java', 'kotlin', 'csharp', 'go', 'python']);

/**
 * Finds the units a workspace is made of — deployables (grouped into services), backing
 * services, modules with their public faces, and rings/layers confirmed by the import graph.
 * Asks `symbols` only for NestJS `*.module.ts` files. `programFolders` are the folders of the
 * backend programs the system stage found, to which images of the same name are matched;
 * `nonBackend` its parts that are not backend code (a CLI's package that starts is no service).
 */
export function findUnits(
  model: WorkspaceModel,
  graph: GraphIndex,
  symbols: (file: string) => FileSymbols | undefined,
  programFolders: readonly string[] = [],
  nonBackend: readonly NonBackendPart[] = [],
): UnitAnalysis {
  const found = findDeployables(model, programFolders);
  const { functions, webApps, backing } = found;
  const { services, notServices } = identifyServices(found.services, graph, nonBackend);
  const modules = findModules(model, graph, services, symbols);
  const folders = allFolders(graph);
  const roots = [...sourceRoots(graph, services), ...modules.map((m) => m.path)];
  const hexagons = findHexagons(graph, roots, folders);
  const languages = detectLanguages(graph.files);
  const importsRead = languages.some((l) => IMPORTS_RESOLVED.has(l));

  const layers = new Map<RingRole, Set<string>>();
  const addLayer = (role: RingRole, path: string): void => {
    const set = layers.get(role) ?? new Set<string>();
    set.add(path);
    layers.set(role, set);
  };
  for (const hexagon of hexagons) {
    const named = hexagon.rings.filter((r) => HEXAGON_NAMES.has(baseName(r.folder).toLowerCase())).length;
    const shaped =
      hexagon.rings.some((r) => r.graphRole === 'core') &&
      hexagon.rings.some((r) => r.graphRole === 'adapter');
    // Only folders that look like rings by name, or a clean core/adapter split with a composition root.
    if (named < 2 && !(shaped && hexagon.leaks.length === 0 && hexagon.compositionRoots.length > 0)) continue;
    for (const ring of hexagon.rings) {
      const role =
        ring.namedRole ??
        (ring.graphRole === 'core' ? 'domain' : ring.graphRole === 'adapter' ? 'adapters' : undefined);
      if (
        role !== undefined &&
        (ring.graphRole !== 'other' || HEXAGON_NAMES.has(baseName(ring.folder).toLowerCase()))
      )
        addLayer(role, ring.folder);
    }
  }
  if (!importsRead) {
    for (const folder of folders) {
      const role = ringRoleOf(baseName(folder));
      if (role !== undefined && HEXAGON_NAMES.has(baseName(folder).toLowerCase())) addLayer(role, folder);
    }
  }
  const layerUnits: LayerUnit[] = [...layers]
    .map(([name, paths]) => ({ name, paths: [...paths].sort() }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));

  return {
    services,
    functions,
    webApps,
    backing,
    notServices,
    modules,
    hexagons,
    languages,
    importsRead,
    units: {
      deployables: [...services.flatMap((s) => s.deployables), ...functions, ...webApps].map((d) => ({
        name: d.name,
        path: d.path,
        kind: d.kind,
      })),
      modules: modules.map((m) => ({ name: m.name, path: m.path })),
      layers: layerUnits,
    },
  };
}
