import type { Units, WorkspaceModel } from '../../model';
import { aggregateLinks, importLinks, type Link } from '../aggregate-edges';
import {
  backendFileTest,
  backingForDriver,
  composeBackingServices,
  type BackingNode,
} from '../backing-services';
import { fitToBudget } from '../budget';
import { collapseTree, ownerIndex, type TreeItem } from '../collapse-tree';
import type { DiagramInput, DiagramModel, DiagramNode, DiagramResult, DiagramState } from '../diagram-model';
import { deepestUnit, unitsFromModel } from '../fallback-units';
import { FileTree, isUnder, parentOf } from '../file-tree';
import { applyFocus } from '../focus';
import {
  breadcrumbOf,
  labelOfId,
  notApplicable,
  packageFolders,
  treeNodes,
  withEdgeCounts,
} from '../view-helpers';
import { dependenciesView } from './dependencies';

/** A deployable or module drawn as one node; several deployables of one folder are merged. */
interface UnitNode {
  readonly id: string;
  /** `.` for the root. */
  readonly path: string;
  readonly label: string;
  readonly kind: 'deployable' | 'function' | 'module';
  readonly detail: string;
}

/**
 * Overview: deployables and modules with the imports between them (edge label = import
 * count) and the databases, caches and brokers they use. Expanding `unit:<path>` shows the
 * folders inside. Without detection, units come from the model alone; without any unit, the
 * top of the dependency graph.
 */
