import type { FileChange } from '../model';
import type { FileSystemPort } from '../ports';
import type { ScannedFile, ScopeMatcher } from '../scan';
import type { EngineFiles } from './engine-files';

/** What a batch of file-system changes did to the engine's file list. */
export interface ChangeSet {
  /** Files in scope to read again (or forgotten, when they went away). */
  readonly touched: Set<string>;
  /** Files in scope that came or went. */
  readonly existenceChanged: string[];
  /**
   * Every path changed, in scope or not (TypeScript finds ignored and excluded files too, so
   * they decide where imports lead as much as scanned ones).
   */
  readonly probed: Set<string>;
  readonly appeared: Set<string>;
  readonly gone: Set<string>;
  /**
   * A folder (or a path never scanned) went away: what the resolver remembers under it is
   * unknown, so a fresh resolver re-resolves everything.
   */
  readonly resolveAll: boolean;
}

export interface ChangeSetHost {
  readonly fs: FileSystemPort;
  readonly root: string;
  readonly state: EngineFiles;
  readonly scope: ScopeMatcher | undefined;
  /** A scan of the whole workspace (for a folder that appeared). */
  scan(): readonly ScannedFile[];
}

/** Applies the changes to the file list (forgetting what went) and says what they touched. */
export function applyChanges(host: ChangeSetHost, changes: readonly FileChange[]): ChangeSet {
  const { fs, root, state } = host;
  const touched = new Set<string>();
  const existenceChanged: string[] = [];
  const probed = new Set<string>();
  const appeared = new Set<string>();
  const gone = new Set<string>();
  let resolveAll = false;
  const remove = (path: string): void => {
    probed.add(path);
    gone.add(path);
    if (!state.files.has(path)) resolveAll = true;
    const under = state.files.has(path) ? [path] : [...state.files.keys()];
    for (const known of under) {
      if (known === path || known.startsWith(path + '/')) {
        state.rememberEdges(known);
        state.files.delete(known);
        state.forget(known);
        existenceChanged.push(known);
        touched.add(known);
      }
    }
  };
  const add = (path: string, existedBefore: boolean): void => {
    probed.add(path);
    const stat = fs.stat(`${root}/${path}`);
    if (stat?.kind === 'directory') {
      appeared.add(path);
      // A folder appeared (or was renamed in): every file under it is new to the resolver, and
      // those in scope are what a scan of the whole tree finds under it.
      if (!collectFiles(fs, root, path, appeared)) resolveAll = true;
      for (const file of host.scan())
        if (file.path.startsWith(path + '/') && !state.files.has(file.path)) add(file.path, false);
      return;
    }
    if (stat?.kind !== 'file' || host.scope?.isExcluded(path, false) !== false) {
      if (!existedBefore) appeared.add(path);
      return;
    }
    const existed = state.files.has(path);
    if (!existed) appeared.add(path);
    state.files.set(path, { path, size: stat.size, mtimeMs: stat.mtimeMs });
    if (!existed) existenceChanged.push(path);
    touched.add(path);
  };
  for (const change of changes) {
    if (change.type === 'deleted') remove(change.path);
    else if (change.type === 'renamed') {
      remove(change.from);
      add(change.path, false);
    } else if (fs.stat(`${root}/${change.path}`) === undefined) remove(change.path);
    else add(change.path, change.type === 'changed');
  }
  return { touched, existenceChanged, probed, appeared, gone, resolveAll };
}

/**
 * Adds every file under a folder (in scope or not) to `into`; `false` when there are too many
 * to be worth tracking one by one.
 */
function collectFiles(
  fs: FileSystemPort,
  root: string,
  folder: string,
  into: Set<string>,
  budget = { left: 5000 },
): boolean {
  for (const entry of fs.readDirectory(`${root}/${folder}`) ?? []) {
    if (--budget.left < 0) return false;
    const path = `${folder}/${entry.name}`;
    if (entry.kind === 'directory') {
      into.add(path);
      if (!collectFiles(fs, root, path, into, budget)) return false;
    } else into.add(path);
  }
  return true;
}
