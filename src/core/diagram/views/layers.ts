import type { ImportEdge, LayerUnit } from '../../model';
import { aggregateLinks, importLinks } from '../aggregate-edges';
import { fitToBudget } from '../budget';
import { collapseTree, ownerIndex, treeItemId, type TreeItem } from '../collapse-tree';
import type {
  DiagramEdgeStyle,
  DiagramInput,
  DiagramModel,
  DiagramNode,
  DiagramResult,
  DiagramState,
} from '../diagram-model';
import { layersFromNames } from '../fallback-units';
import { FileTree, isUnder } from '../file-tree';
import { applyFocus } from '../focus';
import {
  breadcrumbOf,
  labelOfId,
  notApplicable,
  packageFolders,
  plural,
  treeNodes,
  withEdgeCounts,
} from '../view-helpers';

/** Ring depth: 0 is the centre. Layers of other names sit between application and the edge. */
const RING: Readonly<Record<string, number>> = {
  domain: 0,
  core: 0,
  entities: 0,
  ports: 1,
  application: 2,
  'use-cases': 2,
  usecases: 2,
  interfaces: 4,
  presentation: 4,
  adapters: 4,
  infrastructure: 4,
  infra: 4,
};

/** The ring depth of a layer name (unknown names: 3). */
export function ringOf(name: string): number {
  return RING[name.toLowerCase()] ?? 3;
}

/**
 * Layers: the rings from the edge (adapters, interfaces) down to the domain at the centre,
 * one box each. Imports pointing inward are thick green arrows; imports pointing outward break
 * the rule and are dotted red (`violation`). Expanding `layer:<name>` or `dir:<path>` shows
 * the folders inside.
 */
export function layersView(input: DiagramInput, state: DiagramState): DiagramResult {
  const { model } = input;
  const tree = new FileTree(model.files);
  const detected = input.detection?.units.layers ?? [];
  const layers: LayerUnit[] = (detected.length >= 2 ? [...detected] : layersFromNames(tree))
    .map((layer) => ({
      name: layer.name,
      paths: layer.paths.filter((p) => tree.isFolder(p) || model.files.includes(p)),
    }))
    .filter((layer) => layer.paths.length > 0)
    .sort((a, b) => ringOf(b.name) - ringOf(a.name) || (a.name < b.name ? -1 : 1));
  if (layers.length < 2) {
    return notApplicable(
      'layers',
      'No layers found: the workspace has fewer than two folders named for a ring (domain, ports, application/use-cases, adapters/infrastructure, interfaces).',
    );
  }
  const packages = packageFolders(model);
  const layerOfPath = new Map(layers.flatMap((layer) => layer.paths.map((path) => [path, layer] as const)));
  const layerOfFile = (file: string): LayerUnit | undefined => {
    let best: string | undefined;
    for (const path of layerOfPath.keys())
      if (isUnder(file, path) && (best === undefined || path.length > best.length)) best = path;
    return best === undefined ? undefined : layerOfPath.get(best);
  };
  const expanded = state.expanded.filter(
    (id) =>
      (id.startsWith('layer:') && layers.some((l) => `layer:${l.name}` === id)) ||
      (id.startsWith('dir:') && tree.isFolder(id.slice(4))),
  );
  const openDirs = expanded.filter((id) => id.startsWith('dir:')).map((id) => id.slice(4));

  const build = (maxNodes: number): DiagramModel => {
    const totalPaths = layers.reduce((sum, l) => sum + l.paths.length, 0);
    const nodes: DiagramNode[] = [];
    const owners: ((file: string) => string | undefined)[] = [];
    const ringOfNode = new Map<string, number>();
    for (const layer of layers) {
      const group = `layer:${layer.name}`;
      const whole = !expanded.includes(group) && totalPaths > maxNodes / 2;
      if (whole) {
        const files = model.files.filter((f) => layerOfFile(f) === layer).length;
        nodes.push({
          id: group,
          label: layer.name,
          kind: 'module',
          expandable: true,
          group,
          detail: `Layer ${layer.name}: ${layer.paths.join(', ')} (${plural(files, 'file')})`,
        });
        owners.push((file) => (layerOfFile(file) === layer ? group : undefined));
        ringOfNode.set(group, ringOf(layer.name));
        continue;
      }
      const share = Math.max(1, Math.floor(maxNodes / totalPaths));
      const items: TreeItem[] = layer.paths.flatMap((path): TreeItem[] => {
        if (!tree.isFolder(path)) return [{ kind: 'file', path }];
        const folder = { kind: 'folder' as const, path, files: tree.folder(path)?.total ?? 0 };
        if (share < 2 && !openDirs.some((dir) => isUnder(dir, path))) return [folder];
        return [
          ...collapseTree(tree, path, {
            maxNodes: share,
            expanded: openDirs.filter((dir) => isUnder(dir, path)),
          }).items,
        ];
      });
      const owner = ownerIndex(items);
      owners.push((file) => (layerOfFile(file) === layer ? owner(file) : undefined));
      for (const node of items.flatMap((item) => treeNodes([item], baseOf(item, layer), packages, group))) {
        nodes.push(node);
        ringOfNode.set(node.id, ringOf(layer.name));
      }
    }
    // What lies outside the layers, within what is left of the budget: the folders most linked
    // to the layers, the rest as one node.
    const outsideItems = boundedOutside(
      topItems(
        model.files.filter((file) => layerOfFile(file) === undefined),
        tree,
      ),
      model.edges,
      (file) => layerOfFile(file) !== undefined,
      Math.max(4, maxNodes - nodes.length),
    );
    const outside = ownerIndex(outsideItems);
    const ownerOf = (file: string): string | undefined => {
      for (const owner of owners) {
        const id = owner(file);
        if (id !== undefined) return id;
      }
      return outside(file);
    };
    const edges = aggregateLinks(
      importLinks(model.edges, ownerOf),
      (from, to) => edgeStyle(ringOfNode.get(from), ringOfNode.get(to)),
      input.violations,
    );
    const linked = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
    const outsideNodes = treeNodes(outsideItems, '', packages).filter((node) => linked.has(node.id));
    return applyFocus(
      {
        view: 'layers',
        title: 'Layers',
        direction: 'TB',
        groups: layers.map((layer) => ({
          id: `layer:${layer.name}`,
          label: `${layer.name} (ring ${ringOf(layer.name)})`,
        })),
        nodes: withEdgeCounts([...nodes, ...outsideNodes], edges),
        edges,
        breadcrumb: breadcrumbOf('Layers', expanded, labelOfId),
        notes: [],
      },
      state.focus,
    );
  };
  return { kind: 'diagram', model: fitToBudget(build, state.maxNodes) };
}

