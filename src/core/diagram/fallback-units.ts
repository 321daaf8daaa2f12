import type { LayerUnit, Units, WorkspaceModel } from '../model';
import { baseName, FileTree, isUnder, parentOf } from './file-tree';

const MODULE_CONTAINERS = new Set([
  'modules',
  'features',
  'domains',
  'contexts',
  'bounded-contexts',
  'services',
  'apps',
]);

/** Folder names and the ring they suggest; used only when detection gave no layers. */
const LAYER_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^(domain|entities|core-domain)$/, 'domain'],
  [/^ports?$/, 'ports'],
  [/^(application|use-?cases|usecases|app-services)$/, 'application'],
  [/^(adapters?|infrastructure|infra|persistence)$/, 'adapters'],
  [/^(interfaces|presentation|controllers|http|web)$/, 'interfaces'],
];

/**
 * Units read from the model alone, for when detection did not run: deployables from
 * package.json files, Dockerfiles and built compose services; modules from the children of
 * `modules/`-like folders; layers from ring-named folders (at least two different rings).
 */
export function unitsFromModel(model: WorkspaceModel): Units {
  const tree = new FileTree(model.files);
  const deployables = new Map<string, { name: string; path: string; kind: string }>();
  const add = (path: string, name: string, kind: string): void => {
    if (!deployables.has(path)) deployables.set(path, { name, path: path === '' ? '.' : path, kind });
  };
  for (const manifest of model.manifests) {
    const folder = parentOf(manifest.file);
    if (manifest.kind === 'package-json' && !(manifest.workspaces.length > 0 && folder === '')) {
      add(folder, manifest.name ?? (baseName(folder) || 'root'), 'package');
    } else if (manifest.kind === 'dockerfile') {
      add(folder, baseName(folder) || 'root', 'dockerfile');
    } else if (manifest.kind === 'compose') {
      for (const service of manifest.services) {
        if (service.buildContext !== undefined)
          add(service.buildContext.replace(/^\.\/?|\/$/g, ''), service.name, 'compose-service');
      }
    }
  }
  const modules: { name: string; path: string }[] = [];
  for (const file of model.files) {
    const parts = file.split('/');
    for (let i = 0; i < parts.length - 2; i++) {
      const container = parts[i];
      if (container !== undefined && MODULE_CONTAINERS.has(container)) {
        const path = parts.slice(0, i + 2).join('/');
        if (!modules.some((m) => m.path === path) && tree.isFolder(path) && !deployables.has(path)) {
          modules.push({ name: parts[i + 1] ?? path, path });
        }
        break;
      }
    }
  }
  return {
    deployables: [...deployables.values()].sort((a, b) => compare(a.path, b.path)),
    modules: modules.sort((a, b) => compare(a.path, b.path)),
    layers: layersFromNames(tree),
  };
}

/** Ring-named folders, outermost match wins (a `domain` inside `adapters` is not a ring). */
export function layersFromNames(tree: FileTree): LayerUnit[] {
  const byLayer = new Map<string, string[]>();
  const visit = (path: string, insideRing: boolean): void => {
    const entry = tree.folder(path);
    if (!entry) return;
    for (const sub of entry.folders) {
      const name = baseName(sub).toLowerCase();
      const ring = insideRing ? undefined : LAYER_NAMES.find(([pattern]) => pattern.test(name))?.[1];
      if (ring !== undefined) byLayer.set(ring, [...(byLayer.get(ring) ?? []), sub]);
      visit(sub, insideRing || ring !== undefined);
    }
  };
  visit('', false);
  if (byLayer.size < 2) return [];
  return [...byLayer].map(([name, paths]) => ({ name, paths: paths.sort() }));
}

/** The deepest unit path holding `file`, or `undefined`. `.` is the root. */
export function deepestUnit(file: string, paths: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const path of paths) {
    const folder = path === '.' ? '' : path;
    if (isUnder(file, folder) && (best === undefined || folder.length > (best === '.' ? 0 : best.length)))
      best = path;
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
