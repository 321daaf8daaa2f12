import { baseName, isUnder, parentOf, type FileTree } from './file-tree';

/** One visible item of a collapsed folder tree. */
export type TreeItem =
  | { readonly kind: 'folder'; readonly path: string; readonly files: number }
  | { readonly kind: 'file'; readonly path: string }
  /** Children of `parent` left out to stay within the limit, drawn as one node. */
  | {
      readonly kind: 'more';
      readonly parent: string;
      readonly members: readonly string[];
      readonly files: number;
    };

export interface CollapseOptions {
  /** The most items to show; the user's expansions may exceed it only through `more` nodes. */
  readonly maxNodes: number;
  /** Folders the user expanded: always open, with their ancestors (when inside the scope). */
  readonly expanded: readonly string[];
  /** Whether a folder may be opened automatically (default: all). */
  readonly autoExpand?: (path: string) => boolean;
  /** Folders a chain of single folders stops at (packages keep their own node). */
  readonly chainStops?: ReadonlySet<string>;
  /** Whether a folder with too many children may open in part (its biggest, the rest as `more`). */
  readonly openInPart?: boolean;
}

/** The fewest children a folder opened in part shows, its `more` node included. */
const MIN_PART_OPEN = 4;

export interface CollapsedTree {
  readonly items: readonly TreeItem[];
  /** Every folder that was opened (by the user or automatically), sorted. */
  readonly opened: readonly string[];
}

/**
 * The items to draw for the folder `scope`: its children, with folders opened automatically
 * (folders that hold only folders first, then the biggest) while the count stays within
 * `maxNodes`, and the user's `expanded` folders always open. Chains of single folders are
 * walked through (`src/app/modules` is one step). Pure and deterministic.
 */
export function collapseTree(tree: FileTree, scope: string, options: CollapseOptions): CollapsedTree {
  const cap = Math.max(2, options.maxNodes);
  const forced = new Set<string>();
  for (const path of options.expanded) {
    for (let dir = path; dir !== '' && isUnder(dir, scope) && dir !== scope; dir = parentOf(dir))
      forced.add(dir);
  }
  const opened = new Set<string>();
  const stops = options.chainStops ?? new Set<string>();
  let items: TreeItem[] = childrenOf(tree, throughChain(tree, scope, stops), cap, stops);
  const open = (index: number, force: boolean): boolean => {
    const item = items[index];
    if (item?.kind !== 'folder') return false;
    let children = childrenOf(tree, item.path, cap, stops);
    if (!force && items.length - 1 + children.length > cap) {
      // Opened in part when there is room for a few of its children (the biggest, the rest as
      // one `more` node): a view of one `packages` node says nothing.
      const room = cap - (items.length - 1);
      if (!options.openInPart || room < MIN_PART_OPEN) return false;
      children = childrenOf(tree, item.path, room, stops);
    }
    items = [...items.slice(0, index), ...children, ...items.slice(index + 1)];
    opened.add(item.path);
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item?.kind === 'folder' && forced.has(item.path) && open(i, true)) {
        changed = true;
        i--;
      }
    }
  }
  const autoExpand = options.autoExpand ?? (() => true);
  for (;;) {
    let best = -1;
    let bestRank: readonly [number, number] = [Infinity, 0];
    items.forEach((item, index) => {
      if (item.kind !== 'folder' || !autoExpand(item.path)) return;
      const entry = tree.folder(item.path);
      if (!entry || entry.folders.length + entry.files.length < 2) return;
      const rank = [entry.files.length > 0 ? 1 : 0, -entry.total] as const;
      if (rank[0] < bestRank[0] || (rank[0] === bestRank[0] && rank[1] < bestRank[1])) {
        best = index;
        bestRank = rank;
      }
    });
    if (best === -1 || !open(best, false)) break;
  }
  return { items, opened: [...opened].sort() };
}

/** The id of the node drawing a tree item. */
export function treeItemId(item: TreeItem): string {
  switch (item.kind) {
    case 'folder':
      return `dir:${item.path}`;
    case 'file':
      return `file:${item.path}`;
    case 'more':
      return `more:${item.parent}`;
  }
}

/**
 * A function from a file to the id of the item that holds it (the file itself, its nearest
 * shown folder, or a `more` node), or `undefined` for files outside the items.
 */
export function ownerIndex(items: readonly TreeItem[]): (file: string) => string | undefined {
  const owner = new Map<string, string>();
  for (const item of items) {
    const id = treeItemId(item);
    if (item.kind === 'more') for (const member of item.members) owner.set(member, id);
    else owner.set(item.path, id);
  }
  return (file) => {
    for (
      let path: string | undefined = file;
      path !== undefined;
      path = path === '' ? undefined : parentOf(path)
    ) {
      const id = owner.get(path);
      if (id !== undefined) return id;
    }
    return undefined;
  };
}

function throughChain(tree: FileTree, path: string, stops: ReadonlySet<string>): string {
  let entry = tree.folder(path);
  while (entry && entry.files.length === 0 && entry.folders.length === 1 && !stops.has(entry.path)) {
    const only = entry.folders[0];
    if (only === undefined) break;
    entry = tree.folder(only);
  }
  return entry?.path ?? path;
}

/** Sub-folders (biggest first) then files (by name), at most `cap`; the rest in one `more` item. */
function childrenOf(tree: FileTree, path: string, cap: number, stops: ReadonlySet<string>): TreeItem[] {
  const entry = tree.folder(path);
  if (!entry) return [];
  const folders = entry.folders
    .map((sub) => tree.folder(throughChain(tree, sub, stops)) ?? tree.folder(sub))
    .filter((sub) => sub !== undefined)
    .sort((a, b) => b.total - a.total || compare(a.path, b.path));
  const all: TreeItem[] = [
    ...folders.map((sub): TreeItem => ({ kind: 'folder', path: sub.path, files: sub.total })),
    ...entry.files.map((file): TreeItem => ({ kind: 'file', path: file })),
  ];
  if (all.length <= cap) return all;
  const shown = all.slice(0, cap - 1);
  const rest = all.slice(cap - 1);
  const members = rest.map((item) => (item.kind === 'more' ? item.parent : item.path));
  const files = rest.reduce((sum, item) => sum + (item.kind === 'folder' ? item.files : 1), 0);
  return [...shown, { kind: 'more', parent: path, members, files }];
}

/** The label of a tree item relative to `base` (`src/orders` under `src` → `orders`). */
export function relativeLabel(path: string, base: string): string {
  if (base !== '' && path.startsWith(base + '/')) return path.slice(base.length + 1);
  return path === '' ? '.' : path;
}

export { baseName };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
