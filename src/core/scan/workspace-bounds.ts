import type { DirEntry, FileStat, FileSystemPort } from '../ports';

/** The warning message of an entry whose real path leaves the workspace root. */
export const LINKS_OUTSIDE = 'skipped: links outside the workspace';

/** Whether `path` is `root` or under it (both absolute POSIX paths, compared as written). */
export function isWithin(root: string, path: string): boolean {
  if (path === root) return true;
  const prefix = root.endsWith('/') ? root : root + '/';
  return path.startsWith(prefix);
}

/**
 * Whether the real path of `path` (symlinks resolved) lies inside `realRoot`, the real path of
 * the workspace root. A path that cannot be resolved (missing, dangling) is judged as written.
 */
export function staysInside(fs: FileSystemPort, realRoot: string, path: string): boolean {
  return isWithin(realRoot, fs.realpath(path));
}

/**
 * A port that answers only inside the workspace: a path outside `root` as written, or whose
 * real path leaves the real root through a symlink, reads as absent. The resolver reads
 * through it, so a tsconfig `extends`, a `node_modules` link or TypeScript's walk up the
 * ancestors' `node_modules` can read nothing of the rest of the disk. Each answer costs a
 * `realpath`; the resolver caches what it reads. An ancestor of the root lists as the one
 * folder on the way to the root, so that the root itself exists to whoever asks its parent.
 */
export function confineToRoot(fs: FileSystemPort, root: string): FileSystemPort {
  const realRoot = fs.realpath(root);
  const allowed = (path: string): boolean =>
    isWithin(root, path) && !/(^|\/)\.\.(\/|$)/.test(path) && staysInside(fs, realRoot, path);
  return {
    readFile: (path): Uint8Array | undefined => (allowed(path) ? fs.readFile(path) : undefined),
    readDirectory: (path): readonly DirEntry[] | undefined =>
      allowed(path) ? fs.readDirectory(path) : towardRoot(root, path),
    stat: (path): FileStat | undefined => (allowed(path) ? fs.stat(path) : undefined),
    realpath: (path) => fs.realpath(path),
  };
}

/** For an ancestor of `root`: a listing of just the next folder toward the root. */
function towardRoot(root: string, path: string): readonly DirEntry[] | undefined {
  if (path === root || !isWithin(path, root)) return undefined;
  const rest = root.slice(path.endsWith('/') ? path.length : path.length + 1);
  const name = rest.split('/')[0];
  return name === undefined || name === '' ? undefined : [{ name, kind: 'directory' }];
}
