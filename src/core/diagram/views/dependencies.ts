import { aggregateLinks, importLinks } from '../aggregate-edges';
import { fitToBudget } from '../budget';
import { collapseTree, ownerIndex } from '../collapse-tree';
import type { DiagramInput, DiagramModel, DiagramResult, DiagramState } from '../diagram-model';
import { FileTree, isUnder } from '../file-tree';
import { applyFocus } from '../focus';
import {
  breadcrumbOf,
  labelOfId,
  notApplicable,
  packageFolders,
  treeNodes,
  withEdgeCounts,
} from '../view-helpers';

/**
 * Dependencies: the folder-level import graph, collapsed to about 60 nodes (packages and
 * folders before files); expanding `dir:<path>` shows that folder's contents in a box.
 */
export function dependenciesView(input: DiagramInput, state: DiagramState): DiagramResult {
  const { model } = input;
  if (model.files.length === 0) return notApplicable('deps', 'The workspace has no source files to draw.');
  const tree = new FileTree(model.files);
  const packages = packageFolders(model);
  const expanded = state.expanded.filter((id) => id.startsWith('dir:') && tree.isFolder(id.slice(4)));
  const folders = expanded.map((id) => id.slice(4));
  const build = (maxNodes: number): DiagramModel => {
    // Collapsed to read at the panel's size (maxNodes set by the panel): big folders open in part
    // rather than stay one node, so the view keeps nodes of its own.
    const { items, opened } = collapseTree(tree, '', {
      maxNodes,
      expanded: folders,
      chainStops: packages,
      openInPart: state.maxNodes !== undefined,
    });
    const boxes = folders.filter((folder) => opened.includes(folder));
    const groupOf = (path: string): string | undefined =>
      boxes.filter((box) => path !== box && isUnder(path, box)).sort((a, b) => b.length - a.length)[0];
    const nodes = items.flatMap((item) => {
      const path = item.kind === 'more' ? item.parent + '/' : item.path;
      const box = groupOf(path);
      return treeNodes([item], box ?? '', packages, box === undefined ? undefined : `dir:${box}`);
    });
    const edges = aggregateLinks(importLinks(model.edges, ownerIndex(items)), undefined, input.violations);
    return applyFocus(
      {
        view: 'deps',
        title: 'Dependencies',
        direction: 'LR',
        groups: boxes.map((box) => ({ id: `dir:${box}`, label: box })),
        nodes: withEdgeCounts(nodes, edges),
        edges,
        breadcrumb: breadcrumbOf('Workspace', expanded, labelOfId),
        notes: [],
      },
      state.focus,
    );
  };
  return { kind: 'diagram', model: fitToBudget(build, state.maxNodes) };
}
