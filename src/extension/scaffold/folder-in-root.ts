/** The folder a scaffold was asked to write in, as the core wants it: relative to the analysed root. */
import path from 'node:path';

/**
 * `folder` (a native path, e.g. a `Uri`'s `fsPath`) relative to `root` as a POSIX path (`.` for
 * the root itself), or `undefined` when it is not inside `root`. Lexical: the planner and the
 * writer check links on the disk. Kept apart from `vscode` so plain Node tests can run it.
 */
export function folderInRoot(
  root: string,
  folder: string,
  pathApi: Pick<path.PlatformPath, 'relative' | 'isAbsolute' | 'sep'> = path,
): string | undefined {
  const relative = pathApi.relative(root, folder);
  if (relative === '') return '.';
  // Another drive on Windows gives an absolute path; a folder above the root starts with `..`.
  if (pathApi.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${pathApi.sep}`))
    return undefined;
  return relative.split(pathApi.sep).join('/');
}
