import * as path from 'node:path';

/** `C:\a\b` → `C:/a/b`; POSIX paths are returned as they are. */
export function toPosixPath(nativePath: string): string {
  return path.sep === '\\' ? nativePath.replace(/\\/g, '/') : nativePath;
}

export function toNativePath(posixPath: string): string {
  return path.sep === '\\' ? posixPath.replace(/\//g, '\\') : posixPath;
}

/** An absolute POSIX path for a path given on the command line or by VS Code. */
export function absolutePosixPath(input: string, cwd: string = process.cwd()): string {
  return toPosixPath(path.resolve(cwd, input));
}