export function overviewView(input: DiagramInput, state: DiagramState): DiagramResult {
  const { model } = input;
  if (model.files.length === 0 && model.manifests.length === 0) {
    return notApplicable('overview', 'The workspace has no source files or manifests to draw.');
  }
  const units = unitNodes(input.detection?.units ?? unitsFromModel(model));
  const compose = composeBackingServices(model);
  if (units.length === 0 && compose.length === 0) {
    const deps = dependenciesView(input, state);
    return deps.kind === 'diagram'
      ? { kind: 'diagram', model: { ...deps.model, view: 'overview', title: 'Overview' } }
      : deps;
  }
  const tree = new FileTree(model.files);
  const packages = packageFolders(model);
  const unitPaths = units.map((unit) => unit.path);
  const byPath = new Map(units.map((unit) => [unit.path, unit]));
  const expanded = state.expanded.filter(
    (id) =>
      units.some((u) => u.id === id) ||
      (id.startsWith('dir:') && tree.isFolder(id.slice(4))) ||
      (id.startsWith(UNIT_GROUP) && tree.isFolder(id.slice(UNIT_GROUP.length))),
  );
  // A lone unit is opened by default: one box says nothing.
  const openUnits = new Set(expanded.filter((id) => id.startsWith('unit:')));
  const lone = units.length === 1 ? units[0] : undefined;
  if (lone) openUnits.add(lone.id);
  const openDirs = expanded.filter((id) => id.startsWith('dir:')).map((id) => id.slice(4));

  // How strongly each unit is linked to the others: a fold keeps the most linked units as nodes.
  const unitWeight = new Map<string, number>();
  for (const edge of model.edges) {
    if (edge.resolution !== 'internal' || edge.to === null) continue;
    const from = deepestUnit(edge.from, unitPaths);
    const to = deepestUnit(edge.to, unitPaths);
    if (from === to) continue;
    for (const path of [from, to])
      if (path !== undefined) unitWeight.set(`unit:${path}`, (unitWeight.get(`unit:${path}`) ?? 0) + 1);
  }
  const build = (maxNodes: number): DiagramModel => {
    const inside = new Map<string, (file: string) => string | undefined>();
    const nodes: DiagramNode[] = [];
    const share = Math.max(4, maxNodes - units.length);
    const parentUnit = (unit: UnitNode): UnitNode | undefined => {
      const parent = deepestUnit(
        unit.path === '.' ? '' : unit.path,
        unitPaths.filter((p) => p !== unit.path && isUnder(unit.path, folderOf(p))),
      );
      return parent === undefined ? undefined : byPath.get(parent);
    };
    // Units drawn at the top: those without a parent unit, or whose parent (a root package
    // holding the whole monorepo) is closed; those can fold into `packages/*`-like groups.
    const atTop = (unit: UnitNode): boolean => {
      const parent = parentUnit(unit);
      return parent === undefined || !openUnits.has(parent.id);
    };
    const unitGroups = groupUnits(
      units.filter((unit) => !openUnits.has(unit.id) && atTop(unit)),
      units.length,
      maxNodes,
      new Set(expanded),
      (unit) => unitWeight.get(unit.id) ?? 0,
    );
    for (const [groupId, members] of unitGroups.byGroup) {
      const some = unitGroups.partial.has(groupId) ? ' more' : '';
      nodes.push({
        id: groupId,
        label: `${groupId.slice(UNIT_GROUP.length)}/* (${members.length}${some})`,
        kind: 'folder',
        path: groupId.slice(UNIT_GROUP.length),
        expandable: true,
        detail: `${members.length} deployables and modules under ${groupId.slice(UNIT_GROUP.length)}, drawn as one node to keep the overview readable: ${members
          .slice(0, 8)
          .map((m) => m.label)
          .join(', ')}${members.length > 8 ? ', …' : ''}`,
      });
    }
    for (const unit of units) {
      const parent = parentUnit(unit);
      const group = parent && openUnits.has(parent.id) ? { group: parent.id } : {};
      if (unitGroups.groupOf.has(unit.id)) continue;
      if (!openUnits.has(unit.id)) {
        nodes.push({
          id: unit.id,
          label: unit.label,
          kind: unit.kind,
          path: unit.path,
          expandable: true,
          detail: unit.detail,
          ...group,
        });
        continue;
      }
      const { items } = collapseTree(tree, folderOf(unit.path), {
        maxNodes: share,
        expanded: openDirs.filter((dir) => isUnder(dir, folderOf(unit.path))),
        autoExpand: (path) => !unitPaths.includes(path),
        chainStops: new Set([...packages, ...unitPaths]),
      });
      const own = items.filter((item) => item.kind !== 'folder' || !unitPaths.includes(item.path));
      inside.set(unit.id, ownerIndex(own));
      nodes.push(...treeNodes(own, folderOf(unit.path), packages, unit.id));
    }
    const loose = looseItems(model, unitPaths);
    nodes.push(...treeNodes(loose, '', packages));
    const looseOwner = ownerIndex(loose);
    const ownerOf = (file: string): string | undefined => {
      const path = deepestUnit(file, unitPaths);
      const unit = path === undefined ? undefined : byPath.get(path);
      if (!unit) return looseOwner(file);
      return unitGroups.groupOf.get(unit.id) ?? inside.get(unit.id)?.(file) ?? unit.id;
    };
    const backing = new Map<string, BackingNode>(compose.map((b) => [b.id, b]));
    const links: Link[] = importLinks(model.edges, ownerOf);
    const backend = backendFileTest(input.detection);
    for (const edge of model.edges) {
      if (edge.resolution !== 'external' || edge.to === null) continue;
      const target = backingForDriver(edge.to, compose, edge.specifier);
      const from = ownerOf(edge.from);
      if (!target || from === undefined) continue;
      // A type import of a client package calls nothing.
      if (target.kind === 'external-api' && (edge.kind === 'type' || !backend(edge.from))) continue;
      backing.set(target.id, target);
      links.push({
        from,
        to: target.id,
        location: { file: edge.from, line: edge.line, column: edge.column, text: edge.specifier },
      });
    }
    links.push(...composeLinks(model, units, compose));
    for (const b of backing.values()) {
      nodes.push({
        id: b.id,
        label: b.label,
        kind: b.kind,
        ...(b.file !== undefined ? { path: b.file } : {}),
        expandable: false,
        detail:
          b.service !== undefined
            ? `Backing service ${b.service} in ${b.file ?? ''}`
            : b.kind === 'external-api'
              ? `External system ${b.label}, called through its client package`
              : `${b.label}, reached through its driver package`,
      });
    }
    const edges = aggregateLinks(links, undefined, input.violations);
    return applyFocus(
      {
        view: 'overview',
        title: 'Overview',
        direction: 'LR',
        groups: units.filter((u) => openUnits.has(u.id)).map((u) => ({ id: u.id, label: u.label })),
        nodes: withEdgeCounts(nodes, edges),
        edges,
        breadcrumb: breadcrumbOf(
          'Overview',
          expanded,
          (id) => (id.startsWith('unit:') ? byPath.get(id.slice(5))?.label : undefined) ?? labelOfId(id),
        ),
        notes: [],
      },
      state.focus,
    );
  };
  return { kind: 'diagram', model: fitToBudget(build, state.maxNodes) };
}

/** Id prefix of a node standing for the units of one folder (`units:packages`). */
const UNIT_GROUP = 'units:';

/**
 * When there are more units than `maxNodes`, the closed top-level units of each parent folder
 * (`packages/*`, `apps/*`) are drawn as one `units:<folder>` node, biggest groups first, until
 * the count fits; a group the user expanded stays open. A group folds only as many of its units
 * as the count needs, the least linked (`weightOf`) first: the most linked stay nodes of their
 * own (the group is then `partial`, drawn as `packages/* (19 more)`).
 */
