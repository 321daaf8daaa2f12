import type { WorkspaceModel } from '../model';
import type { TreeItem } from './collapse-tree';
import { relativeLabel, treeItemId } from './collapse-tree';
import type { BreadcrumbStep, DiagramEdge, DiagramNode, DiagramResult, DiagramViewId } from './diagram-model';
import { parentOf } from './file-tree';

/** The result of a view that does not apply, with the reason shown instead of a diagram. */
export function notApplicable(view: DiagramViewId, reason: string): DiagramResult {
  return { kind: 'not-applicable', view, reason };
}

/** The breadcrumb of an `expanded` list: the top, then one step per expansion. */
export function breadcrumbOf(
  top: string,
  expanded: readonly string[],
  labelOf: (id: string) => string,
): BreadcrumbStep[] {
  return [
    { label: top, expanded: [] },
    ...expanded.map((id, index) => ({ label: labelOf(id), expanded: expanded.slice(0, index + 1) })),
  ];
}

/** A readable label for an id of the form `kind:path`. */
export function labelOfId(id: string): string {
  const colon = id.indexOf(':');
  const rest = colon === -1 ? id : id.slice(colon + 1);
  return rest === '' ? '.' : rest;
}

/** Folders holding a package.json: drawn as packages. */
export function packageFolders(model: WorkspaceModel): Set<string> {
  return new Set(model.manifests.filter((m) => m.kind === 'package-json').map((m) => parentOf(m.file)));
}

/** Nodes for collapsed tree items, labelled relative to `base`. */
export function treeNodes(
  items: readonly TreeItem[],
  base: string,
  packages: ReadonlySet<string>,
  group?: string,
): DiagramNode[] {
  return items.map((item): DiagramNode => {
    const id = treeItemId(item);
    const groupPart = group === undefined ? {} : { group };
    switch (item.kind) {
      case 'folder':
        return {
          id,
          label: relativeLabel(item.path, base),
          kind: packages.has(item.path) ? 'package' : 'folder',
          path: item.path,
          expandable: true,
          detail: `${packages.has(item.path) ? 'Package' : 'Folder'} ${item.path}: ${plural(item.files, 'file')}`,
          ...groupPart,
        };
      case 'file':
        return {
          id,
          label: relativeLabel(item.path, base),
          kind: 'file',
          path: item.path,
          expandable: false,
          detail: `File ${item.path}`,
          ...groupPart,
        };
      case 'more':
        return {
          id,
          label: `${plural(item.members.length, 'more item')}`,
          kind: 'more',
          path: item.parent,
          expandable: false,
          detail: `${plural(item.members.length, 'item')} of ${item.parent || '.'} (${plural(item.files, 'file')}) drawn as one node to keep the diagram readable`,
          ...groupPart,
        };
    }
  });
}

/** Adds the edge counts to each node's tooltip: `…; 12 imports out, 3 in`. */
export function withEdgeCounts(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  noun = 'import',
): DiagramNode[] {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const edge of edges) {
    out.set(edge.from, (out.get(edge.from) ?? 0) + edge.count);
    into.set(edge.to, (into.get(edge.to) ?? 0) + edge.count);
  }
  return nodes.map((node) => ({
    ...node,
    detail: `${node.detail}; ${plural(out.get(node.id) ?? 0, noun)} out, ${into.get(node.id) ?? 0} in`,
  }));
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