function edgeStyle(
  from: number | undefined,
  to: number | undefined,
): { style: DiagramEdgeStyle; violation?: boolean } {
  if (from === undefined || to === undefined || from === to) return { style: 'normal' };
  return from > to ? { style: 'inward' } : { style: 'outward', violation: true };
}

/** Files outside every layer, by top folder (composition roots such as `src/main.ts` stay files). */
function topItems(files: readonly string[], tree: FileTree): TreeItem[] {
  const seen = new Map<string, TreeItem>();
  for (const file of files) {
    const parts = file.split('/');
    const key = parts.length <= 2 ? file : parts.slice(0, 2).join('/');
    if (!seen.has(key))
      seen.set(
        key,
        key === file
          ? { kind: 'file', path: file }
          : { kind: 'folder', path: key, files: tree.folder(key)?.total ?? 0 },
      );
  }
  return [...seen.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/**
 * At most `cap` of the items outside the layers: those with the most imports to or from a layer
 * first; the others (and the unlinked ones) in one `more` item.
 */
function boundedOutside(
  items: readonly TreeItem[],
  edges: readonly ImportEdge[],
  inLayer: (file: string) => boolean,
  cap: number,
): TreeItem[] {
  if (items.length <= cap) return [...items];
  const owner = ownerIndex(items);
  const weight = new Map<string, number>();
  const count = (file: string): void => {
    const id = owner(file);
    if (id !== undefined) weight.set(id, (weight.get(id) ?? 0) + 1);
  };
  for (const edge of edges) {
    if (edge.resolution !== 'internal' || edge.to === null) continue;
    const fromIn = inLayer(edge.from);
    const toIn = inLayer(edge.to);
    if (fromIn && !toIn) count(edge.to);
    else if (toIn && !fromIn) count(edge.from);
  }
  const ranked = [...items].sort(
    (a, b) =>
      (weight.get(treeItemId(b)) ?? 0) - (weight.get(treeItemId(a)) ?? 0) || (key(a) < key(b) ? -1 : 1),
  );
  const kept = ranked.slice(0, cap - 1).filter((item) => (weight.get(treeItemId(item)) ?? 0) > 0);
  const rest = items.filter((item) => !kept.includes(item));
  const files = rest.reduce(
    (sum, item) => sum + (item.kind === 'folder' ? item.files : item.kind === 'file' ? 1 : item.files),
    0,
  );
  return [...kept, { kind: 'more', parent: '', members: rest.map(key), files }];
}

function key(item: TreeItem): string {
  return item.kind === 'more' ? item.parent : item.path;
}

/** Labels inside a ring read from the ring's parent (`adapters/db`), or its grandparent when the ring spans modules (`billing/domain/x.ts`). */
function baseOf(item: TreeItem, layer: LayerUnit): string {
  const path = key(item);
  const ring = layer.paths.find((p) => isUnder(path, p)) ?? '';
  const parent = ring.slice(0, Math.max(0, ring.lastIndexOf('/')));
  return layer.paths.length > 1 ? parent.slice(0, Math.max(0, parent.lastIndexOf('/'))) : parent;
}