function groupUnits(
  closed: readonly UnitNode[],
  total: number,
  maxNodes: number,
  expanded: ReadonlySet<string>,
  weightOf: (unit: UnitNode) => number,
): { byGroup: Map<string, UnitNode[]>; groupOf: Map<string, string>; partial: Set<string> } {
  const byGroup = new Map<string, UnitNode[]>();
  const groupOf = new Map<string, string>();
  const partial = new Set<string>();
  if (total <= maxNodes) return { byGroup, groupOf, partial };
  const candidates = new Map<string, UnitNode[]>();
  for (const unit of closed) {
    const folder = unit.path === '.' ? '' : parentOf(unit.path);
    if (folder === '' || expanded.has(UNIT_GROUP + folder)) continue;
    candidates.set(UNIT_GROUP + folder, [...(candidates.get(UNIT_GROUP + folder) ?? []), unit]);
  }
  let count = total;
  const biggestFirst = [...candidates]
    .filter(([, members]) => members.length > 1)
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  for (const [id, members] of biggestFirst) {
    if (count <= maxNodes) break;
    // Folding k units into one node draws k − 1 fewer.
    const k = Math.min(members.length, count - maxNodes + 1);
    const folded = [...members]
      .sort((a, b) => weightOf(a) - weightOf(b) || (a.path < b.path ? -1 : 1))
      .slice(0, k);
    byGroup.set(id, folded);
    if (k < members.length) partial.add(id);
    for (const member of folded) groupOf.set(member.id, id);
    count -= k - 1;
  }
  return { byGroup, groupOf, partial };
}

function unitNodes(units: Units): UnitNode[] {
  const byPath = new Map<string, { names: string[]; kinds: string[] }>();
  for (const d of units.deployables) {
    const entry = byPath.get(d.path) ?? { names: [], kinds: [] };
    if (!entry.names.includes(d.name)) entry.names.push(d.name);
    if (!entry.kinds.includes(d.kind)) entry.kinds.push(d.kind);
    byPath.set(d.path, entry);
  }
  const nodes: UnitNode[] = [...byPath].map(([path, { names, kinds }]) => ({
    id: `unit:${path}`,
    path,
    label: names[0] ?? path,
    kind: kinds.every((k) => k === 'function') ? 'function' : 'deployable',
    detail: `Deployable ${names.join(', ')} (${kinds.join(', ')}) at ${path}`,
  }));
  for (const m of units.modules) {
    if (byPath.has(m.path)) continue;
    byPath.set(m.path, { names: [m.name], kinds: ['module'] });
    nodes.push({
      id: `unit:${m.path}`,
      path: m.path,
      label: m.name,
      kind: 'module',
      detail: `Module ${m.name} at ${m.path}`,
    });
  }
  return nodes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files in no unit, drawn by top folder (or as themselves at the root). */
function looseItems(model: WorkspaceModel, unitPaths: readonly string[]): TreeItem[] {
  const counts = new Map<string, number>();
  for (const file of model.files) {
    if (deepestUnit(file, unitPaths) !== undefined) continue;
    const slash = file.indexOf('/');
    const key = slash === -1 ? file : file.slice(0, slash);
    counts.set(key, (counts.get(key) ?? 0) + (slash === -1 ? 0 : 1));
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, files]): TreeItem =>
      files === 0 ? { kind: 'file', path } : { kind: 'folder', path, files },
    );
}

/** `depends_on` from a compose service built from a unit's folder to a backing service. */
function composeLinks(
  model: WorkspaceModel,
  units: readonly UnitNode[],
  compose: readonly BackingNode[],
): Link[] {
  const links: Link[] = [];
  for (const manifest of model.manifests) {
    if (manifest.kind !== 'compose') continue;
    for (const service of manifest.services) {
      const context = service.buildContext?.replace(/^\.\/?|\/$/g, '');
      const unit = units.find(
        (u) => (context !== undefined && folderOf(u.path) === context) || u.label === service.name,
      );
      if (!unit) continue;
      for (const dependency of service.dependsOn) {
        const target = compose.find((b) => b.service === dependency);
        if (target) {
          links.push({
            from: unit.id,
            to: target.id,
            location: { file: manifest.file, line: service.line ?? 1, text: `depends_on: ${dependency}` },
          });
        }
      }
    }
  }
  return links;
}

function folderOf(unitPath: string): string {
  return unitPath === '.' ? '' : unitPath;
}
