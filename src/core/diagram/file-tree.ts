/**
 * The folders of a workspace as a tree, with file counts: what the collapsing views walk.
 * The root folder is `''`.
 */
export interface FolderEntry {
  readonly path: string;
  readonly folders: string[];
  readonly files: string[];
  /** Files under this folder, at any depth. */
  total: number;
}

export class FileTree {
  private readonly entries = new Map<string, FolderEntry>();

  constructor(files: readonly string[]) {
    this.entry('');
    for (const file of files) {
      const parent = parentOf(file);
      this.entry(parent).files.push(file);
      for (
        let dir: string | undefined = parent;
        dir !== undefined;
        dir = dir === '' ? undefined : parentOf(dir)
      ) {
        this.entry(dir).total++;
      }
    }
    for (const entry of this.entries.values()) {
      entry.folders.sort();
      entry.files.sort();
    }
  }

  /** The folder at `path`, or `undefined` when no file lies under it. */
  folder(path: string): FolderEntry | undefined {
    return this.entries.get(path);
  }

  isFolder(path: string): boolean {
    return this.entries.has(path);
  }

  private entry(path: string): FolderEntry {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = { path, folders: [], files: [], total: 0 };
      this.entries.set(path, entry);
      if (path !== '') this.entry(parentOf(path)).folders.push(path);
    }
    return entry;
  }
}

/** `src/a/b.ts` → `src/a`; `b.ts` → `''`. */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** `src/a/b.ts` → `b.ts`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `folder` or lies under it (`''` holds everything). */
export function isUnder(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(folder + '/');
}
