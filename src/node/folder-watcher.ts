import { watch, type FSWatcher } from 'node:fs';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_EXCLUDED_FOLDERS } from '../core/scan';
import type { FileChange } from '../core/model';
import { toPosixPath } from './paths';

/** Watchers at most: past this many folders, the rest are not watched (and `overflowed` says so). */
const MAX_WATCHED_FOLDERS = 20_000;

/**
 * Watches a folder tree (one `fs.watch` per folder, so it works the same on every platform and
 * never descends into `node_modules`, `.git`, build output or caches) and hands over the changes
 * seen, as paths relative to the root. Folders that appear are watched as they come.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private pending = new Map<string, FileChange>();
  private closed = false;
  /** True when the tree had more folders than are watched. */
  overflowed = false;

  constructor(
    private readonly root: string,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.watchTree(root);
  }

  /** The changes since the last call, one per path (the latest kind wins). */
  take(): FileChange[] {
    const changes = [...this.pending.values()];
    this.pending = new Map();
    return changes;
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watchTree(folder: string): void {
    if (this.closed || this.watchers.has(folder)) return;
    if (this.watchers.size >= MAX_WATCHED_FOLDERS) {
      this.overflowed = true;
      return;
    }
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (event, name) => {
        if (typeof name === 'string' && name !== '') this.seen(path.join(folder, name), event === 'rename');
      });
    } catch {
      return; // Gone already, or not readable: nothing to watch.
    }
    watcher.on('error', () => {
      watcher.close();
      this.watchers.delete(folder);
    });
    this.watchers.set(folder, watcher);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries)
      if (entry.isDirectory() && !DEFAULT_EXCLUDED_FOLDERS.has(entry.name))
        this.watchTree(path.join(folder, entry.name));
  }

  private seen(absolute: string, renamed: boolean): void {
    const rel = toPosixPath(path.relative(this.root, absolute));
    if (
      rel === '' ||
      rel.startsWith('..') ||
      rel.split('/').some((part) => DEFAULT_EXCLUDED_FOLDERS.has(part))
    )
      return;
    let kind: 'file' | 'directory' | undefined;
    try {
      kind = statSync(absolute).isDirectory() ? 'directory' : 'file';
    } catch {
      kind = undefined;
    }
    if (kind === 'directory') {
      // A new folder: watch it; the engine reads what was written into it before the watch began.
      if (!renamed && this.watchers.has(absolute)) return;
      this.watchTree(absolute);
    }
    if (kind === undefined) {
      const gone = this.watchers.get(absolute);
      if (gone) {
        gone.close();
        this.watchers.delete(absolute);
      }
    }
    const previous = this.pending.get(rel);
    const type =
      kind === undefined ? 'deleted' : renamed || previous?.type === 'created' ? 'created' : 'changed';
    this.pending.set(rel, { type, path: rel });
    this.onChange();
  }
}
